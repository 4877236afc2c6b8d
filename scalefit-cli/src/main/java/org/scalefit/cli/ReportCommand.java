package org.scalefit.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalefit.io.analysis.DatasetAnalysisRequest;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.report.HtmlReport;
import org.scalefit.report.Report;
import org.scalefit.report.dataset.DatasetReport;
import org.scalefit.report.dataset.DatasetReportRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalefit report}: parses the options into a {@link DatasetReportRequest} (whose
 * {@link DatasetAnalysisRequest} runs Approach 1, the Approach-3 fit and its bootstrap, the allocation and the
 * analyses that apply; the report lays them out), writes its report as a self-contained HTML directory and prints
 * where.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Analyse one dataset and write a self-contained HTML report directory (index.html with "
                + "interactive figures and tables, figures/*.png and *.svg): Approach 1 on FLOPs (and GPU-hours when "
                + "the data has step, num_nodes and seconds_per_step), an Approach-3 params/tokens fit with pairs-"
                + "bootstrap intervals, the compute-optimal allocation beside Chinchilla, Epoch AI and Kaplan, and "
                + "the feasible model shapes when the data has width and depth (with --shape-search, the fitted "
                + "law's optimal shapes); provenance "
                + "(data SHA-256, options, version) at the end.",
                "",
                "With --noise or --noise-model the Approach-2 (IsoFLOP) section uses that seed noise, as `scalefit "
                + "isoflop` does; with --drop-dominated the Approach-1 frontiers are strict Pareto frontiers of the "
                + "hull runs, as with `scalefit frontier --drop-dominated`.",
                "",
                "The directory is written atomically; an existing one is replaced only if it is a scalefit report.",
                "",
                "Example: scalefit report --data gemstones:hot_477 --out report/"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:I/O error", "2:bad usage or degenerate data",
                "3:bad input data (file, line and column are printed)", "4:the Approach-3 fit failed (the report is "
                + "still written)", "5:the data cannot identify the law (status not_identified; the report is "
                + "still written)", "130:interrupted"})
final class ReportCommand implements Callable<Integer> {

    @Mixin
    DataOptions input = new DataOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The report directory to write.")
    Path out;

    @Option(names = "--title", paramLabel = "TEXT", description = "The report's title. Default: scalefit report: DATA.")
    String title;

    @Mixin
    DeltaOption huber = new DeltaOption();

    @Option(names = "--grid", defaultValue = "gemstones", paramLabel = "GRID",
            description = "Starts of the Approach-3 fit: gemstones or epoch. Default: ${DEFAULT-VALUE}.")
    String grid;

    @Option(names = "--law-bootstrap", defaultValue = "100", paramLabel = "N",
            description = "Pairs-bootstrap refits of the Approach-3 law, for parameter intervals and allocation "
                    + "bands (0: none). Default: ${DEFAULT-VALUE}.")
    int lawBootstrap;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "N",
            description = "Pairs-bootstrap resamples of the Approach-1 fits (0: none). Default: ${DEFAULT-VALUE}.")
    int frontierBootstrap;

    @Option(names = "--bins", defaultValue = "20", paramLabel = "N",
            description = "Chinchilla's binning minimisers over N log-spaced bins (0: none). Default: ${DEFAULT-VALUE}.")
    int bins;

    @Option(names = "--drop-dominated",
            description = "Leave out of the Approach-1 frontiers, and of their fits, every hull run that an earlier "
                    + "frontier run dominates (less resource, loss at most as high), as `scalefit frontier "
                    + "--drop-dominated`. Default: Gemstones' rule, which keeps them (the section cautions about each).")
    boolean dropDominated;

    @ArgGroup(exclusive = true)
    IsoflopCommand.Noise noise;

    @Mixin
    SeedOption seeded = new SeedOption();

    @Option(names = "--shape-search",
            description = "Also search Gemstones' width-depth grid (3.2·10⁸ rows) for the fitted law's optimum per "
                    + "FLOPs bucket (a few seconds).")
    boolean shapeSearch;

    @Option(names = "--gadre", paramLabel = "DATASET",
            description = "Also add Gadre et al.'s over-training and downstream laws on the bundled testbed's "
                    + "dataset (c4_original, rpj, rw_original).")
    String gadreDataset;

    @Option(names = "--parabola", paramLabel = "FIT.json",
            description = "Also trace Gemstones' overtraining parabola of this width-depth law (data with width and "
                    + "depth; e.g. `scalefit fit --law width-depth-params --out FIT.json`, or a Gemstones "
                    + "approach_3_width_depth file): for FLOPs buckets 2, 5, 9, 12 of the shape search, the shape of "
                    + "least loss on sqrt(f) x the optimal tokens at the same FLOPs, f = 2^-4...2^4, with the "
                    + "Approach-3 fit at the same shapes and industry models as reference lines (a few seconds).")
    Path parabolaLaw;

    @Option(names = "--parabola-bootstrap", paramLabel = "BOOT.json",
            description = "Bands of the --parabola section: the bootstrap of that law's fit with every replicate's "
                    + "parameters (scalefit bootstrap --fit FIT.json --draws --out BOOT.json), as `scalefit parabola "
                    + "--bootstrap`; the section adds the loss penalty L(f)/L(1) - 1 per budget with the bootstrap's "
                    + "percentile band (its --level).")
    Path parabolaBootstrap;

    @Option(names = "--benchmarks",
            description = "Also add Gemstones' downstream benchmarks (bundled lighteval results): average accuracy "
                    + "against FLOPs, the error and sigmoid laws of the average error in validation loss (the "
                    + "data's own losses where its width, depth and tokens match the checkpoints, else Dolma's), "
                    + "and the loss on FineWeb-Edu and DCLM beside Dolma.")
    boolean benchmarks;

    @Mixin
    ArchitectureOptions shape = new ArchitectureOptions();

    @Mixin
    ComputeOptions compute = new ComputeOptions();

    @Mixin
    ThreadsOptions threads = new ThreadsOptions();

    @Mixin
    TimestampsOption timestamps = new TimestampsOption();

    @Override
    public Integer call() {
        OutputPaths.requireWritableDirectory(out);
        HtmlReport.requireReplaceable(out);
        DatasetReportRequest request = new DatasetReportRequest(new DatasetAnalysisRequest(input.source(),
                compute.costs(shape.architecture(), false), huber.delta, grid, lawBootstrap,
                frontierBootstrap, bins, seeded.seed, shapeSearch, gadreDataset, parabolaLaw, benchmarks,
                parabolaBootstrap).withNoise(noise == null ? null : noise.model()).withDropDominated(dropDominated),
                title);
        DatasetReport result;
        try (TerminalProgress progress = TerminalProgress.start("fit chinchilla", request.startGrid().size())) {
            result = request.build(LocalParallelism.withThreads(threads.count()), progress);
        }
        Report report = timestamps.noTimestamps ? result.report().withoutRunDetails() : result.report();
        long step = System.nanoTime();
        HtmlReport.write(report, out);
        System.out.printf(Locale.ROOT, "report written to %s (%s, %s) in %.1f s%n", out,
                Counts.of(report.sections().size(), "section"), Counts.of(report.figures().size(), "figure"),
                result.seconds() + (System.nanoTime() - step) / 1e9);
        if (!timestamps.noTimestamps) {
            System.out.printf(Locale.ROOT, "  writing took %.1f s%n", (System.nanoTime() - step) / 1e9);
        }
        return ScalefitCommand.exitCode(result.fitStatus());
    }
}
