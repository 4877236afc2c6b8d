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
import org.scalefit.io.Transform;
import org.scalefit.io.analysis.PredictRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalefit predict}: a law's loss at given points, and for a two-input law L(N, D) the compute-optimal
 * allocation at given budgets C = 6·N·D, from a fit file or a reference law ({@link PredictRequest}).
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

    @Option(names = "--set", paramLabel = "NAME=VALUE", split = ",",
            description = "Parameter values of --law (repeatable, or comma-separated: --set E=1.69,A=406.4); a "
                    + "parameter a named law fixes (e.g. data-constrained's a, b, e, alpha, beta) defaults to its "
                    + "fixed value.")
    Map<String, Double> values = new LinkedHashMap<>();

    @Option(names = "--reference", paramLabel = "NAME",
            description = "A bundled Chinchilla-form reference law, e.g. chinchilla-unrounded.")
    String reference;

    @Option(names = "--at", paramLabel = "NAME=VALUE,…", split = ";",
            description = "A point, e.g. N=7e10,D=1.4e12 (repeatable; names are the law's inputs or their columns; "
                    + "M = tokens/params when params and tokens are given instead).")
    List<String> at = new ArrayList<>();

    @Option(names = "--points", paramLabel = "FILE", description = "A CSV file of points (header: input names, "
            + "their columns, or the data columns the --fit read them from; M = tokens/params when there is no M or "
            + "tokens_per_param column but params and tokens); - for standard input.")
    Path points;

    @Option(names = "--compute", paramLabel = "C", split = ",", description = "Compute budgets C = 6·N·D in FLOPs "
            + "(comma-separated or repeated; laws of params and tokens, or of params and tokens per parameter).")
    List<Double> compute = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the predictions as CSV.")
    Path out;

    @Option(names = "--level", defaultValue = "95", paramLabel = "PERCENT",
            description = "Coverage of the percentile intervals printed when the fit file holds bootstrap replicates "
                    + "(fit --bootstrap). Default: ${DEFAULT-VALUE}.")
    double level;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputPaths.requireNotNamedAs(out, "--out", "CSV", ".json", ".jsonl", ".parquet");
        OutputPaths.requireWritableFiles(out);
        ExpressionLawFiles.Fitted fitted = PredictRequest.law(fit, law, values, reference);
        List<double[]> inputs = new ArrayList<>();
        for (String point : at) {
            ExpressionLawFiles.Points read = PredictRequest.pointOf(fitted.law(), point);
            inputs.addAll(read.values());
            sayDerived("--at " + point, fitted.law(), read);
        }
        if (points != null) {
            ExpressionLawFiles.Points read = ExpressionLawFiles.readPoints(points, fitted.law(),
                    PredictRequest.dataColumns(fit));
            inputs.addAll(read.values());
            sayDerived(org.scalefit.data.RowLocation.source(points.toString()), fitted.law(), read);
        }
        PredictRequest request = new PredictRequest(fitted, inputs, compute, level, at.isEmpty()
                ? PredictRequest.columnsOf(fitted.law(), "") : PredictRequest.columnsOf(fitted.law(), at.get(0)));
        LawCautions.print(System.err, String.valueOf(fit), fitted.warnings());
        PredictRequest.inputRange(fit).ifPresentOrElse(range -> request.extrapolations(range)
                        .forEach(warning -> System.err.println("warning: " + warning)),
                () -> PredictRequest.uncheckedExtrapolation(fit, reference)
                        .ifPresent(note -> System.err.println("note: " + note)));
        PredictRequest.Result result = request.run();
        if (result.replicates() == 0 && spec.commandLine().getParseResult().hasMatchedOption("--level")) {
            throw new IllegalArgumentException("--level sets the coverage of bootstrap intervals, but "
                    + (fit == null ? "a law without a fit file" : fit) + " holds no bootstrap replicates (fit a law "
                    + "written as text with --bootstrap B to have them)");
        }
        print(result.pointHeader(), result.pointRows());
        print(result.allocationHeader(), result.allocationRows());
        if (result.replicates() > 0 && result.converged() < 2) {
            System.err.printf(Locale.ROOT, "intervals: none (NaN): only %d of the %d bootstrap refits converged%n",
                    result.converged(), result.replicates());
        } else if (result.replicates() > 0) {
            System.err.printf(Locale.ROOT, "intervals: central %.4g %% of the %d of %d bootstrap replicates whose refit "
                    + "converged (percentile)%n", level, result.converged(), result.replicates());
        }
        if (out != null) {
            AtomicFiles.writeString(out, result.csv());
        }
        return 0;
    }

    /** Says on standard error that {@code where} gave M = tokens/params, if it did (as scalefit fit says it). */
    private static void sayDerived(String where, org.scalefit.law.expr.ExpressionLaw law,
                                   ExpressionLawFiles.Points read) {
        if (read.transforms().contains(new Transform.TokensPerParam())) {
            String input = law.expression().inputs().get(law.columns().indexOf(Transform.TokensPerParam.COLUMN));
            System.err.println(where + ": " + input + " = tokens/params (no " + input + " or "
                    + Transform.TokensPerParam.COLUMN + " given; as scalefit fit derives it)");
        }
    }

    /** The header and rows, tab-separated, unless there are no rows. */
    private static void print(String header, List<String> rows) {
        if (!rows.isEmpty()) {
            System.out.println(header.replace(',', '\t'));
            rows.forEach(row -> System.out.println(row.replace(',', '\t')));
        }
    }
}
