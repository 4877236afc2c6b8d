package org.scalefit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.analysis.EpochOutcome;
import org.scalefit.io.analysis.EpochRequest;
import org.scalefit.parallel.EngineProvider;
import org.scalefit.uncertainty.ResamplingStream;
import org.scalefit.uncertainty.TestsAgainstReference;
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
                "With --fit FIT.json: the bootstrap of that fit (chinchilla, width-depth or width-depth-params; a "
                        + "law written as text is bootstrapped by scalefit fit --bootstrap B) on its own data, "
                        + "resampling points or whole runs, with standard errors, percentile intervals and, for a "
                        + "params/tokens law, bands of the compute-optimal allocation at --compute budgets."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:I/O error", "2:bad usage", "3:bad input data",
                "4:with --data: Fit B failed the stationarity test even after its polish, as scalefit fit's "
                        + "not_stationary (the result is written and says NOT CONVERGED, convergence not_stationary; "
                        + "a failed line search at a tested minimum, polished or not, is converged_at_precision_floor, "
                        + "exit 0); or Fit B's residual scale is below what double precision resolves (the law "
                        + "fits the points almost exactly: convergence scale_below_precision, with the reason and what "
                        + "to fit instead); with --fit: fewer than 2 refits "
                        + "converged (the result is written; its intervals are no uncertainty)",
                "5:the data cannot identify the law (as scalefit fit decides: too few points or distinct values "
                        + "per input, a constant input, nearly collinear log inputs); with --fit, under the limits "
                        + "the fit records (its --max-params/--max-tokens). Nothing is estimated or written; the "
                        + "reasons are printed", "130:interrupted"})
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

    @Option(names = "--unit", paramLabel = "LOGICAL=FACTOR", description = DataOptions.UNIT_HELP
            + " With --fit, the units the fit records are applied again.")
    java.util.Map<String, String> units = new java.util.LinkedHashMap<>();

    @Mixin
    FitBootstrapOptions fitBootstrap = new FitBootstrapOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    OutlierOption outliers = new OutlierOption();

    @Mixin
    DeltaOption huber = new DeltaOption();

    @Option(names = "--start", defaultValue = "chinchilla-unrounded", paramLabel = "LAW",
            description = "Reference law to start every fit from. Default: ${DEFAULT-VALUE} (Hoffmann et al. 2022, "
                    + "as Epoch AI use it).")
    String start;

    @Option(names = "--resamples", defaultValue = "4000", paramLabel = "B",
            description = "Bootstrap replicates. Default: ${DEFAULT-VALUE}.")
    int resamples;

    @Mixin
    SeedOption seeded = new SeedOption();

    @Option(names = "--stream", defaultValue = "numpy", paramLabel = "numpy|splittable",
            description = "Resampling stream: numpy (NumPy RandomState, reproduces Epoch's resamples) or splittable. "
                    + "Default: ${DEFAULT-VALUE}.")
    String stream;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result as JSON to FILE.")
    Path out;

    @Option(names = "--draws", description = "With --out, also write every replicate's parameters (log space): what "
            + "shapes --bootstrap and parabola --bootstrap read.")
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
        OutputPaths.requireWritableFiles(out);
        ResamplingStream resampling = switch (stream) {
            case "numpy" -> ResamplingStream.NUMPY_RANDOM_STATE;
            case "splittable" -> ResamplingStream.SPLITTABLE;
            default -> throw new IllegalArgumentException("--stream must be numpy or splittable, was " + stream);
        };
        input.data = data;
        input.columns.putAll(columns);
        input.units.putAll(units);
        if (fitBootstrap.requested()) {
            return fitBootstrap.run(input, resamples, seeded.seed, stream, resampling, engine, out, draws);
        }
        fitBootstrap.requireNoFitOptions();
        if (data == null) {
            throw new IllegalArgumentException("give --data (Epoch AI's analysis) or --fit FILE (the bootstrap of a "
                    + "fit)");
        }
        double[] compute = policyDraws > 0 ? EpochRequest.policyBudgets(policyCompute) : new double[0];
        EpochRequest request = new EpochRequest(input.source(), outliers.dropHighestLosses, huber.delta, start,
                reference, resamples, seeded.seed, resampling, stream, policyDraws, compute, policyCoverage);
        EpochRequest.Prepared prepared = request.prepare();
        if (!prepared.identification().identified()) {
            System.out.println("NOT IDENTIFIED: the data cannot identify the law; no fit was made");
            prepared.identification().warnings().forEach(warning -> System.out.println("  " + warning));
            System.err.println(Wording.notIdentified("scalefit bootstrap: " + data));
            return ScalefitCommand.EXIT_NOT_IDENTIFIED;
        }
        EpochOutcome outcome;
        try (EngineProvider.Engine parallelism = engine.open()) {
            outcome = prepared.run(parallelism);
        }
        if (out != null) {
            AtomicFiles.writeString(out, outcome.document(draws).write());
        }
        new BootstrapPrinter(System.out, outcome).print();
        return outcome.estimate().converged() ? 0 : ScalefitCommand.EXIT_FIT_FAILED;
    }
}
