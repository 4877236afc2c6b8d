package org.scalefit.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.io.ExpressionLawFiles;
import org.scalefit.io.analysis.LawControls;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.NamedLaws;
import org.scalefit.law.expr.Penalty;
import picocli.CommandLine.Option;

/**
 * The controls of a law written as text ({@code --law 'E + A/N^alpha + B/D^beta'}) or read from a law file (a picocli
 * mixin of {@code fit} and {@code rollout}): inputs, fixed, tied, log-scale and bounded parameters, start values,
 * residual and objective.
 * Options given on the command line override the law file's.
 */
final class LawOptions {

    @Option(names = "--law-file", paramLabel = "FILE",
            description = "A law file, JSON (YAML if it ends in .yaml or .yml): expression, inputs, parameters (scale, "
                    + "bounds, fixed, tied_to, starts), residual, objective, delta, kappa, weights.")
    Path lawFile;

    @Option(names = "--input", paramLabel = "NAME=COLUMN",
            description = "Read input NAME of the law from data column COLUMN (defaults: N=params, D=tokens, "
                    + "U=unique_tokens, C=FLOPs, M=tokens_per_param, or M = tokens/params when the data has params "
                    + "and tokens but no tokens_per_param column, recorded in the result's provenance; known column "
                    + "names are inputs).")
    Map<String, String> inputs = new LinkedHashMap<>();

    @Option(names = "--fix", paramLabel = "NAME=VALUE", split = ",",
            description = "Hold a parameter at a value (several: E=1.7,alpha=0.3).")
    Map<String, Double> fixed = new LinkedHashMap<>();

    @Option(names = "--tie", paramLabel = "NAME=OTHER", split = ",",
            description = "Make a parameter equal another (e.g. beta=alpha; several: beta=alpha,gamma=alpha).")
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

    @Option(names = "--weights", paramLabel = "COLUMN", description = "A data column of per-point weights "
            + "w_i ≥ 0 (the objective is Σ w_i·ρ(r_i)); a weight of 0 leaves its point out of the fit.")
    String weights;

    /** Whether the law is one of the built-in log-sum-exp laws handled by the original fit path. */
    static boolean isBuiltInForm(String law) {
        return List.of("chinchilla", "width-depth", "width-depth-params").contains(law);
    }

    /**
     * The law: the file's, a named law, or the text of {@code law}; then this mixin's overrides ({@link LawControls}).
     */
    ExpressionLaw law(String law, Double delta) {
        LawControls.Controlled controlled = new LawControls(lawFile, inputs, fixed, ties, logScale, bounds, starts,
                residual, objective, kappa, weights).law(law, delta);
        weightColumnChosen = controlled.weightColumn();
        controlled.notes().forEach(note -> System.err.println("note: " + note));
        if (lawFile == null && !org.scalefit.law.expr.NamedLaws.exists(law)) {
            controlled.law().parameterNames().stream().filter(ExpressionLawFiles::readsAColumnByConvention)
                    .forEach(name -> System.err.println("note: " + name + " is a parameter of this law (a control "
                            + "names it), not the input that reads column '"
                            + ExpressionLawFiles.DEFAULT_COLUMNS.getOrDefault(name, name) + "' by convention; if it "
                            + "is an input, map it with --input " + name + "=COLUMN"));
        }
        return controlled.law();
    }

    /**
     * The law with {@code fit}'s rule for δ: {@code delta} if {@code --delta} was given, else the law file's or named
     * law's own δ, else {@code delta} (the default) for a law written as text.
     */
    ExpressionLaw law(String law, boolean deltaGiven, double delta) {
        ExpressionLaw result = law(law, deltaGiven || lawFile == null && !NamedLaws.exists(law) ? Double.valueOf(delta)
                : null);
        if (deltaGiven && result.penalty() instanceof Penalty.Squared) {
            throw new IllegalArgumentException("--delta " + Wording.exact(delta) + ": the objective of "
                    + result.name() + " is squared, which has no Huber threshold (δ applies to --objective "
                    + "huber and over-estimate)");
        }
        return result;
    }

    /** The weight column of the last {@link #law} (option, else law file), or null. */
    String weightColumn() {
        return weightColumnChosen;
    }

    private String weightColumnChosen;
}
