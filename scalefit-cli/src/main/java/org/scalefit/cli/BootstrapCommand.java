package org.scalefit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.LocalParallelism;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.BootstrapJson;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.ReferenceLaws;
import org.scalefit.law.LawForm;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.HuberLikelihoodFit;
import org.scalefit.uncertainty.PairsBootstrap;
import org.scalefit.uncertainty.ResamplingStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalefit bootstrap}: Epoch AI's uncertainty analysis of a params/tokens law (Besiroglu et al. 2024): the
 * Huber-likelihood estimate with a fitted scale (Fit B) and a pairs bootstrap of the Huber-sum fit, both from a single
 * start at a bundled reference law, with standard errors and 95 % percentile intervals.
 */
@Command(name = "bootstrap", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Huber-likelihood estimate (Epoch AI's Fit B) and pairs-bootstrap standard errors and 2.5/97.5 "
                + "percentile intervals of a params/tokens law, as Besiroglu et al. 2024 compute them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:I/O error", "2:bad usage", "3:bad input data", "130:interrupted"})
final class BootstrapCommand implements Callable<Integer> {

    @Mixin
    DataOptions input = new DataOptions();

    @Option(names = "--drop-highest-losses", defaultValue = "0", paramLabel = "N",
            description = "Drop the points at or above the N-th largest loss (Epoch AI drop 5 Chinchilla points).")
    int dropHighestLosses;

    @Option(names = "--delta", defaultValue = "1e-3", paramLabel = "δ",
            description = "Huber threshold of both objectives. Default: ${DEFAULT-VALUE}.")
    double delta;

    @Option(names = "--start", defaultValue = "chinchilla-unrounded", paramLabel = "LAW",
            description = "Reference law to start every fit from. Default: ${DEFAULT-VALUE} (Hoffmann et al. 2022, "
                    + "as Epoch AI use it).")
    String start;

    @Option(names = "--resamples", defaultValue = "4000", paramLabel = "B",
            description = "Bootstrap replicates. Default: ${DEFAULT-VALUE}.")
    int resamples;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--stream", defaultValue = "numpy", paramLabel = "numpy|splittable",
            description = "Resampling stream: numpy (NumPy RandomState, reproduces Epoch's resamples) or splittable. "
                    + "Default: ${DEFAULT-VALUE}.")
    String stream;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all cores.")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result as JSON to FILE.")
    Path out;

    @Option(names = "--draws", description = "With --out, also write every replicate's parameters (log space).")
    boolean draws;

    @Override
    public Integer call() {
        return Failures.guard("bootstrap", this::run);
    }

    private int run() {
        ResamplingStream resampling = switch (stream) {
            case "numpy" -> ResamplingStream.NUMPY_RANDOM_STATE;
            case "splittable" -> ResamplingStream.SPLITTABLE;
            default -> throw new IllegalArgumentException("--stream must be numpy or splittable, was " + stream);
        };
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        LawForm law = LawForm.CHINCHILLA;
        RunTable table = input.read(ColumnRequest.of("params", "tokens", "loss"));
        Observations observations = Observations.fromTable(table, law.inputs(), "loss");
        if (dropHighestLosses > 0) {
            observations = observations.withoutHighestLosses(dropHighestLosses);
        }
        double[] theta0 = ReferenceLaws.chinchillaTheta(start);
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        HuberLikelihoodFit estimate = HuberLikelihoodFit.maximise(law, observations, delta, theta0);
        BootstrapResult bootstrap = new PairsBootstrap(law, delta, theta0, resamples, seed, resampling,
                PairsBootstrap.defaultSettings()).run(observations, LocalParallelism.withThreads(workers));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (out != null) {
            AtomicFiles.writeString(out, new BootstrapJson().write(input.data, start, estimate, bootstrap, seed,
                    stream, workers, seconds, draws, ScalefitCommand.version()));
        }
        print(System.out, observations.size(), estimate, bootstrap, workers, seconds);
        return 0;
    }

    private void print(PrintStream stdout, int points, HuberLikelihoodFit estimate, BootstrapResult bootstrap,
                       int workers, double seconds) {
        double[] theta = estimate.theta();
        double[] value = {Math.exp(theta[2]), Math.exp(theta[3]), Math.exp(theta[4]), theta[0], theta[1]};
        int[] order = {2, 3, 4, 0, 1};
        double[] se = bootstrap.untransformedStandardErrors();
        double[] logSe = bootstrap.standardErrors();
        double[] low = bootstrap.untransformedPercentile(2.5);
        double[] high = bootstrap.untransformedPercentile(97.5);
        String[] names = {"A", "B", "E", "alpha", "beta"};
        stdout.printf(Locale.ROOT, "%s: %d points; start %s; delta %s%n", input.data, points, start, delta);
        stdout.printf(Locale.ROOT, "Huber-likelihood estimate (Fit B): sigma = exp(%.8f), NLL %.10f, %s%n",
                estimate.logScale(), estimate.negativeLogLikelihood(), estimate.outcome().status());
        stdout.printf(Locale.ROOT, "pairs bootstrap: %d resamples (seed %d, %s stream), %d converged%n",
                bootstrap.count(), seed, stream, bootstrap.converged());
        stdout.printf(Locale.ROOT, "  %-6s %14s %12s %12s %14s %14s%n", "", "estimate", "s.e.", "s.e.(log)",
                "2.5 %", "97.5 %");
        for (int p = 0; p < 5; p++) {
            int j = order[p];
            stdout.printf(Locale.ROOT, "  %-6s %14.7g %12.5g %12.5g %14.7g %14.7g%n", names[p], value[p], se[j],
                    logSe[j], low[j], high[j]);
        }
        stdout.printf(Locale.ROOT, "%d threads, %.2f s%n", workers, seconds);
    }
}
