package org.scalefit.report.dataset;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.RunCompute;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.frontier.Approach1;
import org.scalefit.frontier.LossFrontier;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.GadreTestbed;
import org.scalefit.io.GemstonesBenchmarks;
import org.scalefit.io.IndustryModels;
import org.scalefit.io.LawFiles;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.TableReader;
import org.scalefit.io.analysis.GemstonesBenchmarkLaws;
import org.scalefit.io.analysis.GemstonesParabolas;
import org.scalefit.law.ComputeOptimalAllocation;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.overtraining.DownstreamFitter;
import org.scalefit.overtraining.OvertrainingAnalysis;
import org.scalefit.overtraining.OvertrainingFitter;
import org.scalefit.parallel.Parallelism;
import org.scalefit.report.Numbers;
import org.scalefit.report.Provenance;
import org.scalefit.report.Report;
import org.scalefit.report.Section;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.RunStyles;
import org.scalefit.report.plot.SeriesStyle;
import org.scalefit.report.charts.AllocationFigures;
import org.scalefit.report.charts.LawFitFigures;
import org.scalefit.report.charts.ReferenceLine;
import org.scalefit.report.charts.Runs;
import org.scalefit.report.charts.ShapeMark;
import org.scalefit.report.charts.ShapeQuantity;
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

/**
 * The steps of {@link DatasetReportRequest#build}, top to bottom: read, Approach 1, Approach 3 and its bootstrap,
 * allocation, the sections that apply, provenance.
 */
final class DatasetReportAssembly {

    private static final String THIS_FIT = "this fit (Approach 3)";
    private static final double[] TABLE_BUDGETS = {1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25};

    private final DatasetReportRequest request;
    private final Parallelism parallelism;
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final List<Provenance.DataSource> extraData = new ArrayList<>();

    private DatasetReportAssembly(DatasetReportRequest request, Parallelism parallelism) {
        this.request = request;
        this.parallelism = parallelism;
    }

    static DatasetReport build(DatasetReportRequest request, Parallelism parallelism, FitProgress progress) {
        return new DatasetReportAssembly(request, parallelism).build(progress);
    }

