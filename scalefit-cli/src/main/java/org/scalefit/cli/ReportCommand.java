package org.scalefit.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.RunCompute;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.StartGrid;
import org.scalefit.frontier.Approach1;
import org.scalefit.frontier.LossFrontier;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.GadreTestbed;
import org.scalefit.io.GemstonesBenchmarks;
import org.scalefit.io.IndustryModels;
import org.scalefit.io.LawFiles;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.TableReader;
import org.scalefit.io.analysis.CostRequest;
import org.scalefit.law.ComputeOptimalAllocation;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.overtraining.DownstreamFitter;
import org.scalefit.overtraining.OvertrainingAnalysis;
import org.scalefit.overtraining.OvertrainingFitter;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.parallel.Parallelism;
import org.scalefit.report.HtmlReport;
import org.scalefit.report.Numbers;
import org.scalefit.report.Provenance;
import org.scalefit.report.Report;
import org.scalefit.report.Section;
import org.scalefit.report.figure.RunStyles;
import org.scalefit.report.figure.SeriesStyle;
import org.scalefit.report.figures.AllocationFigures;
import org.scalefit.report.figures.ReferenceLine;
import org.scalefit.report.figures.Runs;
import org.scalefit.report.figures.ShapeMark;
import org.scalefit.report.figures.ShapeQuantity;
import org.scalefit.report.sections.AllocationSection;
import org.scalefit.report.sections.DataSection;
import org.scalefit.report.sections.FrontierSection;
import org.scalefit.report.sections.GemstonesSections;
import org.scalefit.report.sections.LawFitSection;
import org.scalefit.report.sections.OvertrainingSection;
import org.scalefit.report.sections.ShapesSection;
import org.scalefit.shapes.FeasibleShapes;
import org.scalefit.shapes.FlopBuckets;
import org.scalefit.shapes.ShapeAccounting;
import org.scalefit.shapes.ShapeGrid;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.shapes.ShapeSearch;
import org.scalefit.uncertainty.AllocationBands;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.PairsBootstrap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalefit report}: runs Approach 1 (FLOPs and, when the data has step timings, GPU-hours), an Approach-3
 * params/tokens fit with a pairs bootstrap, the compute-optimal allocation and the shape search on one dataset, and
 * writes them as a self-contained HTML report directory.
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

    @Option(names = "--delta", defaultValue = ScalefitCommand.DEFAULT_DELTA, paramLabel = "δ",
            description = "Huber threshold of the Approach-3 fit. Default: ${DEFAULT-VALUE}"
                    + ScalefitCommand.DEFAULT_DELTA_NOTE + ".")
    double delta;

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

    @Option(names = "--seed", defaultValue = "42", description = "Seed of both bootstraps. Default: ${DEFAULT-VALUE}.")
    long seed;

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

    @Option(names = "--gpus-per-node", defaultValue = "8", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int gpusPerNode;

    @Mixin
    ThreadsOptions threads = new ThreadsOptions();

    @Option(names = "--no-timestamps",
            description = "Leave the time and the step timings out of the report, so that the same data and options "
                    + "give byte-identical files.")
    boolean noTimestamps;

    @Override
    public Integer call() {
        OutputPaths.requireWritableDirectory(out);
        HtmlReport.requireReplaceable(out);
        int workers = threads.count();
        StartGrid startGrid = StartGrid.named(grid, LawForm.CHINCHILLA.arity());
        Parallelism parallelism = LocalParallelism.withThreads(workers);
        Map<String, Double> seconds = new LinkedHashMap<>();
        long begin = System.nanoTime();

        Architecture architecture = shape.architecture();
        CostRequest costs = compute.costs(architecture, false, gpusPerNode);
        RunTable table = costs.read(input.source(), ColumnRequest.of("tokens", "loss")
                .withOptional(RunCompute.TIMING.toArray(String[]::new)));
        boolean shapes = table.hasColumn("width") && table.hasColumn("depth");
        if (!shapes && !table.hasColumn("params")) {
            throw new IllegalArgumentException(table.source() + " has neither params nor width and depth: the report "
                    + "needs the parameter count of every run");
        }
        FittedLaw widthDepthLaw = parabolaLaw == null ? null : parabolaLaw(shapes, table);
        double[] tokens = table.column("tokens");
        double[] loss = table.column("loss");
        // the frontier command's rule (RunCompute): 6ND on the file's params, the exact count from the shape only
        // when asked or when there is no params column
        RunCompute counts = costs.count(table, input.source());
        double[] params = counts.params();
        double[] flops = counts.flops();
        String flopsLabel = switch (counts.flopsLabel()) {
            case "6ND" -> "training FLOPs (6ND)";
            case "gemstones-gqa" -> "training FLOPs (exact GQA count)";
            default -> "training FLOPs (" + counts.flopsLabel() + ")";
        };
        Runs runs = runs(table, params, tokens, shapes);
        RunStyles styles = RunStyles.gemstones();
        seconds.put("read", elapsed(begin));

        List<Section> sections = new ArrayList<>();
        sections.add(DataSection.of(table, runs, params, tokens, loss));
        long step = System.nanoTime();
        Approach1 byFlops = Approach1.of(flops, loss, params, tokens, frontierBootstrap, seed);
        LossFrontier flopBins = bins > 0 ? LossFrontier.binMinimizers(flops, loss, bins) : null;
        sections.add(FrontierSection.of("approach-1-flops", "Approach 1: loss frontier in FLOPs", flopsLabel,
                byFlops, flopBins, flops, loss, params, tokens, runs, ReferenceLine.published(styles), styles));
        if (counts.timed()) {
            double[] gpuHours = counts.gpuHours();
            Approach1 byHours = Approach1.of(gpuHours, loss, params, tokens, frontierBootstrap, seed);
            LossFrontier hourBins = bins > 0 ? LossFrontier.binMinimizers(gpuHours, loss, bins) : null;
            sections.add(FrontierSection.of("approach-1-gpu-hours", "Approach 1: loss frontier in GPU-hours",
                    "GPU-hours", byHours, hourBins, gpuHours, loss, params, tokens, runs, List.of(), styles));
        }
        seconds.put("approach 1", elapsed(step));

        step = System.nanoTime();
        Observations points = Observations.fromTable(table.withColumn("params", params), LawForm.CHINCHILLA.inputs(),
                "loss");
        LawFit fit;
        try (TerminalProgress progress = TerminalProgress.start("fit chinchilla", startGrid.size())) {
            fit = FitProblem.of(LawForm.CHINCHILLA, points, delta, startGrid).fit(parallelism, progress);
        }
        seconds.put("approach 3 fit", elapsed(step));
        BootstrapResult bootstrap = null;
        ComputeOptimalAllocation fitted = null;
        if (fit.succeeded()) {
            FittedLaw law = fit.fitted();
            if (lawBootstrap > 0) {
                step = System.nanoTime();
                bootstrap = PairsBootstrap.fromEstimate(law, delta, lawBootstrap, seed).run(points, parallelism);
                seconds.put("approach 3 bootstrap", elapsed(step));
            }
            try {
                fitted = ComputeOptimalAllocation.ofChinchillaParameters(law.theta());
            } catch (IllegalArgumentException degenerate) {
                fitted = null;
            }
        }
        sections.add(LawFitSection.of("approach-3", fit, points, runs, styles, bootstrap));

        List<ReferenceLine> rules = new ArrayList<>();
        if (fitted != null) {
            rules.add(new ReferenceLine("this fit (Approach 3)", SeriesStyle.line("#1f77b4").withLineWidth(2),
                    fitted));
        }
        rules.addAll(ReferenceLine.published(styles));
        double[] compute = AllocationFigures.budgets(1e18, 1e26, 65);
        AllocationBands bands = fitted != null && bootstrap != null
                ? AllocationBands.of(fit.parameters(), bootstrap, compute, 95) : null;
        sections.add(AllocationSection.of("allocation", rules, new double[] {1e19, 1e20, 1e21, 1e22, 1e23, 1e24,
                1e25}, compute, bands));

        step = System.nanoTime();
        if (shapes || shapeSearch) {   // Gemstones' shape grid says nothing about runs without a shape
            sections.add(shapeSection(fit, runs, table, shapes, parallelism));
        }
        seconds.put("shapes", elapsed(step));
        List<Provenance.DataSource> extraData = new ArrayList<>();
        if (widthDepthLaw != null) {
            step = System.nanoTime();
            IndustryModels industry = IndustryModels.bundled();
            Optional<FittedLaw> second = fit.succeeded()
                    ? Optional.of(fit.fitted()) : Optional.empty();
            sections.add(GemstonesSections.parabola(widthDepthLaw, widthDepthLaw.form().name() + " law ("
                    + parabolaLaw.getFileName() + ")", second, "this fit (Approach 3)", industry, architecture,
                    parallelism));
            extraData.add(new Provenance.DataSource(industry.source(), industry.sha256(), industry.models().size()
                    + " industry models"));
            extraData.add(new Provenance.DataSource(parabolaLaw.toString(), LawFiles.sha256(parabolaLaw),
                    "the law the parabola minimises"));
            seconds.put("parabola", elapsed(step));
        }
        if (benchmarks) {
            step = System.nanoTime();
            GemstonesBenchmarks results = GemstonesBenchmarks.read(GemstonesBenchmarks.BUNDLED);
            TableReader reader = new TableReader();
            RunTable losses = shapes && !results.atLosses(table).isEmpty() ? table
                    : reader.read(GemstonesBenchmarks.DEFAULT_LOSSES, GemstonesBenchmarks.lossColumns());
            Map<String, RunTable> sets = GemstonesSections.validationSets(reader);
            sections.addAll(GemstonesSections.benchmarks(results, losses, sets, architecture, styles));
            extraData.add(new Provenance.DataSource(results.source(), results.contentHash(),
                    results.checkpoints().size() + " benchmark checkpoints"));
            if (losses != table) {
                extraData.add(new Provenance.DataSource(losses.source(), losses.contentHash(), losses.rows()
                        + " rows: losses of the benchmark checkpoints"));
            }
            sets.forEach((name, set) -> extraData.add(new Provenance.DataSource(set.source(), set.contentHash(),
                    set.rows() + " rows: " + name + " validation loss")));
            seconds.put("benchmarks", elapsed(step));
        }
        if (gadreDataset != null) {
            step = System.nanoTime();
            GadreTestbed testbed = GadreTestbed.read(GadreTestbed.BUNDLED, GadreTestbed.DEFAULT_LOSS_SET);
            OvertrainingAnalysis analysis = OvertrainingAnalysis.of(testbed.defaultSplit(gadreDataset),
                    List.of(GadreTestbed.AVERAGE_17), OvertrainingFitter.gadre(), DownstreamFitter.gadre());
            sections.add(OvertrainingSection.of("overtraining", gadreDataset, analysis));
            seconds.put("over-training", elapsed(step));
        }

        Provenance provenance = provenance(table, runs, testbedSummary(), extraData, seconds, begin);
        Report report = new Report(title != null ? title : "scalefit report: " + table.source(), sections,
                noTimestamps ? provenance.withoutRunDetails() : provenance);
        step = System.nanoTime();
        HtmlReport.write(report, out);
        System.out.printf(Locale.ROOT, "report written to %s (%d sections, %d figures) in %.1f s%n", out,
                report.sections().size(), report.figures().size(), elapsed(begin));
        if (!noTimestamps) {
            System.out.printf(Locale.ROOT, "  writing took %.1f s%n", elapsed(step));
        }
        return ScalefitCommand.exitCode(fit.status().label());
    }

    private Section shapeSection(LawFit fit, Runs runs, RunTable table, boolean shapes, Parallelism parallelism) {
        Map<String, ShapeOptima> optima = new LinkedHashMap<>();
        if (shapeSearch && fit.succeeded()) {
            ShapeSearch search = ShapeSearch.over(ShapeGrid.gemstones(), FlopBuckets.gemstones(),
                    ShapeAccounting.gemstones());
            FittedLaw law = fit.fitted();
            optima.put("this fit (Approach 3)", search.minimise(List.of(law), parallelism).get(0));
        }
        Map<String, List<ShapeMark>> marks = new LinkedHashMap<>();
        if (shapes) {
            double[] width = table.column("width");
            double[] depth = table.column("depth");
            List<ShapeMark> runShapes = new ArrayList<>();
            for (Map.Entry<String, int[]> run : runs.groups().entrySet()) {
                int row = run.getValue()[0];
                runShapes.add(new ShapeMark(run.getKey(), width[row], depth[row]));
            }
            marks.put("runs of " + table.source(), runShapes);
        }
        return ShapesSection.of("shapes", optima, List.of(ShapeQuantity.PARAMS, ShapeQuantity.TOKENS_PER_PARAM),
                FeasibleShapes.gemstones(), 0.05, marks);
    }

    /**
     * The {@code --parabola} law, checked before any fit: the data must have width and depth, and the law must see
     * them — a params/tokens law sees a shape only through its parameter count, so its constrained optimum is always
     * the one-layer model at the edge of the box.
     */
    private FittedLaw parabolaLaw(boolean shapes, RunTable table) {
        if (!shapes) {
            throw new IllegalArgumentException("--parabola needs data with width and depth (the shapes' FLOPs); "
                    + table.source() + " has neither");
        }
        FittedLaw law = LawFiles.read(parabolaLaw);
        if (!law.form().inputs().containsAll(List.of("width", "depth"))) {
            throw new IllegalArgumentException("--parabola " + parabolaLaw + ": a " + law.form().name()
                    + " law sees a shape only through its parameter count, so its best shape at any FLOPs is the "
                    + "one-layer model at the edge of the box; give a width-depth or width-depth-params law");
        }
        return law;
    }

    /** Runs by shape ({@code WxD}) when the data has width and depth, else by parameter count. */
    private static Runs runs(RunTable table, double[] params, double[] tokens, boolean shapes) {
        Runs runs;
        if (shapes) {
            runs = Runs.ofShapes(table.column("width"), table.column("depth"));
        } else {
            List<String> names = new ArrayList<>();
            for (double n : params) {
                names.add("N = " + Numbers.format(n, 3));
            }
            runs = Runs.named(names);
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < table.rows(); i++) {
            labels.add(runs.name(i) + ", " + Numbers.format(tokens[i], 3) + " tokens (line " + table.sourceLine(i)
                    + ")");
        }
        return runs.withRowLabels(labels).orderedBy(params);
    }


    private Provenance.DataSource testbedSummary() {
        if (gadreDataset == null) {
            return null;
        }
        GadreTestbed testbed = GadreTestbed.read(GadreTestbed.BUNDLED, GadreTestbed.DEFAULT_LOSS_SET);
        return new Provenance.DataSource(testbed.source(), testbed.contentHash(), testbed.runs().size() + " runs");
    }

    private Provenance provenance(RunTable table, Runs runs, Provenance.DataSource testbed,
                                  List<Provenance.DataSource> extraData, Map<String, Double> seconds, long begin) {
        List<Provenance.DataSource> data = new ArrayList<>();
        data.add(new Provenance.DataSource(table.source(), table.contentHash(), table.rows() + " rows, "
                + runs.groups().size() + " runs"));
        if (testbed != null) {
            data.add(testbed);
        }
        data.addAll(extraData);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--data", input.data);
        input.columns.forEach((logical, column) -> options.put("--column " + logical, column));
        options.put("Approach-3 law", LawForm.CHINCHILLA.name() + " (params, tokens)");
        options.put("--delta", Double.toString(delta));
        if (input.where != null) {
            options.put("--where", input.where);
        }
        if (compute.flopsColumn != null) {
            options.put("--flops", compute.flopsColumn);
        }
        if (compute.flopCount != null) {
            options.put("--flop-count", compute.flopCount);
        }
        options.put("--grid", grid);
        options.put("--law-bootstrap", Integer.toString(lawBootstrap));
        options.put("--bootstrap", Integer.toString(frontierBootstrap));
        options.put("--bins", Integer.toString(bins));
        options.put("--shape-search", Boolean.toString(shapeSearch));
        options.put("--seed", Long.toString(seed));
        options.put("architecture", shape.architecture().toString());
        options.put("--gpus-per-node", Integer.toString(gpusPerNode));
        if (gadreDataset != null) {
            options.put("--gadre", gadreDataset);
        }
        if (parabolaLaw != null) {
            options.put("--parabola", parabolaLaw.toString());
        }
        options.put("--benchmarks", Boolean.toString(benchmarks));
        seconds.put("analyses, total", elapsed(begin));
        return new Provenance(ScalefitVersion.current(), data, options,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), seconds);
    }

    private static double elapsed(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
