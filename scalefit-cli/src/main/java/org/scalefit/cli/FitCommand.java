package org.scalefit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.LocalParallelism;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.FitResultJson;
import org.scalefit.io.InputException;
import org.scalefit.law.LawForm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalefit fit}: Approach 3, a parametric law fitted by multi-start L-BFGS on the Huber loss of log-loss
 * residuals.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a parametric scaling law (Chinchilla Approach 3) by multi-start L-BFGS on the Huber loss "
                + "of log-loss residuals.",
                "",
                "Data is a bundled dataset (gemstones:<set>, chinchilla:epoch) or a JSONL/CSV/Parquet file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the fit succeeded", "2:bad command-line usage", "3:bad input data (file, line and column are "
                + "printed)", "4:no start converged", "130:interrupted"})
final class FitCommand implements Callable<Integer> {

    @Mixin
    DataOptions input = new DataOptions();

    @Option(names = "--law", defaultValue = "chinchilla", paramLabel = "LAW",
            description = "chinchilla (params, tokens), width-depth (width, depth, tokens) or width-depth-params. "
                    + "Default: ${DEFAULT-VALUE}.")
    String law;

    @Option(names = "--delta", defaultValue = "1e-4", paramLabel = "δ",
            description = "Huber threshold on log-loss residuals. Default: ${DEFAULT-VALUE}.")
    double delta;

    @Option(names = "--grid", defaultValue = "gemstones", paramLabel = "GRID",
            description = "Starting points: gemstones (5^k·6^k·5 starts) or epoch (Epoch AI's 4500-start order, "
                    + "2-input laws). Default: ${DEFAULT-VALUE}.")
    String grid;

    @Option(names = "--no-embeds", description = "Count parameters without the embedding: params − vocab·width.")
    boolean noEmbeds;

    @Option(names = "--vocab", defaultValue = "50304", paramLabel = "V",
            description = "Vocabulary size for --no-embeds. Default: ${DEFAULT-VALUE} (Gemstones).")
    int vocab;

    @Option(names = "--drop-highest-losses", defaultValue = "0", paramLabel = "N",
            description = "Drop the points at or above the N-th largest loss (Epoch AI drop 5 Chinchilla points).")
    int dropHighestLosses;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all cores.")
    Integer threads;

    @Option(names = "--exhaustive",
            description = "Run every start to its end (no early recognition of already-found basins).")
    boolean exhaustive;

    @Option(names = "--no-polish", description = "Report the best grid start as found, without polishing it.")
    boolean noPolish;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result as JSON to FILE.")
    Path out;

    @Option(names = "--format", defaultValue = "scalefit", paramLabel = "FORMAT",
            description = "JSON shape for --out: scalefit (full result) or gemstones (Gemstones parameter file).")
    String format;

    @Override
    public Integer call() {
        return Failures.guard("fit", this::run);
    }