    private DatasetReport build(FitProgress progress) {
        long begin = System.nanoTime();
        TableReader.Read read = request.costs().readWithColumns(request.data(), ColumnRequest.of("tokens", "loss")
                .withOptional(RunCompute.TIMING.toArray(String[]::new)).withOptional("run"));
        RunTable table = read.table();
        boolean shapes = table.hasColumn("width") && table.hasColumn("depth");
        if (!shapes && !table.hasColumn("params")) {
            throw new IllegalArgumentException(table.source() + " has neither params nor width and depth: the report "
                    + "needs the parameter count of every run");
        }
        FittedLaw widthDepthLaw = request.parabolaLaw() == null ? null : parabolaLaw(shapes, table);
        double[] tokens = table.column("tokens");
        double[] loss = table.column("loss");
        // the frontier command's rule (RunCompute): 6ND on the file's params, the exact count from the shape only
        // when asked or when there is no params column
        RunCompute counts = request.costs().count(table, request.data());
        double[] params = counts.params();
        double[] flops = counts.flops();
        String flopsLabel = switch (counts.flopsLabel()) {
            case "6ND" -> "training FLOPs (6ND)";
            case "gemstones-gqa" -> "training FLOPs (exact GQA count)";
            default -> "training FLOPs (" + counts.flopsLabel() + ")";
        };
        RunNames names = RunNames.of(table, read.text("run"), params, shapes);
        Runs runs = names.runs(table, tokens, params);
        RunStyles styles = RunStyles.gemstones();
        seconds.put("read", elapsed(begin));

        List<Section> sections = new ArrayList<>();
        sections.add(DataSection.of(table, runs, params, tokens, loss, names.description()));
        long step = System.nanoTime();
        Approach1 byFlops = Approach1.of(flops, loss, params, tokens, request.frontierBootstrap(), request.seed());
        LossFrontier flopBins = request.bins() > 0 ? LossFrontier.binMinimizers(flops, loss, request.bins()) : null;
        sections.add(FrontierSection.of("approach-1-flops", "Approach 1: loss frontier in FLOPs", flopsLabel,
                byFlops, flopBins, flops, loss, params, tokens, runs, ReferenceLine.published(styles), styles));
        if (counts.timed()) {
            double[] gpuHours = counts.gpuHours();
            Approach1 byHours = Approach1.of(gpuHours, loss, params, tokens, request.frontierBootstrap(),
                    request.seed());
            LossFrontier hourBins = request.bins() > 0 ? LossFrontier.binMinimizers(gpuHours, loss, request.bins())
                    : null;
            sections.add(FrontierSection.of("approach-1-gpu-hours", "Approach 1: loss frontier in GPU-hours",
                    "GPU-hours", byHours, hourBins, gpuHours, loss, params, tokens, runs, List.of(), styles));
        }
        seconds.put("approach 1", elapsed(step));

        step = System.nanoTime();
        Observations points = Observations.fromTable(table.withColumn("params", params), LawForm.CHINCHILLA.inputs(),
                "loss");
        LawFit fit = FitProblem.of(LawForm.CHINCHILLA, points, request.delta(), request.startGrid())
                .fit(parallelism, progress);
        seconds.put("approach 3 fit", elapsed(step));
        BootstrapResult bootstrap = null;
        ComputeOptimalAllocation fitted = null;
        if (fit.succeeded()) {
            FittedLaw law = fit.fitted();
            if (request.lawBootstrap() > 0) {
                step = System.nanoTime();
                bootstrap = PairsBootstrap.fromEstimate(law, request.delta(), request.lawBootstrap(), request.seed())
                        .run(points, parallelism);
                seconds.put("approach 3 bootstrap", elapsed(step));
            }
            try {
                fitted = ComputeOptimalAllocation.ofChinchillaParameters(law.theta());
            } catch (IllegalArgumentException degenerate) {
                fitted = null;
            }
        }
        Section lawSection = LawFitSection.of("approach-3", fit, points, runs, styles, bootstrap);
        if (fitted != null) {
            lawSection = withLossAgainstCompute(lawSection, fit, fitted, bootstrap, flops, flopsLabel, loss, runs,
                    byFlops.frontier(), styles);
        }
        sections.add(lawSection);

        List<ReferenceLine> rules = new ArrayList<>();
        if (fitted != null) {
            rules.add(new ReferenceLine(THIS_FIT, SeriesStyle.line(Palette.BLUE).withLineWidth(2), fitted));
        }
        rules.addAll(ReferenceLine.published(styles));
        double[] compute = AllocationFigures.budgets(1e18, 1e26, 65);
        AllocationBands bands = fitted != null && bootstrap != null
                ? AllocationBands.of(fit.parameters(), bootstrap, compute, DatasetReportRequest.LEVEL) : null;
        sections.add(AllocationSection.of("allocation", rules, TABLE_BUDGETS, compute, bands));

        step = System.nanoTime();
        if (shapes || request.shapeSearch()) {   // Gemstones' shape grid says nothing about runs without a shape
            sections.add(shapeSection(fit, runs, table, shapes));
        }
        seconds.put("shapes", elapsed(step));
        if (widthDepthLaw != null) {
            sections.add(parabolaSection(widthDepthLaw, fit, counts));
        }
        if (request.benchmarks()) {
            sections.addAll(benchmarkSections(table, shapes, styles));
        }
        if (request.gadreDataset() != null) {
            step = System.nanoTime();
            GadreTestbed testbed = GadreTestbed.read(GadreTestbed.BUNDLED, GadreTestbed.DEFAULT_LOSS_SET);
            OvertrainingAnalysis analysis = OvertrainingAnalysis.of(testbed.defaultSplit(request.gadreDataset()),
                    List.of(GadreTestbed.AVERAGE_17), OvertrainingFitter.gadre(), DownstreamFitter.gadre());
            sections.add(OvertrainingSection.of("overtraining", request.gadreDataset(), analysis));
            seconds.put("over-training", elapsed(step));
        }

        Provenance provenance = provenance(table, runs, begin);
        Report report = new Report(request.title() != null ? request.title() : "scalefit report: " + table.source(),
                sections, provenance);
        return new DatasetReport(report, fit, elapsed(begin));
    }

