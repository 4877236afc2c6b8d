package org.scalefit.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.io.ExpressionLawFiles;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.NamedLaws;
import org.scalefit.law.expr.ParameterSpec;
import org.scalefit.law.expr.Penalty;
import org.scalefit.law.expr.Residual;
import picocli.CommandLine.Option;

/**
 * The controls of a law written as text ({@code --law 'E + A/N^alpha + B/D^beta'}) or read from a law file (a picocli
 * mixin of {@code fit}): inputs, fixed, tied, log-scale and bounded parameters, start values, residual and objective.
 * Options given on the command line override the law file's.
 */
final class LawOptions {

    @Option(names = "--law-file", paramLabel = "FILE",
            description = "A JSON law file: expression, inputs, parameters (scale, bounds, fixed, tied_to, starts), "
                    + "residual, objective, delta, kappa, weights.")
    Path lawFile;

    @Option(names = "--input", paramLabel = "NAME=COLUMN",
            description = "Read input NAME of the law from data column COLUMN (defaults: N=params, D=tokens, "
                    + "U=unique_tokens, C=FLOPs, M=tokens_per_param; known column names are inputs).")
    Map<String, String> inputs = new LinkedHashMap<>();

    @Option(names = "--fix", paramLabel = "NAME=VALUE", description = "Hold a parameter at a value.")
    Map<String, Double> fixed = new LinkedHashMap<>();

    @Option(names = "--tie", paramLabel = "NAME=OTHER", description = "Make a parameter equal another (e.g. beta=alpha).")
    Map<String, String> ties = new LinkedHashMap<>();

    @Option(names = "--log", paramLabel = "NAME", split = ",",
            description = "Fit these parameters on the log scale (positive).")
    List<String> logScale = new java.util.ArrayList<>();

    @Option(names = "--bounds", paramLabel = "NAME=LOW:HIGH",
            description = "Bounds on a parameter (empty for none, e.g. E=0:), imposed by a change of variables.")
    Map<String, String> bounds = new LinkedHashMap<>();

    @Option(names = "--start", paramLabel = "NAME=V1,V2,…",
            description = "Start values of a parameter (one axis of the start grid), in its own units.")
    Map<String, String> starts = new LinkedHashMap<>();

    @Option(names = "--residual", paramLabel = "log|raw",
            description = "Residual scale for a law given as text or file: log (default) or raw.")
    String residual;

    @Option(names = "--objective", paramLabel = "huber|squared|over-estimate",
            description = "Penalty for a law given as text or file: huber (default, with --delta), squared, or "
                    + "over-estimate (Huber with over-estimates, where the law is above the point, weighted "
                    + "--kappa times; the law then tracks the lower envelope of the losses).")
    String objective;

    @Option(names = "--kappa", paramLabel = "κ",
            description = "With --objective over-estimate: the weight of over-estimates, a number ≥ 1 (1 is Huber; "
                    + "kyo-takano/chinchilla's asymmetric loss uses 10).")
    Double kappa;

    @Option(names = "--weights", paramLabel = "COLUMN", description = "A data column of per-point weights.")
    String weights;

