package org.scalefit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.EngineProvider;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.BootstrapJson;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.ReferenceLaws;
import org.scalefit.law.Allocation;
import org.scalefit.law.LawForm;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.HuberLikelihoodFit;
import org.scalefit.uncertainty.LikelihoodRatioTest;
import org.scalefit.uncertainty.PairsBootstrap;
import org.scalefit.uncertainty.ParameterTests;
import org.scalefit.uncertainty.ResamplingStream;
import org.scalefit.uncertainty.ResidualComparison;
import org.scalefit.uncertainty.TestStatistic;
import org.scalefit.uncertainty.TestsAgainstReference;
import org.scalefit.uncertainty.TokensPerParameterPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalefit bootstrap}: Epoch AI's uncertainty analysis of a params/tokens law (Besiroglu et al. 2024): the
 * Huber-likelihood estimate with a fitted scale (Fit B) and a pairs bootstrap of the Huber-sum fit, both from a single
 * start at a bundled reference law, with standard errors and 95 % percentile intervals; then their tests of the
 * estimate against a reference law ({@link TestsAgainstReference}) and the tokens-per-parameter policy band
 * ({@link TokensPerParameterPolicy}). With {@code --fit}, instead, the bootstrap of any stored Approach-3 fit,
 * resampling points or whole runs ({@link FitBootstrapOptions}).
 */