    private int run() {
        LawForm form = LawForm.named(law);
        StartGrid startGrid = StartGrid.named(grid, form.arity());
        if (!format.equals("scalefit") && !format.equals("gemstones")) {
            throw new IllegalArgumentException("unknown format '" + format + "'; expected scalefit or gemstones");
        }
        List<String> transforms = new ArrayList<>();
        PreparedData prepared = readObservations(form, transforms);
        Observations observations = prepared.observations();
        RunTable table = prepared.table();
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        MultiStartFitter fitter = new MultiStartFitter(MultiStartFitter.Options.defaults()
                .withRecognition(!exhaustive).withPolish(!noPolish));
        long begin = System.nanoTime();
        LawFit fit;
        try (TerminalProgress progress = TerminalProgress.start("fit " + form.name(), startGrid.size())) {
            fit = LawFit.fit(form, observations, delta, startGrid, fitter, LocalParallelism.withThreads(workers),
                    progress);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        FitProvenance provenance = new FitProvenance(table.source(), table.contentHash(), transforms,
                ScalefitCommand.version());
        if (out != null) {
            FitResultJson json = new FitResultJson();
            String text = format.equals("gemstones") ? json.gemstones(fit)
                    : json.scalefit(fit, provenance, workers, seconds);
            org.scalefit.io.AtomicFiles.writeString(out, text);
        }
        new FitSummary(fit, observations.size(), workers, seconds).print(System.out);
        return fit.succeeded() ? 0 : ScalefitCommand.EXIT_FIT_FAILED;
    }

    /** The table as read (for provenance) and the points fitted. */
    private record PreparedData(RunTable table, Observations observations) {
    }

    private PreparedData readObservations(LawForm form, List<String> transforms) {
        List<String> wanted = new ArrayList<>(form.inputs());
        wanted.add("loss");
        boolean adjustParams = noEmbeds && form.inputs().contains("params");
        if (adjustParams && !wanted.contains("width")) {
            wanted.add("width");
        }
        RunTable table = input.read(ColumnRequest.of(wanted.toArray(String[]::new)));
        if (adjustParams) {
            double[] params = table.column("params");
            double[] width = table.column("width");
            for (int i = 0; i < params.length; i++) {
                params[i] -= (double) vocab * width[i];
                if (!(params[i] > 0)) {
                    throw new InputException(table.source(), table.sourceLine(i), "params",
                            "params − " + vocab + "·width > 0 for --no-embeds", String.valueOf(params[i]));
                }
            }
            table = table.withColumn("params", params);
            transforms.add("no-embeds(vocab=" + vocab + ")");
        } else if (noEmbeds) {
            throw new IllegalArgumentException("--no-embeds changes the params input, which law " + form.name()
                    + " does not use");
        }
        Observations observations = Observations.fromTable(table, form.inputs(), "loss");
        if (dropHighestLosses > 0) {
            observations = observations.withoutHighestLosses(dropHighestLosses);
            transforms.add("drop-highest-losses=" + dropHighestLosses);
        }
        return new PreparedData(table, observations);
    }

    /** The human-readable result on standard output. */
    private record FitSummary(LawFit fit, int points, int threads, double seconds) {
        void print(PrintStream out) {
            LawForm form = fit.law();
            var search = fit.search();
            out.printf(Locale.ROOT, "%s law on %d points, δ = %g, %s grid: %d starts, %d converged (%d recognised "
                            + "early), %.2f s on %d threads%n", form.name(), points, fit.delta(), search.grid().name(),
                    search.starts(), search.successfulStarts(), search.recognisedStarts(), seconds, threads);
            if (!fit.succeeded()) {
                out.println("FAILED: no start converged");
                return;
            }
            out.printf(Locale.ROOT, "objective (Huber sum) = %.12g%n", fit.loss());
            double[] exponents = fit.exponents();
            double[] coefficients = fit.logCoefficients();
            if (form.equals(LawForm.CHINCHILLA)) {
                double alpha = exponents[0];
                double beta = exponents[1];
                out.printf(Locale.ROOT, "L(N, D) = E + A/N^α + B/D^β%n");
                out.printf(Locale.ROOT, "  A = %.6g   B = %.6g   E = %.6g%n", Math.exp(coefficients[0]),
                        Math.exp(coefficients[1]), Math.exp(fit.logIrreducibleError()));
                out.printf(Locale.ROOT, "  α = %.6g   β = %.6g%n", alpha, beta);
                out.printf(Locale.ROOT, "  compute-optimal: N_opt ∝ C^%.4f, D_opt ∝ C^%.4f%n", beta / (alpha + beta),
                        alpha / (alpha + beta));
            } else {
                out.printf(Locale.ROOT, "L = E + Σ_j exp(c_j)·x_j^(−α_j)%n");
                for (int j = 0; j < form.arity(); j++) {
                    out.printf(Locale.ROOT, "  %-7s α = %.6g   c = %.6g%n", form.inputs().get(j), exponents[j],
                            coefficients[j]);
                }
                out.printf(Locale.ROOT, "  E = exp(%.6g) = %.6g%n", fit.logIrreducibleError(),
                        Math.exp(fit.logIrreducibleError()));
            }
            for (String warning : fit.warnings()) {
                out.println("warning: " + warning);
            }
        }
    }
}
