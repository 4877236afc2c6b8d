package org.scalefit.io.analysis;

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

/**
 * The controls of a law written as text ({@code E + A/N^alpha + B/D^beta}), named, or read from a law file
 * ({@link ExpressionLawFiles#read}): inputs read from other columns, parameters fixed, tied, on the log scale, bounded
 * or started from given values, the residual, the objective (Huber, squared, or over-estimate with its weight κ) and
 * the weight column. Controls given here override the law file's. Null or empty controls leave the law as it is.
 * A scale, bounds or starts for a parameter that is not fitted (fixed or tied, here or by the law) are refused.
 *
 * @param lawFile   a law file, or null
 * @param inputs    input name → column read for it
 * @param fixed     parameter → value it is held at
 * @param ties      parameter → the parameter it equals
 * @param logScale  parameters fitted on the log scale
 * @param bounds    parameter → {@code LOW:HIGH} (either may be empty)
 * @param starts    parameter → comma-separated start values
 * @param residual  {@code log} or {@code raw}, or null
 * @param objective {@code huber}, {@code squared} or {@code over-estimate}, or null
 * @param kappa     the weight of over-estimates, or null
 * @param weights   a column of per-point weights, or null
 */
public record LawControls(Path lawFile, Map<String, String> inputs, Map<String, Double> fixed,
                          Map<String, String> ties, List<String> logScale, Map<String, String> bounds,
                          Map<String, String> starts, String residual, String objective, Double kappa,
                          String weights) {

    public LawControls {
        inputs = new LinkedHashMap<>(inputs);
        fixed = new LinkedHashMap<>(fixed);
        ties = new LinkedHashMap<>(ties);
        logScale = List.copyOf(logScale);
        bounds = new LinkedHashMap<>(bounds);
        starts = new LinkedHashMap<>(starts);
    }

    /**
     * A law under these controls, the weight column chosen (the control's, else the law file's; or null), and notes
     * for the user (the law's starts a scale or bounds dropped).
     */
    public record Controlled(ExpressionLaw law, String weightColumn, List<String> notes) {
        public Controlled {
            notes = List.copyOf(notes);
        }
    }

    /**
     * The law: the file's, a named law, or the text of {@code law} (read with {@link #inputs}); then these controls'
     * overrides, with the penalty of {@code delta} (null: the law's own δ), and the weight column chosen.
     *
     * @throws IllegalArgumentException for a control the law cannot take
     */
    public Controlled law(String law, Double delta) {
        ExpressionLaw result;
        String weightColumn = null;
        if (lawFile != null) {
            ExpressionLawFiles.LawFile file = ExpressionLawFiles.read(lawFile);
            result = file.law();
            weightColumn = file.weights();
        } else if (NamedLaws.exists(law)) {
            result = NamedLaws.named(law);
        } else {
            ExpressionLawFiles.requireNotAFile(law, "--law-file FILE (a JSON or YAML law file: expression, inputs, "
                    + "parameters)");
            result = ExpressionLawFiles.infer("user", law, inputs, parametersNamedByControls(law));
        }
        if (lawFile != null || NamedLaws.exists(law)) {
            for (Map.Entry<String, String> input : inputs.entrySet()) {
                result = result.withColumn(input.getKey(), input.getValue());
            }
        }
        for (String name : logScale) {
            requireFitted(result, "--log " + name, name);
        }
        for (Map.Entry<String, String> bound : bounds.entrySet()) {
            requireFitted(result, "--bounds " + bound.getKey() + "=" + bound.getValue(), bound.getKey());
        }
        for (Map.Entry<String, String> start : starts.entrySet()) {
            requireFitted(result, "--start " + start.getKey() + "=" + start.getValue(), start.getKey());
        }
        List<String> notes = new java.util.ArrayList<>();
        java.util.Set<String> shaped = new java.util.LinkedHashSet<>(logScale);
        shaped.addAll(bounds.keySet());
        shaped.addAll(starts.keySet());
        for (String name : shaped) {
            result = result.withParameter(shape(result.parameter(name), notes));
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
        return new Controlled(result, weights != null ? weights : weightColumn, notes);
    }

    /**
     * The parameter with its scale, bounds and starts from these controls, checked together: the user's starts
     * replace the law's before they are checked against the scale and bounds. Without {@code --start}, the law's
     * starts outside the new domain (R* = 0 of the data-constrained law on the log scale) are dropped with a note;
     * if none is left, the control is refused, saying to give {@code --start}.
     */
    private ParameterSpec shape(ParameterSpec spec, List<String> notes) {
        String name = spec.name();
        boolean log = logScale.contains(name) || spec.scale() == ParameterSpec.Scale.LOG;
        double lower = log ? Math.max(spec.lower(), 0) : spec.lower();
        double upper = spec.upper();
        String bound = bounds.get(name);
        if (bound != null) {
            String[] parts = bound.split(":", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("--bounds " + name + "=" + bound
                        + ": expected LOW:HIGH (either may be empty)");
            }
            lower = parts[0].isBlank() ? (log ? 0 : Double.NEGATIVE_INFINITY) : Double.parseDouble(parts[0]);
            upper = parts[1].isBlank() ? Double.POSITIVE_INFINITY : Double.parseDouble(parts[1]);
        }
        double[] values = spec.starts();
        String given = starts.get(name);
        if (given != null) {
            values = java.util.Arrays.stream(given.split(",")).map(String::strip)
                    .mapToDouble(Double::parseDouble).toArray();
        } else if (values.length > 0) {
            double low = lower;
            double high = upper;
            double[] inside = java.util.Arrays.stream(values).filter(v -> v > low && v < high).toArray();
            if (inside.length < values.length) {
                String control = bound != null ? "--bounds " + name + "=" + bound : "--log " + name;
                String dropped = java.util.Arrays.stream(values).filter(v -> !(v > low && v < high))
                        .mapToObj(LawControls::number)
                        .collect(java.util.stream.Collectors.joining(", "));
                String domain = "(" + number(low) + ", " + number(high) + ")";
                if (inside.length == 0) {
                    throw new IllegalArgumentException(control + ": none of the law's starts of " + name + " ("
                            + dropped + ") lies inside " + domain + "; give --start " + name + "=V1,V2,… inside it");
                }
                notes.add(control + " drops the law's start" + (values.length - inside.length == 1 ? " " : "s ")
                        + dropped + " of " + name + " (not inside " + domain + "); it starts from "
                        + java.util.Arrays.stream(inside).mapToObj(LawControls::number)
                                .collect(java.util.stream.Collectors.joining(", "))
                        + " (choose them with --start " + name + "=V1,V2,…)");
                values = inside;
            }
        }
        return new ParameterSpec(name, log ? ParameterSpec.Scale.LOG : spec.scale(), lower, upper, spec.fixed(),
                spec.tiedTo(), values);
    }

    private static String number(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(java.util.Locale.ROOT, "%.6g", value);
    }

    /**
     * Refuses {@code control} (a scale, bounds or starts) for a parameter these controls or the law itself hold fixed
     * or tie to another: such a parameter is not fitted, so the control would be dropped without effect. A
     * {@code --tie} or {@code --fix} of this parameter among these controls counts first (it overrides the law's own).
     *
     * @throws IllegalArgumentException naming the control, what holds the parameter, and what to do instead
     */
    private void requireFitted(ExpressionLaw law, String control, String name) {
        if (!law.parameterNames().contains(name)) {
            return;
        }
        ParameterSpec spec = law.parameter(name);
        String held;
        String instead;
        String other = ties.containsKey(name) ? ties.get(name) : fixed.containsKey(name) ? null : spec.tiedTo();
        if (other != null) {
            held = "tied to " + other + (ties.containsKey(name) ? " (--tie " + name + "=" + other + ")" : " by "
                    + source(law));
            instead = "it takes " + other + "'s scale, bounds and starts: give them to " + other + " ("
                    + control.substring(0, control.indexOf(' ') + 1) + other + (control.startsWith("--log") ? ")"
                    : "=…)");
        } else if (fixed.containsKey(name)) {
            held = "held at " + fixed.get(name) + " by --fix " + name + "=" + fixed.get(name);
            instead = "drop one of the two";
        } else if (spec.isFixed()) {
            held = "fixed at " + spec.fixed() + " by " + source(law);
            instead = "to fit it, write the law as text (--law '…', the expression scalefit fit prints) or in a law "
                    + "file, with " + name + " free";
        } else {
            return;
        }
        throw new IllegalArgumentException(control + ": parameter " + name + " is " + held + ", so it is not fitted "
                + "and a scale, bounds or starts of its own would have no effect; " + instead);
    }

    private String source(ExpressionLaw law) {
        return lawFile != null ? "the law file " + lawFile : "the law " + law.name();
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

    /**
     * The names of a law written as text that are its parameters, in the order the expression uses them, when the
     * controls name some: a name that reads a column by convention (N, D, U, C, M, a known column) is a parameter when
     * {@code --fix}, {@code --tie}, {@code --log}, {@code --bounds} or {@code --start} names it and {@code --input}
     * does not map it (e.g. the coefficient C of {@code C/D^gamma}); every other name is what
     * {@link ExpressionLawFiles#infer} makes it. Empty when no control names a conventional input.
     */
    private List<String> parametersNamedByControls(String text) {
        java.util.Set<String> named = new java.util.HashSet<>(fixed.keySet());
        named.addAll(ties.keySet());
        named.addAll(ties.values());
        named.addAll(logScale);
        named.addAll(bounds.keySet());
        named.addAll(starts.keySet());
        List<String> free = org.scalefit.law.expr.LawExpression.freeNames(text);
        if (free.stream().noneMatch(name -> named.contains(name) && !inputs.containsKey(name)
                && ExpressionLawFiles.readsAColumnByConvention(name))) {
            return List.of();
        }
        return free.stream().filter(name -> !inputs.containsKey(name)
                && (named.contains(name) || !ExpressionLawFiles.readsAColumnByConvention(name))).toList();
    }
}