    /**
     * The Approach-3 section with the loss-against-compute figure: runs, the convex-hull frontier and the law's
     * loss at its compute-optimal allocation over the runs' FLOPs (×/÷ 3), with the bootstrap band if there is one.
     */
    private static Section withLossAgainstCompute(Section section, LawFit fit, ComputeOptimalAllocation law,
                                                  BootstrapResult bootstrap, double[] flops, String flopsLabel,
                                                  double[] loss, Runs runs, LossFrontier hull, RunStyles styles) {
        double[] budgets = AllocationFigures.budgets(java.util.Arrays.stream(flops).min().orElseThrow() / 3,
                java.util.Arrays.stream(flops).max().orElseThrow() * 3, 41);
        AllocationBands band = null;
        String bandNote = "";
        if (bootstrap != null) {
            try {
                band = AllocationBands.of(fit.parameters(), bootstrap, budgets, DatasetReportRequest.LEVEL);
            } catch (IllegalArgumentException tooFewReplicates) {
                bandNote = " No band: " + tooFewReplicates.getMessage() + ".";
            }
        }
        String budgetNote = flopsLabel.contains("6ND") ? "" : " The law's budgets are C = 6ND, the runs' are "
                + flopsLabel + ".";
        String caption = "Each run's checkpoints as points in the run's style (hover for the run and checkpoint). "
                + "The dotted black line joins the convex-hull frontier of the runs (Approach 1); the blue line is "
                + "the fitted law at its compute-optimal allocation, L̂(N_opt(C), D_opt(C)) (Hoffmann et al. 2022, "
                + "eq. 4)" + (band != null ? ", shaded: its " + Numbers.format(DatasetReportRequest.LEVEL, 2)
                + " % pairs-bootstrap band (" + bootstrap.replicates().length + " refits)" : "") + "."
                + budgetNote + bandNote;
        return section.withFigure(LawFitFigures.lossAgainstCompute("approach-3-loss-against-compute", flopsLabel,
                flops, loss, runs, styles, hull, law, budgets, band), caption);
    }

