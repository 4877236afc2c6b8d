package org.scalefit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.ExpressionLawFiles;
import org.scalefit.io.InputException;
import org.scalefit.io.LawFiles;
import org.scalefit.io.ReferenceLaws;
import org.scalefit.law.Allocation;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.expr.ExpressionAllocation;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.NamedLaws;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scalefit predict}: a law's loss at given points, and for a two-input law L(N, D) the compute-optimal
 * allocation at given budgets C = 6·N·D, from a fit file or a reference law.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict the loss of a fitted or reference law at given points (--at, --points), and for a "
                + "two-input law L(N, D) the compute-optimal N, D at given budgets (--compute)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:predictions printed (and written)", "1:an I/O failure", "2:bad usage or a bad law "
                + "expression (its column is shown)", "3:a bad fit file or points file"})
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--fit", paramLabel = "FILE",
            description = "A fit file written by scalefit fit --out (any law) or a Gemstones parameter file.")
    Path fit;

    @Option(names = "--law", paramLabel = "LAW", description = "A named law (chinchilla, kaplan, data-constrained, "
            + "…) or a law written as text, with its parameters given by --set.")
    String law;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "A parameter value of --law.")
    Map<String, Double> values = new LinkedHashMap<>();

    @Option(names = "--reference", paramLabel = "NAME",
            description = "A bundled Chinchilla-form reference law, e.g. chinchilla-unrounded.")
    String reference;

    @Option(names = "--at", paramLabel = "NAME=VALUE,…", split = ";",
            description = "A point, e.g. N=7e10,D=1.4e12 (repeatable; names are the law's inputs or their columns).")
    List<String> at = new ArrayList<>();

    @Option(names = "--points", paramLabel = "FILE", description = "A CSV file of points (header: input names).")
    Path points;

    @Option(names = "--compute", paramLabel = "C", split = ",", description = "Compute budgets C = 6·N·D in FLOPs "
            + "(comma-separated or repeated; two-input laws).")
    List<Double> compute = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the predictions as CSV.")
    Path out;

    @Option(names = "--level", defaultValue = "95", paramLabel = "PERCENT",
            description = "Coverage of the percentile intervals printed when the fit file holds bootstrap replicates "
                    + "(fit --bootstrap). Default: ${DEFAULT-VALUE}.")
    double level;

    @Override
    public Integer call() {
        OutputPaths.requireWritableFiles(out);
        ExpressionLawFiles.Fitted fitted = fitted();
        ExpressionLaw expressionLaw = fitted.law();
        double[] theta = fitted.theta();
        List<double[]> inputs = new ArrayList<>();
        for (String point : at) {
            inputs.add(point(expressionLaw, point));
        }
        if (points != null) {
            inputs.addAll(List.of(ExpressionLawFiles.readPoints(points, expressionLaw)));
        }
        if (inputs.isEmpty() && compute.isEmpty()) {
            throw new IllegalArgumentException("nothing to predict: give --at, --points or --compute");
        }
        if (!(level > 0 && level < 100)) {
            throw new IllegalArgumentException("--level must be a percentage in (0, 100), was " + level);
        }
        var bootstrap = fitted.bootstrap();
        double coverage = level / 100;
        List<String> names = expressionLaw.expression().inputs();
        LawCautions.print(System.err, String.valueOf(fit), fitted.warnings());
        StringBuilder csv = new StringBuilder();
        if (!inputs.isEmpty()) {
            String header = String.join(",", names) + ",loss" + (bootstrap.isPresent() ? ",loss_low,loss_high" : "");
            System.out.println(header.replace(',', '\t'));
            csv.append(header).append('\n');
            for (double[] x : inputs) {
                double loss = expressionLaw.predict(x, theta);
                StringBuilder row = new StringBuilder();
                for (double value : x) {
                    row.append(String.format(Locale.ROOT, "%.6g,", value));
                }
                row.append(String.format(Locale.ROOT, "%.12g", loss));
                if (bootstrap.isPresent()) {
                    double[] band = bootstrap.get().predictionInterval(x, coverage);
                    row.append(String.format(Locale.ROOT, ",%.12g,%.12g", band[0], band[1]));
                }
                System.out.println(row.toString().replace(',', '\t'));
                csv.append(row).append('\n');
            }
        }
        if (!compute.isEmpty()) {
            int params = paramsInput(expressionLaw);
            String header = "compute,params,tokens,tokens_per_param,loss" + (bootstrap.isPresent()
                    ? ",params_low,params_high,tokens_low,tokens_high,skipped_replicates" : "");
            System.out.println(header.replace(',', '\t'));
            csv.append(inputs.isEmpty() ? "" : "\n").append(header).append('\n');
            for (double budget : compute) {
                Allocation allocation = ExpressionAllocation.optimal(expressionLaw, params, theta, budget);
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%.6g,%.6g,%.6g,%.4g,%.12g", budget,
                        allocation.params(), allocation.tokens(), allocation.tokensPerParam(),
                        allocation.predictedLoss()));
                if (bootstrap.isPresent()) {
                    var band = bootstrap.get().allocationInterval(params, budget, coverage);
                    row.append(String.format(Locale.ROOT, ",%.6g,%.6g,%.6g,%.6g,%d", band.params()[0],
                            band.params()[1], band.tokens()[0], band.tokens()[1], band.skipped()));
                }
                System.out.println(row.toString().replace(',', '\t'));
                csv.append(row).append('\n');
            }
        }
        if (bootstrap.isPresent()) {
            System.err.printf(Locale.ROOT, "intervals: central %.4g %% of %d bootstrap replicates (percentile)%n", level,
                    bootstrap.get().count());
        }
        if (out != null) {
            AtomicFiles.writeString(out, csv.toString());
        }
        return 0;
    }

    /** The law and its parameters, from exactly one of --fit, --law with --set, --reference. */
    private ExpressionLawFiles.Fitted fitted() {
        int sources = (fit != null ? 1 : 0) + (law != null ? 1 : 0) + (reference != null ? 1 : 0);
        if (sources != 1) {
            throw new IllegalArgumentException("give exactly one of --fit, --law (with --set) or --reference");
        }
        if (reference != null) {
            return new ExpressionLawFiles.Fitted(NamedLaws.named("chinchilla"),
                    ReferenceLaws.chinchillaTheta(reference));
        }
        if (law != null) {
            ExpressionLaw named = NamedLaws.exists(law) ? NamedLaws.named(law)
                    : ExpressionLawFiles.infer("user", law, Map.of(), new ArrayList<>(values.keySet()));
            return new ExpressionLawFiles.Fitted(named, named.theta(values));
        }
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(fit.toFile());
        } catch (JacksonException e) {
            throw new InputException(fit.toString(), null, "(document)", "a JSON fit file", e.getOriginalMessage(), e);
        }
        if (ExpressionLawFiles.isFitDocument(root)) {
            return ExpressionLawFiles.fittedLaw(fit.toString(), root);
        }
        FittedLaw builtIn = LawFiles.fromJson(fit.toString(), root);
        return new ExpressionLawFiles.Fitted(NamedLaws.named(builtIn.form().name()), builtIn.theta(),
                builtIn.warnings(), java.util.Optional.empty());
    }

    private static double[] point(ExpressionLaw law, String text) {
        Map<String, Double> given = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("--at " + text + ": expected NAME=VALUE,…");
            }
            given.put(pair[0].strip(), Double.parseDouble(pair[1].strip()));
        }
        List<String> inputs = law.expression().inputs();
        double[] x = new double[inputs.size()];
        for (int j = 0; j < x.length; j++) {
            Double value = given.remove(inputs.get(j));
            if (value == null) {
                value = given.remove(law.columns().get(j));
            }
            if (value == null) {
                throw new IllegalArgumentException("--at " + text + ": no value for input " + inputs.get(j)
                        + " (the law's inputs are " + inputs + ")");
            }
            x[j] = value;
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("--at " + text + ": the law has no inputs " + given.keySet()
                    + " (its inputs are " + inputs + ")");
        }
        return x;
    }

    /** Which of the two inputs is the parameter count: the one reading params, else the first. */
    private static int paramsInput(ExpressionLaw law) {
        if (law.columns().size() != 2) {
            throw new IllegalArgumentException("--compute needs a law of two inputs (N, D); this law has "
                    + law.expression().inputs());
        }
        return law.columns().get(1).equals("params") ? 1 : 0;
    }
}
