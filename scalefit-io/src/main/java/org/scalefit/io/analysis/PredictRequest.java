package org.scalefit.io.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.scalefit.data.InputRange;
import org.scalefit.io.Documents;
import org.scalefit.io.ExactDecimal;
import org.scalefit.io.ExpressionFitDocument;
import org.scalefit.io.ExpressionLawFiles;
import org.scalefit.io.InputException;
import org.scalefit.io.LawDocumentFiles;
import org.scalefit.io.LawFiles;
import org.scalefit.io.ReferenceLaws;
import org.scalefit.io.Transform;
import org.scalefit.law.Allocation;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.expr.ExpressionAllocation;
import org.scalefit.law.expr.ExpressionBootstrapResult;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.NamedLaws;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A law's loss at given points and, for a two-input law L(N, D), its compute-optimal allocation at given budgets
 * C = 6·N·D (Hoffmann et al. 2022 eq. 3, solved numerically for any law), with percentile intervals when the law's
 * fit holds bootstrap replicates: the request behind {@code scalefit predict}.
 *
 * <pre>{@code
 * PredictRequest request = new PredictRequest(PredictRequest.law(Path.of("fit.json"), null, Map.of(), null),
 *         List.of(new double[] {7e10, 1.4e12}), List.of(1e23), 95);
 * System.out.print(request.run().csv());
 * }</pre>
 *
 * @param law     the law and its parameters (and replicates, if any)
 * @param points  the points, each in the order of the law's inputs
 * @param compute the budgets in FLOPs
 * @param level   the intervals' coverage in percent
 * @param columns the order of the input columns in the point table, as indices of the law's inputs (each once;
 *                e.g. the order the user named them in, {@link #columnsOf})
 */
public record PredictRequest(ExpressionLawFiles.Fitted law, List<double[]> points, List<Double> compute,
                             double level, List<Integer> columns) {

    /** A request whose point table lists the inputs in the law's order. */
    public PredictRequest(ExpressionLawFiles.Fitted law, List<double[]> points, List<Double> compute, double level) {
        this(law, points, compute, level, lawOrder(law.law()));
    }

    public PredictRequest {
        points = List.copyOf(points);
        compute = List.copyOf(compute);
        columns = List.copyOf(columns);
        if (!new TreeSet<>(columns).equals(new TreeSet<>(lawOrder(law.law())))
                || columns.size() != law.law().expression().inputs().size()) {
            throw new IllegalArgumentException("the point columns " + columns + " must list each of the law's "
                    + law.law().expression().inputs().size() + " inputs once");
        }
        if (points.isEmpty() && compute.isEmpty()) {
            throw new IllegalArgumentException("nothing to predict: give --at, --points or --compute");
        }
        if (!(level > 0 && level < 100)) {
            throw new IllegalArgumentException("--level must be a percentage in (0, 100), was " + level);
        }
    }

    /**
     * The predictions as a table: a header and rows for the points (input values as given, loss, and with replicates its
     * interval), then for the budgets (C, N, D, D/N, loss, and with replicates the intervals of N and D and the
     * replicates skipped); {@code replicates} is how many bootstrap replicates the fit holds (0: none), and
     * {@code converged} how many of them the intervals come from, those whose refit converged (no intervals, NaN,
     * if fewer than two: {@link ExpressionBootstrapResult}).
     */
    public record Result(String pointHeader, List<String> pointRows, String allocationHeader,
                         List<String> allocationRows, int replicates, int converged) {

        public Result {
            pointRows = List.copyOf(pointRows);
            allocationRows = List.copyOf(allocationRows);
        }

        /** The table as CSV: the points' block, a blank line, the budgets' block (each only if non-empty). */
        public String csv() {
            StringBuilder csv = new StringBuilder();
            if (!pointRows.isEmpty()) {
                csv.append(pointHeader).append('\n');
                pointRows.forEach(row -> csv.append(row).append('\n'));
            }
            if (!allocationRows.isEmpty()) {
                csv.append(pointRows.isEmpty() ? "" : "\n").append(allocationHeader).append('\n');
                allocationRows.forEach(row -> csv.append(row).append('\n'));
            }
            return csv.toString();
        }
    }

    /** Predicts. */
    public Result run() {
        ExpressionLaw expression = law.law();
        double[] theta = law.theta();
        Optional<ExpressionBootstrapResult> bootstrap = law.bootstrap();
        double coverage = level / 100;
        List<String> inputs = expression.expression().inputs();
        String pointHeader = String.join(",", columns.stream().map(inputs::get).toList()) + ",loss"
                + (bootstrap.isPresent() ? ",loss_low,loss_high" : "");
        List<String> pointRows = new ArrayList<>();
        for (double[] x : points) {
            StringBuilder row = new StringBuilder();
            for (int column : columns) {
                row.append(ExactDecimal.of(x[column])).append(','); // as written and exact, to join rows on
            }
            row.append(String.format(Locale.ROOT, "%.12g", expression.predict(x, theta)));
            if (bootstrap.isPresent()) {
                double[] band = bootstrap.get().predictionInterval(x, coverage);
                row.append(String.format(Locale.ROOT, ",%.12g,%.12g", band[0], band[1]));
            }
            pointRows.add(row.toString());
        }
        String allocationHeader = "compute,params,tokens,tokens_per_param,loss" + (bootstrap.isPresent()
                ? ",params_low,params_high,tokens_low,tokens_high,skipped_replicates" : "");
        List<String> allocationRows = new ArrayList<>();
        int params = compute.isEmpty() ? 0 : ExpressionAllocation.paramsInput(expression);
        for (double budget : compute) {
            Allocation allocation = ExpressionAllocation.optimal(expression, params, theta, budget);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%.6g,%.6g,%.6g,%.4g,%.12g", budget,
                    allocation.params(), allocation.tokens(), allocation.tokensPerParam(),
                    allocation.predictedLoss()));
            if (bootstrap.isPresent()) {
                var band = bootstrap.get().allocationInterval(params, budget, coverage);
                row.append(String.format(Locale.ROOT, ",%.6g,%.6g,%.6g,%.6g,%d", band.params()[0],
                        band.params()[1], band.tokens()[0], band.tokens()[1], band.skipped()));
            }
            allocationRows.add(row.toString());
        }
        return new Result(pointHeader, pointRows, allocationHeader, allocationRows,
                bootstrap.map(ExpressionBootstrapResult::count).orElse(0),
                bootstrap.map(ExpressionBootstrapResult::converged).orElse(0));
    }

    /**
     * Why the request's points and budgets are extrapolations of a law fitted on runs of {@code range} ({@link
     * InputRange#beyondPoint}, {@link InputRange#beyondAllocation}): each input of a point and its compute 6·N·D, and
     * each budget or its allocation, more than
     * {@value InputRange#FAR_DECADES} order of magnitude outside the fitted runs, once per message. The range's
     * inputs are matched to the law's by the data columns they read; one the law does not read is not judged.
     */
    public List<String> extrapolations(InputRange range) {
        List<String> columns = law.law().columns();
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        for (double[] x : points) {
            double[] ordered = new double[range.inputs().size()];
            for (int j = 0; j < ordered.length; j++) {
                int k = columns.indexOf(range.inputs().get(j));
                ordered[j] = k < 0 ? Double.NaN : x[k];
            }
            found.addAll(range.beyondPoint(ordered));
        }
        int params = compute.isEmpty() ? 0 : ExpressionAllocation.paramsInput(law.law());
        for (double budget : compute) {
            Allocation allocation = ExpressionAllocation.optimal(law.law(), params, law.theta(), budget);
            found.addAll(range.beyondAllocation(budget, allocation.params(), allocation.tokens()));
        }
        return List.copyOf(found);
    }

    /**
     * The range of the runs the fit in {@code fit} was made on ({@link LawFiles#inputRange}); empty without a fit file
     * or when the file does not record it.
     */
    public static Optional<InputRange> inputRange(Path fit) {
        return fit == null ? Optional.empty() : LawFiles.inputRange(fit);
    }

    /**
     * Why the points and budgets of a law read from {@code fit} cannot be checked for {@link #extrapolations}: the
     * fit file records no range ({@link LawFiles#unknownRange}), or there is no fit file — the reference law
     * {@code reference}, or a law given with its parameter values. Empty when the fit file records the range.
     */
    public static Optional<String> uncheckedExtrapolation(Path fit, String reference) {
        if (fit != null) {
            return LawFiles.unknownRange(fit);
        }
        return Optional.of(reference != null ? LawFiles.unknownRangeOfReference(reference)
                : InputRange.unknown("the law", "its parameters were given with --set, not read from a fit"));
    }

    /**
     * The law and its parameters from exactly one source: a fit file ({@code scalefit fit --out} of any law, or a
     * Gemstones parameter file), a named law or a law written as text with its parameter {@code values}, or a
     * bundled Chinchilla-form reference law.
     *
     * @throws IllegalArgumentException if not exactly one source is given
     * @throws InputException           if the fit file cannot be read
     */
    public static ExpressionLawFiles.Fitted law(Path fit, String law, Map<String, Double> values, String reference) {
        int sources = (fit != null ? 1 : 0) + (law != null ? 1 : 0) + (reference != null ? 1 : 0);
        if (sources != 1) {
            throw new IllegalArgumentException("give exactly one of --fit, --law (with --set) or --reference");
        }
        if (reference != null) {
            return new ExpressionLawFiles.Fitted(NamedLaws.named("chinchilla"),
                    ReferenceLaws.chinchillaTheta(reference));
        }
        if (law != null) {
            if (!NamedLaws.exists(law)) {
                ExpressionLawFiles.requireNotAFile(law, "--fit FILE (a fit written by scalefit fit --out FILE.json)");
            }
            ExpressionLaw named = NamedLaws.exists(law) ? NamedLaws.named(law)
                    : ExpressionLawFiles.infer("user", law, Map.of(), new ArrayList<>(values.keySet()));
            return new ExpressionLawFiles.Fitted(named, named.theta(values));
        }
        JsonNode root = LawDocumentFiles.readTree(fit, JsonMapper.builder().build(), true, "a JSON fit written by "
                + "scalefit fit --out FILE.json or a Gemstones parameter file");
        if (ExpressionLawFiles.isFitDocument(root)) {
            return Documents.read(root, ExpressionFitDocument.class, fit.toString()).fitted(fit.toString());
        }
        FittedLaw builtIn = LawFiles.fromJson(fit.toString(), root);
        return new ExpressionLawFiles.Fitted(NamedLaws.named(builtIn.form().name()), builtIn.theta(),
                builtIn.warnings(), Optional.empty());
    }

    /**
     * The data columns the fit in {@code fit} read each logical column from (its provenance's {@code columns}, e.g.
     * params → model_size), so that points may be written with the names of the user's own runs; empty without a
     * fit file or when the file does not record them (a Gemstones parameter file).
     *
     * @throws InputException if the fit file cannot be read
     */
    public static Map<String, String> dataColumns(Path fit) {
        if (fit == null) {
            return Map.of();
        }
        JsonNode columns = LawDocumentFiles.readTree(fit, JsonMapper.builder().build(), true, "a JSON fit written by "
                + "scalefit fit --out FILE.json or a Gemstones parameter file").path("provenance").path("columns");
        Map<String, String> mapping = new LinkedHashMap<>();
        if (columns.isObject()) {
            columns.properties().forEach(entry -> {
                if (entry.getValue().isString()) {
                    mapping.put(entry.getKey(), entry.getValue().asString());
                }
            });
        }
        return mapping;
    }

    /**
     * The point {@code text} ({@code NAME=VALUE,…}, names the law's inputs or their columns) in the order of the
     * law's inputs.
     *
     * @throws IllegalArgumentException if a value is missing, a name is not an input or is given twice
     */
    public static double[] point(ExpressionLaw law, String text) {
        return pointOf(law, text).values().get(0);
    }

    /**
     * The indices of {@code law}'s inputs in the order a point {@code text} ({@link #pointOf}'s NAME=VALUE,…) names
     * them, by input or column name; inputs it does not name (e.g. M derived from params and tokens) follow in the
     * law's order.
     */
    public static List<Integer> columnsOf(ExpressionLaw law, String text) {
        List<String> inputs = law.expression().inputs();
        List<Integer> order = new ArrayList<>();
        for (String part : text.split(",")) {
            String name = part.split("=", 2)[0].strip();
            int j = inputs.indexOf(name);
            if (j < 0) {
                j = law.columns().indexOf(name);
            }
            if (j >= 0 && !order.contains(j)) {
                order.add(j);
            }
        }
        for (int j : lawOrder(law)) {
            if (!order.contains(j)) {
                order.add(j);
            }
        }
        return List.copyOf(order);
    }

    private static List<Integer> lawOrder(ExpressionLaw law) {
        return IntStream.range(0, law.expression().inputs().size()).boxed().toList();
    }

    /**
     * As {@link #point}, and what was derived to have it: an input reading {@code tokens_per_param} (Gadre et al.'s
     * M) that the text does not name is M = tokens/params when it names tokens and the params (the law's input
     * reading them, or params), as {@code scalefit fit} and a points file derive it
     * ({@link Transform.TokensPerParam}).
     *
     * @throws IllegalArgumentException if a value is missing, a name is not an input or is given twice
     */
    public static ExpressionLawFiles.Points pointOf(ExpressionLaw law, String text) {
        Map<String, Double> given = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("--at " + text + ": expected NAME=VALUE,…");
            }
            String value = pair[1].strip();
            double number;
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--at " + text + ": expected a number for " + pair[0].strip()
                        + ", found '" + value + "'", e);
            }
            if (!(number > 0) || Double.isInfinite(number)) {
                throw new IllegalArgumentException("--at " + text + ": expected a positive finite number for "
                        + pair[0].strip() + " (a law is fitted on positive inputs), found " + value);
            }
            if (given.put(pair[0].strip(), number) != null) {
                throw new IllegalArgumentException("--at " + text + ": " + pair[0].strip() + " given twice");
            }
        }
        List<String> inputs = law.expression().inputs();
        double[] x = new double[inputs.size()];
        int ratio = -1;
        for (int j = 0; j < x.length; j++) {
            Double value = given.remove(inputs.get(j));
            if (value == null) {
                value = given.remove(law.columns().get(j));
            }
            if (value == null && law.columns().get(j).equals(Transform.TokensPerParam.COLUMN)) {
                ratio = j;   // derived below, once the params are known
            } else if (value == null) {
                throw new IllegalArgumentException("--at " + text + ": no value for input " + inputs.get(j)
                        + " (the law's inputs are " + inputs + ")");
            } else {
                x[j] = value;
            }
        }
        if (ratio >= 0) {
            int paramsInput = law.columns().indexOf("params");
            Double tokens = given.remove("tokens");
            Double params = paramsInput >= 0 ? Double.valueOf(x[paramsInput]) : given.remove("params");
            if (tokens == null || params == null) {
                throw new IllegalArgumentException("--at " + text + ": no value for input " + inputs.get(ratio)
                        + " (the law's inputs are " + inputs + "; or give params and tokens, from which "
                        + inputs.get(ratio) + " = tokens/params)");
            }
            x[ratio] = tokens / params;
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("--at " + text + ": the law has no inputs " + given.keySet()
                    + " (its inputs are " + inputs + ")");
        }
        return new ExpressionLawFiles.Points(List.<double[]>of(x),
                ratio < 0 ? List.of() : List.of(new Transform.TokensPerParam()));
    }
}