    private Section shapeSection(LawFit fit, Runs runs, RunTable table, boolean shapes) {
        Map<String, ShapeOptima> optima = new LinkedHashMap<>();
        if (request.shapeSearch() && fit.succeeded()) {
            ShapeSearch search = ShapeSearch.over(ShapeGrid.gemstones(), FlopBuckets.gemstones(),
                    ShapeAccounting.gemstones());
            optima.put(THIS_FIT, search.minimise(List.of(fit.fitted()), parallelism).get(0));
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

    private Section parabolaSection(FittedLaw widthDepthLaw, LawFit fit, RunCompute counts) {
        long step = System.nanoTime();
        IndustryModels industry = IndustryModels.bundled();
        Optional<FittedLaw> second = fit.succeeded() ? Optional.of(fit.fitted()) : Optional.empty();
        Architecture architecture = request.costs().architecture();
        Section section = GemstonesSections.parabola(GemstonesParabolas.of(widthDepthLaw, second, industry,
                architecture, parallelism), widthDepthLaw.form().name() + " law (" + request.parabolaLaw().getFileName()
                + ")", THIS_FIT);
        extraData.add(new Provenance.DataSource(industry.source(), industry.sha256(), industry.models().size()
                + " industry models"));
        extraData.add(new Provenance.DataSource(request.parabolaLaw().toString(),
                LawFiles.sha256(request.parabolaLaw()), "the law the parabola minimises"));
        seconds.put("parabola", elapsed(step));
        return section;
    }

    private List<Section> benchmarkSections(RunTable table, boolean shapes, RunStyles styles) {
        long step = System.nanoTime();
        GemstonesBenchmarks results = GemstonesBenchmarks.read(GemstonesBenchmarks.BUNDLED);
        TableReader reader = new TableReader();
        RunTable losses = shapes && !results.atLosses(table).isEmpty() ? table
                : reader.read(GemstonesBenchmarks.DEFAULT_LOSSES, GemstonesBenchmarks.lossColumns());
        Map<String, RunTable> sets = GemstonesBenchmarkLaws.validationSets(reader);
        List<Section> sections = GemstonesSections.benchmarks(GemstonesBenchmarkLaws.of(results, losses, sets),
                request.costs().architecture(), styles);
        extraData.add(new Provenance.DataSource(results.source(), results.contentHash(),
                results.checkpoints().size() + " benchmark checkpoints"));
        if (losses != table) {
            extraData.add(new Provenance.DataSource(losses.source(), losses.contentHash(), losses.rows()
                    + " rows: losses of the benchmark checkpoints"));
        }
        sets.forEach((name, set) -> extraData.add(new Provenance.DataSource(set.source(), set.contentHash(),
                set.rows() + " rows: " + name + " validation loss")));
        seconds.put("benchmarks", elapsed(step));
        return sections;
    }

    /**
     * The {@code parabolaLaw}, checked before any fit: the data must have width and depth, and the law must see
     * them — a params/tokens law sees a shape only through its parameter count, so its constrained optimum is always
     * the one-layer model at the edge of the box.
     */
    private FittedLaw parabolaLaw(boolean shapes, RunTable table) {
        if (!shapes) {
            throw new IllegalArgumentException("--parabola needs data with width and depth (the shapes' FLOPs); "
                    + table.source() + " has neither");
        }
        FittedLaw law = LawFiles.read(request.parabolaLaw());
        if (!law.form().inputs().containsAll(List.of("width", "depth"))) {
            throw new IllegalArgumentException("--parabola " + request.parabolaLaw() + ": a " + law.form().name()
                    + " law sees a shape only through its parameter count, so its best shape at any FLOPs is the "
                    + "one-layer model at the edge of the box; give a width-depth or width-depth-params law");
        }
        return law;
    }

    private Provenance provenance(RunTable table, Runs runs, long begin) {
        List<Provenance.DataSource> data = new ArrayList<>();
        data.add(new Provenance.DataSource(table.source(), table.contentHash(), table.rows() + " rows, "
                + runs.groups().size() + " runs"));
        if (request.gadreDataset() != null) {
            GadreTestbed testbed = GadreTestbed.read(GadreTestbed.BUNDLED, GadreTestbed.DEFAULT_LOSS_SET);
            data.add(new Provenance.DataSource(testbed.source(), testbed.contentHash(), testbed.runs().size()
                    + " runs"));
        }
        data.addAll(extraData);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--data", request.data().data());
        request.data().columns().forEach((logical, column) -> options.put("--column " + logical, column));
        options.put("Approach-3 law", LawForm.CHINCHILLA.name() + " (params, tokens)");
        options.put("--delta", Double.toString(request.delta()));
        if (request.data().where() != null) {
            options.put("--where", request.data().where());
        }
        if (request.costs().flopsColumn() != null) {
            options.put("--flops", request.costs().flopsColumn());
        }
        if (request.costs().count() != null) {
            options.put("--flop-count", request.costs().count().label());
        }
        options.put("--grid", request.grid());
        options.put("--law-bootstrap", Integer.toString(request.lawBootstrap()));
        options.put("--bootstrap", Integer.toString(request.frontierBootstrap()));
        options.put("--bins", Integer.toString(request.bins()));
        options.put("--shape-search", Boolean.toString(request.shapeSearch()));
        options.put("--seed", Long.toString(request.seed()));
        options.put("architecture", request.costs().architecture().toString());
        options.put("--gpus-per-node", Integer.toString(request.costs().gpusPerNode()));
        if (request.gadreDataset() != null) {
            options.put("--gadre", request.gadreDataset());
        }
        if (request.parabolaLaw() != null) {
            options.put("--parabola", request.parabolaLaw().toString());
        }
        options.put("--benchmarks", Boolean.toString(request.benchmarks()));
        seconds.put("analyses, total", elapsed(begin));
        return new Provenance(ScalefitVersion.current(), data, options,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), seconds);
    }

    private static double elapsed(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