@Command(name = "bootstrap", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Huber-likelihood estimate (Epoch AI's Fit B) and pairs-bootstrap standard errors and 2.5/97.5 "
                + "percentile intervals of a params/tokens law, as Besiroglu et al. 2024 compute them; their tests "
                + "of the estimate against a reference law (t-tests, Wald chi2, residual t-test, likelihood ratios) "
                + "and the tokens-per-parameter policy band against the reference's policy.",
                "With --fit FIT.json: the bootstrap of that fit (any law) on its own data, resampling points or whole "
                        + "runs, with standard errors, percentile intervals and, for a params/tokens law, bands of the "
                        + "compute-optimal allocation at --compute budgets."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:I/O error", "2:bad usage", "3:bad input data", "130:interrupted"})
final class BootstrapCommand implements Callable<Integer> {

    /** --data and --column, set from the two options below: --data is optional here, with --fit. */
    DataOptions input = new DataOptions();

    @Option(names = "--data", paramLabel = "FILE|STUDY:SET",
            description = "Runs: a bundled dataset (e.g. chinchilla:epoch) or a JSONL/CSV/Parquet file. Required "
                    + "without --fit; with --fit it replaces the data named in the fit (same content required).")
    String data;

    @Option(names = "--column", paramLabel = "LOGICAL=FILE_COLUMN",
            description = "Map a logical column (params, tokens, loss, width, depth, …) to a column of the file.")
    java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();

    @Mixin
    FitBootstrapOptions fitBootstrap = new FitBootstrapOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Option(names = "--drop-highest-losses", defaultValue = "0", paramLabel = "N",
            description = "Drop the points at or above the N-th largest loss (Epoch AI drop 5 Chinchilla points).")
    int dropHighestLosses;

    @Option(names = "--delta", defaultValue = ScalefitCommand.DEFAULT_DELTA, paramLabel = "δ",
            description = "Huber threshold of both objectives. Default: ${DEFAULT-VALUE}"
                    + ScalefitCommand.DEFAULT_DELTA_NOTE + ".")
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

    @Option(names = "--reference", defaultValue = "chinchilla-unrounded", paramLabel = "LAW",
            description = "Reference law the estimate is tested against (t-tests, Wald, residual t-test, likelihood "
                    + "ratios) and whose tokens-per-parameter policy is compared. Default: ${DEFAULT-VALUE}.")
    String reference;

    @Option(names = "--policy-draws", defaultValue = "10000", paramLabel = "M",
            description = "Draws from N(estimate, bootstrap covariance) for the tokens-per-parameter policy band "
                    + "(seeded with --seed); 0 leaves the policy out. Default: ${DEFAULT-VALUE}.")
    int policyDraws;

    @Option(names = "--policy-compute", defaultValue = "18:28:0.05", paramLabel = "FROM:TO:STEP",
            description = "Budgets of the policy table, 10^x for x from FROM to below TO by STEP (np.arange). "
                    + "Default: ${DEFAULT-VALUE}.")
    String policyCompute;

    @Option(names = "--policy-coverage", defaultValue = "80", paramLabel = "PERCENT",
            description = "Central coverage of the policy band. Default: ${DEFAULT-VALUE} (10th to 90th percentile).")
    double policyCoverage;

    @Override
    public Integer call() {
        return Failures.guard("bootstrap", this::run);
    }

    private int run() {
        OutputPaths.requireWritableFiles(out);
        ResamplingStream resampling = switch (stream) {
            case "numpy" -> ResamplingStream.NUMPY_RANDOM_STATE;
            case "splittable" -> ResamplingStream.SPLITTABLE;
            default -> throw new IllegalArgumentException("--stream must be numpy or splittable, was " + stream);
        };
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        input.data = data;
        input.columns.putAll(columns);
        if (fitBootstrap.requested()) {
            return fitBootstrap.run(input, resamples, seed, stream, resampling, engine, threads, out, draws);
        }
        fitBootstrap.requireNoFitOptions();
        if (data == null) {
            throw new IllegalArgumentException("give --data (Epoch AI's analysis) or --fit FILE (the bootstrap of a "
                    + "fit)");
        }
        LawForm law = LawForm.CHINCHILLA;
        RunTable table = input.read(ColumnRequest.of("params", "tokens", "loss"));
        Observations allObservations = Observations.fromTable(table, law.inputs(), "loss");
        Observations observations = allObservations;
        if (dropHighestLosses > 0) {
            observations = observations.withoutHighestLosses(dropHighestLosses);
        }
        double[] theta0 = ReferenceLaws.chinchillaTheta(start);
        double[] referenceTheta = ReferenceLaws.chinchillaTheta(reference);
        double[] compute = policyDraws > 0 ? policyBudgets(policyCompute) : new double[0];
        if (policyDraws < 0) {
            throw new IllegalArgumentException("--policy-draws must be 0 or more, was " + policyDraws);
        }
        int workers;
        long t0;
        HuberLikelihoodFit estimate;
        BootstrapResult bootstrap;
        try (EngineProvider.Engine parallelism = engine.open(threads)) {
            workers = parallelism.threads();
            t0 = System.nanoTime();
            estimate = HuberLikelihoodFit.maximise(law, observations, delta, theta0);
            bootstrap = new PairsBootstrap(law, delta, theta0, resamples, seed, resampling,
                    PairsBootstrap.defaultSettings()).run(observations, parallelism);
        }
        TestsAgainstReference tests = TestsAgainstReference.of(law, observations, allObservations, delta,
                estimate.theta(), referenceTheta, bootstrap);
        Allocation referenceModel = ReferenceLaws.trainedModel(reference).orElse(null);
        TokensPerParameterPolicy policy = null;
        if (policyDraws > 0) {
            TokensPerParameterPolicy.ReferencePolicy referencePolicy = ReferenceLaws.paramsExponentInterval(reference)
                    .map(a -> TokensPerParameterPolicy.ReferencePolicy.of(referenceTheta, a[0], a[1]))
                    .orElseGet(() -> TokensPerParameterPolicy.ReferencePolicy.of(referenceTheta));
            policy = TokensPerParameterPolicy.band(estimate.theta(), bootstrap.covariance(), referencePolicy, compute,
                    policyDraws, seed, policyCoverage);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (out != null) {
            AtomicFiles.writeString(out, new BootstrapJson().write(input.data, start, estimate, bootstrap, seed,
                    stream, workers, seconds, draws, ScalefitCommand.version(), reference, tests, policy,
                    referenceModel));
        }
        print(System.out, observations.size(), estimate, bootstrap, workers, seconds);
        printTests(System.out, tests);
        if (policy != null) {
            printPolicy(System.out, policy, referenceModel);
        }
        return 0;
    }

    /** 10^x for x in np.arange(FROM, TO, STEP). */
    private static double[] policyBudgets(String range) {
        String[] parts = range.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("--policy-compute must be FROM:TO:STEP (log10 of FLOPs), was " + range);
        }
        try {
            return TokensPerParameterPolicy.powersOfTen(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--policy-compute must be three numbers FROM:TO:STEP, was " + range);
        }
    }

    private void printTests(PrintStream stdout, TestsAgainstReference tests) {
        String[] names = {"alpha", "beta", "A", "B", "E"};
        String[] logNames = {"alpha", "beta", "log A", "log B", "log E"};
        ParameterTests plain = tests.untransformed();
        ParameterTests logs = tests.logSpace();
        stdout.printf(Locale.ROOT, "tests against %s (bootstrap standard errors and covariance):%n", reference);
        stdout.printf(Locale.ROOT, "  per-parameter t-tests, df %.0f (untransformed, as Epoch; log space on the "
                + "right):%n", plain.tests().get(0).degreesOfFreedom());
        stdout.printf(Locale.ROOT, "  %-6s %14s %14s %12s %9s %10s   %-6s %9s %10s%n", "", "estimate", "reference",
                "s.e.", "t", "p", "", "t", "p");
        int[] order = {2, 3, 4, 0, 1};
        for (int j : order) {
            stdout.printf(Locale.ROOT, "  %-6s %14.7g %14.7g %12.5g %9.4f %10.3g   %-6s %9.4f %10.3g%n", names[j],
                    plain.estimate()[j], plain.reference()[j], plain.standardErrors()[j], plain.tests().get(j).value(),
                    plain.tests().get(j).pValue(), logNames[j], logs.tests().get(j).value(),
                    logs.tests().get(j).pValue());
        }
        TestStatistic wald = tests.wald().test();
        stdout.printf(Locale.ROOT, "  Wald chi2 (df %.0f, log space): %.2f, p = %.3g%n", wald.degreesOfFreedom(),
                wald.value(), wald.pValue());
        ResidualComparison residuals = tests.residuals();
        stdout.printf(Locale.ROOT, "  residuals L - L_hat, two-sample t (df %.0f): t = %.4f, p = %.3g "
                        + "(mean: reference %.5g, estimate %.5g)%n", residuals.test().degreesOfFreedom(),
                residuals.test().value(), residuals.test().pValue(), residuals.referenceMeanResidual(),
                residuals.estimateMeanResidual());
        printLikelihoodRatio(stdout, "fitted points", tests.likelihoodRatio());
        tests.likelihoodRatioAllPoints().ifPresent(test -> printLikelihoodRatio(stdout, "all points", test));
    }

    private static void printLikelihoodRatio(PrintStream stdout, String which, LikelihoodRatioTest test) {
        stdout.printf(Locale.ROOT, "  likelihood ratio, scale refitted, %s (%d, df %.0f): %.2f, p = %.3g "
                        + "(log-likelihood reference %.4f, estimate %.4f)%n", which, test.points(),
                test.test().degreesOfFreedom(), test.test().value(), test.test().pValue(),
                test.referenceLogLikelihood(), test.estimateLogLikelihood());
    }

    private void printPolicy(PrintStream stdout, TokensPerParameterPolicy policy, Allocation referenceModel) {
        double low = (100 - policy.coverage()) / 2;
        stdout.printf(Locale.ROOT, "tokens per parameter D/N of the compute-optimal policy: %s %% band of %d "
                + "draws from N(estimate, bootstrap covariance), seed %d; reference %s%n", fmt(policy.coverage()),
                policy.draws(), policy.seed(), reference);
        if (policy.skipped() > 0) {
            stdout.printf(Locale.ROOT, "  %d of the %d draws have no compute-optimal allocation (α ≤ 0 or β ≤ 0) and "
                    + "are left out of the band%n", policy.skipped(), policy.draws());
        }
        stdout.println("  (C factor: median over the draws of C / the compute the draw's law needs to reach the "
                + "reducible loss of the reference allocation)");
        stdout.printf(Locale.ROOT, "  %12s %10s %10s %10s %10s %10s %10s%n", "compute", "p" + fmt(low), "p50",
                "p" + fmt(100 - low), "estimate", "reference", "C factor");
        List<TokensPerParameterPolicy.Row> rows = policy.rows();
        int every = Math.max(1, rows.size() / 10);
        for (int i = 0; i < rows.size(); i++) {
            if (i % every == 0 || i == rows.size() - 1) {
                printRow(stdout, rows.get(i));
            }
        }
        if (referenceModel != null) {
            TokensPerParameterPolicy.Row nearest = policy.nearest(referenceModel.compute());
            stdout.printf(Locale.ROOT, "  reference model: %.3g params, %.3g tokens, C = %.3g, D/N = %.4g; nearest "
                            + "budget:%n", referenceModel.params(), referenceModel.tokens(), referenceModel.compute(),
                    referenceModel.tokensPerParam());
            printRow(stdout, nearest);
        }
        stdout.println("  (every budget in --out)");
    }

    private static void printRow(PrintStream stdout, TokensPerParameterPolicy.Row row) {
        stdout.printf(Locale.ROOT, "  %12.4g %10.4f %10.4f %10.4f %10.4f %10.4f %10.4f%n", row.compute(), row.low(),
                row.median(), row.high(), row.pointEstimate(), row.reference(), row.medianComputeFactor());
    }

    private static String fmt(double percentile) {
        return percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile);
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