    @Option(names = "--bootstrap", paramLabel = "B", description = "For a law given as text or file: also refit "
            + "B pairs-bootstrap resamples from the optimum and store them in the result (percentile intervals of "
            + "the parameters; scalefit predict then gives intervals of its predictions).")
    Integer bootstrap;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED",
            description = "Seed of the --bootstrap resamples (NumPy's legacy stream). Default: ${DEFAULT-VALUE}.")
    long seed;

    /** Whether the law is one of the built-in log-sum-exp laws handled by the original fit path. */
    static boolean isBuiltInForm(String law) {
        return List.of("chinchilla", "width-depth", "width-depth-params").contains(law);
    }

    /** The law: the file's, a named law, or the text of {@code law}; then this mixin's overrides. */
    ExpressionLaw law(String law, Double delta) {
        ExpressionLaw result;
        String weightColumn = null;
        if (lawFile != null) {
            ExpressionLawFiles.LawFile file = ExpressionLawFiles.read(lawFile);
            result = file.law();
            weightColumn = file.weights();
        } else if (NamedLaws.exists(law)) {
            result = NamedLaws.named(law);
        } else {
            result = ExpressionLawFiles.infer("user", law, inputs, List.of());
        }
        if (lawFile != null || NamedLaws.exists(law)) {
            for (Map.Entry<String, String> input : inputs.entrySet()) {
                result = result.withColumn(input.getKey(), input.getValue());
            }
        }
        for (String name : logScale) {
            result = result.withParameter(result.parameter(name).logScale());
        }
        for (Map.Entry<String, String> bound : bounds.entrySet()) {
            String[] parts = bound.getValue().split(":", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("--bounds " + bound.getKey() + "=" + bound.getValue()
                        + ": expected LOW:HIGH (either may be empty)");
            }
            ParameterSpec spec = result.parameter(bound.getKey());
            double low = parts[0].isBlank() ? (spec.scale() == ParameterSpec.Scale.LOG ? 0 : Double.NEGATIVE_INFINITY)
                    : Double.parseDouble(parts[0]);
            double high = parts[1].isBlank() ? Double.POSITIVE_INFINITY : Double.parseDouble(parts[1]);
            result = result.withParameter(spec.withBounds(low, high));
        }
        for (Map.Entry<String, String> start : starts.entrySet()) {
            double[] values = java.util.Arrays.stream(start.getValue().split(",")).map(String::strip)
                    .mapToDouble(Double::parseDouble).toArray();
            result = result.withParameter(result.parameter(start.getKey()).withStarts(values));
        }
        for (Map.Entry<String, String> tie : ties.entrySet()) {
            result = result.withParameter(result.parameter(tie.getKey()).tiedTo(tie.getValue()));
        }
        for (Map.Entry<String, Double> fix : fixed.entrySet()) {
            result = result.withParameter(result.parameter(fix.getKey()).fixedAt(fix.getValue()));
        }
        if (residual != null) {
            result = result.withResidual(switch (residual) {
                case "log" -> Residual.LOG;
                case "raw" -> Residual.RAW;
                default -> throw new IllegalArgumentException("--residual must be log or raw, was " + residual);
            });
        }
        result = result.withPenalty(penalty(result.penalty(), delta));
        weightColumnChosen = weights != null ? weights : weightColumn;
        return result;
    }

    /**
     * The penalty: {@code --objective} if given, else the law's own ({@code current}); with {@code --delta} (or the
     * default δ of a law written as text, {@code delta}) for Huber and over-estimate, and {@code --kappa} for the
     * latter. A law file's or named law's squared penalty stays squared unless {@code --objective} says otherwise.
     */
    private Penalty penalty(Penalty current, Double delta) {
        String chosen = objective != null ? objective : current instanceof Penalty.Squared ? "squared"
                : current instanceof Penalty.OverEstimate ? "over-estimate" : "huber";
        double currentDelta = current instanceof Penalty.Huber huber ? huber.delta()
                : current instanceof Penalty.OverEstimate over ? over.delta() : 1e-3;
        double threshold = delta != null ? delta : currentDelta;
        if (kappa != null && !chosen.equals("over-estimate")) {
            throw new IllegalArgumentException("--kappa " + kappa + " applies to --objective over-estimate, not to "
                    + chosen);
        }
        return switch (chosen) {
            case "squared" -> Penalty.squared();
            case "huber" -> objective == null && delta == null ? current : Penalty.huber(threshold);
            case "over-estimate" -> {
                Double weight = kappa != null ? kappa
                        : current instanceof Penalty.OverEstimate over ? over.kappa() : null;
                if (weight == null) {
                    throw new IllegalArgumentException("--objective over-estimate needs --kappa κ, the weight of "
                            + "over-estimates (a number ≥ 1; kyo-takano/chinchilla's asymmetric loss uses 10)");
                }
                try {
                    yield Penalty.overEstimate(threshold, weight);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--kappa " + weight + ": " + e.getMessage(), e);
                }
            }
            default -> throw new IllegalArgumentException("--objective must be huber, squared or over-estimate, was "
                    + objective);
        };
    }

    /** The weight column of the last {@link #law} (option, else law file), or null. */
    String weightColumn() {
        return weightColumnChosen;
    }

    private String weightColumnChosen;
}
