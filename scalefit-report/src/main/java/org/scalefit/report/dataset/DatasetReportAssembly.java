package org.scalefit.report.dataset;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.frontier.LossFrontier;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.GadreTestbed;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.analysis.DatasetAnalysisRequest;
import org.scalefit.io.analysis.DatasetAnalysisResult;
import org.scalefit.io.analysis.DatasetAnalysisResult.Frontier;
import org.scalefit.io.analysis.DatasetAnalysisResult.LossAgainstCompute;
import org.scalefit.isoflop.SeedNoise;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.Parallelism;
import org.scalefit.report.Numbers;
import org.scalefit.report.Provenance;
import org.scalefit.report.Report;
import org.scalefit.report.Section;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.RunStyles;
import org.scalefit.report.plot.SeriesStyle;
import org.scalefit.report.charts.LawFitFigures;
import org.scalefit.report.charts.LossLabel;
import org.scalefit.report.charts.ReferenceLine;
import org.scalefit.report.charts.Runs;
import org.scalefit.report.charts.ShapeMark;
import org.scalefit.report.charts.ShapeQuantity;
import org.scalefit.report.sections.AllocationSection;
import org.scalefit.report.sections.DataSection;
import org.scalefit.report.sections.FrontierSection;
import org.scalefit.report.sections.GemstonesSections;
import org.scalefit.report.sections.IsoflopSection;
import org.scalefit.report.sections.LawFitSection;
import org.scalefit.report.sections.OvertrainingSection;
import org.scalefit.report.sections.ShapesSection;
import org.scalefit.shapes.FeasibleShapes;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.uncertainty.ShapeBands;

/**
 * The steps of {@link DatasetReportRequest#build}: the analyses of {@link DatasetAnalysisRequest#run}, then their
 * layout, top to bottom — data, Approach 1, Approach 3 and its bootstrap, allocation, the sections that apply,
 * provenance. Nothing is computed here but names, captions and what is drawn.
 */
final class DatasetReportAssembly {

    private static final String THIS_FIT = "this fit (Approach 3)";
    private static final double[] TABLE_BUDGETS = {1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25};

    private DatasetReportAssembly() {
    }

    static DatasetReport build(DatasetReportRequest request, Parallelism parallelism, FitProgress progress) {
        long begin = System.nanoTime();
        DatasetAnalysisResult result = request.analysis().run(parallelism, progress);
        RunTable table = result.table();
        double[] params = result.costs().params();
        double[] tokens = result.tokens();
        double[] loss = result.loss();
        String flopsLabel = switch (result.costs().flopsLabel()) {
            case "6ND" -> "training FLOPs (6ND)";
            case "gemstones-gqa" -> "training FLOPs (exact GQA count)";
            default -> "training FLOPs (" + result.costs().flopsLabel() + ")";
        };
        RunNames names = RunNames.of(table, result.runColumn(), params, result.shapes());
        Runs runs = names.runs(table, tokens, params);
        RunStyles styles = RunStyles.gemstones();
        String lossLabel = LossLabel.ofColumn(result.columns().fileColumn("loss"));

        List<Section> sections = new ArrayList<>();
        sections.add(DataSection.of(table, runs, params, tokens, loss, names.description()));
        Frontier byFlops = result.flops();
        sections.add(byFlops.analysis() == null ? missing("approach-1-flops", "Approach 1: loss frontier in FLOPs",
                byFlops) : FrontierSection.of("approach-1-flops", "Approach 1: loss frontier in FLOPs", flopsLabel,
                lossLabel, byFlops.analysis(), byFlops.bins(), byFlops.spent(), loss, params, tokens, runs,
                ReferenceLine.published(styles), styles, byFlops.warnings(), request.analysis().dropDominated()));
        if (result.gpuHours() != null) {
            Frontier byHours = result.gpuHours();
            sections.add(byHours.analysis() == null ? missing("approach-1-gpu-hours",
                    "Approach 1: loss frontier in GPU-hours", byHours) : FrontierSection.of("approach-1-gpu-hours",
                    "Approach 1: loss frontier in GPU-hours", "GPU-hours", lossLabel, byHours.analysis(),
                    byHours.bins(), byHours.spent(), loss, params, tokens, runs, List.of(), styles, byHours.warnings(),
                    request.analysis().dropDominated()));
        }

        if (result.isoflop() != null) {
            sections.add(IsoflopSection.of("approach-2", result.isoflop(), lossLabel, result.allocation() == null
                    ? List.of() : List.of(new ReferenceLine(THIS_FIT, SeriesStyle.line(Palette.BLUE).withLineWidth(2),
                    result.allocation()))));
        }

        Section lawSection = LawFitSection.of("approach-3", result.fit(), result.points(), runs, styles,
                result.bootstrap(), lossLabel);
        if (result.allocation() != null) {
            lawSection = withLossAgainstCompute(lawSection, result, flopsLabel, lossLabel, runs, styles);
        }
        sections.add(lawSection);

        List<ReferenceLine> rules = new ArrayList<>();
        if (result.allocation() != null) {
            rules.add(new ReferenceLine(THIS_FIT, SeriesStyle.line(Palette.BLUE).withLineWidth(2),
                    result.allocation()));
        }
        rules.addAll(ReferenceLine.published(styles));
        if (result.allocation() != null) {
            Section allocation = AllocationSection.of("allocation", rules, TABLE_BUDGETS, result.allocationBudgets(),
                    result.allocationBands(), result.fit().warnings());
            String note = AllocationSection.extrapolationNote(TABLE_BUDGETS,
                    java.util.Arrays.stream(byFlops.spent()).max().orElse(Double.NaN));
            sections.add(note.isEmpty() ? allocation : allocation.withText(note));
        } else {
            sections.add(AllocationSection.withoutFittedLaw("allocation", rules, TABLE_BUDGETS,
                    result.allocationBudgets(), withoutAllocation(result.fit())));
        }

        if (result.shapes() || request.analysis().shapeSearch()) {   // Gemstones' grid says nothing of shapeless runs
            sections.add(shapeSection(result, runs));
        }
        if (result.parabola() != null) {
            sections.add(GemstonesSections.parabola(result.parabola(), result.parabola().law().form().name()
                    + " law (" + request.analysis().parabolaLaw().getFileName() + ")", THIS_FIT));
        }
        if (result.benchmarks() != null) {
            sections.addAll(GemstonesSections.benchmarks(result.benchmarks(),
                    request.analysis().costs().architecture(), styles));
        }
        if (result.overtraining() != null) {
            sections.add(OvertrainingSection.of("overtraining", request.analysis().gadreDataset(),
                    GadreTestbed.DEFAULT_LOSS_SET, result.overtraining()));
        }

        Provenance provenance = provenance(request, result, runs, begin);
        Report report = new Report(request.title() != null ? request.title() : "scalefit report: " + table.source(),
                sections, provenance);
        return new DatasetReport(report, result.fit(), elapsed(begin));
    }

    /** Why a params/tokens fit gives no allocation: it was not made, it failed, or its law is degenerate. */
    private static String withoutAllocation(LawFit fit) {
        if (fit.status() == LawFit.Status.NOT_IDENTIFIED) {
            return "the data cannot identify the Approach-3 law, so it was not fitted (see Approach 3)";
        }
        return fit.succeeded() ? AllocationSection.noAllocationReason(fit.fitted().theta())
                : "the Approach-3 fit failed (see Approach 3)";
    }

    /** An Approach-1 section that says why it cannot be computed, as an Approach-3 section whose law is not fitted. */
    private static Section missing(String id, String title, Frontier frontier) {
        return Section.of(id, title).withText("Approach 1 cannot be computed: " + frontier.missing() + ".");
    }

    /**
     * The Approach-3 section with the loss-against-compute figure: runs, the convex-hull frontier and the law's
     * loss at its compute-optimal allocation over the runs' FLOPs (×/÷ 3), with the bootstrap band if there is one.
     */
    private static Section withLossAgainstCompute(Section section, DatasetAnalysisResult result, String flopsLabel,
                                                  String lossLabel, Runs runs, RunStyles styles) {
        LossAgainstCompute line = result.lossAgainstCompute();
        String bandNote = line.noBand().isEmpty() ? "" : " No band: " + line.noBand() + ".";
        String budgetNote = flopsLabel.contains("6ND") ? "" : " The law's budgets are C = 6ND, the runs' are "
                + flopsLabel + ".";
        Figure figure = LawFitFigures.lossAgainstCompute("approach-3-loss-against-compute", flopsLabel,
                lossLabel, result.flops().spent(), result.loss(), result.costs().params(), runs, styles,
                result.flops().analysis() == null ? LossFrontier.convexHull(result.flops().spent(), result.loss())
                        : result.flops().analysis().frontier(), result.allocation(), line.budgets(), line.band());
        String caption = "Each run's checkpoints as points " + (figure.colorKey() != null ? "coloured by the run's "
                + "model size" : "in the run's style") + " (hover for the run and checkpoint). "
                + "The dotted black line joins the convex-hull frontier of the runs (Approach 1); the blue line is "
                + "the fitted law at its compute-optimal allocation, L̂(N_opt(C), D_opt(C)) (Hoffmann et al. 2022, "
                + "eq. 4)" + (line.band() != null ? ", shaded: its " + Numbers.format(DatasetAnalysisRequest.LEVEL, 2)
                + " % pairs-bootstrap band (" + result.bootstrap().replicates().length + " refits)" : "") + "."
                + budgetNote + bandNote + FrontierSection.offScaleCaption(result.loss(), runs);
        return section.withFigure(figure, caption);
    }

    private static Section shapeSection(DatasetAnalysisResult result, Runs runs) {
        Map<String, ShapeOptima> optima = new LinkedHashMap<>();
        if (result.shapeOptima() != null) {
            optima.put(THIS_FIT, result.shapeOptima());
        }
        Map<String, List<ShapeMark>> marks = new LinkedHashMap<>();
        if (result.shapes()) {
            double[] width = result.table().column("width");
            double[] depth = result.table().column("depth");
            List<ShapeMark> runShapes = new ArrayList<>();
            for (Map.Entry<String, int[]> run : runs.groups().entrySet()) {
                int row = run.getValue()[0];
                runShapes.add(new ShapeMark(run.getKey(), width[row], depth[row]));
            }
            marks.put("runs of " + result.table().source(), runShapes);
        }
        Map<String, ShapeBands> bands = result.shapeBands() == null ? Map.of() : Map.of(THIS_FIT,
                result.shapeBands());
        return ShapesSection.of("shapes", optima, bands, List.of(ShapeQuantity.PARAMS, ShapeQuantity.TOKENS_PER_PARAM),
                FeasibleShapes.gemstones(), 0.05, marks);
    }

    private static Provenance provenance(DatasetReportRequest request, DatasetAnalysisResult result, Runs runs,
                                         long begin) {
        DatasetAnalysisRequest analysis = request.analysis();
        RunTable table = result.table();
        List<Provenance.DataSource> data = new ArrayList<>();
        data.add(new Provenance.DataSource(table.source(), table.contentHash(), table.rows() + " rows, "
                + runs.groups().size() + " runs"));
        result.otherData().forEach(read -> data.add(new Provenance.DataSource(read.source(), read.sha256(),
                read.description())));
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--data", analysis.data().data());
        analysis.data().columns().forEach((logical, column) -> options.put("--column " + logical, column));
        options.put("Approach-3 law", LawForm.CHINCHILLA.name() + " (params, tokens)");
        options.put("--delta", Double.toString(analysis.delta()));
        if (analysis.data().where() != null) {
            options.put("--where", analysis.data().where());
        }
        analysis.data().units().forEach((logical, factor) -> options.put("--unit " + logical,
                ColumnRequest.factorText(factor)));
        if (analysis.costs().flopsColumn() != null) {
            options.put("--flops", analysis.costs().flopsColumn());
        }
        if (analysis.costs().count() != null) {
            options.put("--flop-count", analysis.costs().count().label());
        }
        options.put("--grid", analysis.grid());
        options.put("--law-bootstrap", Integer.toString(analysis.lawBootstrap()));
        options.put("--bootstrap", Integer.toString(analysis.frontierBootstrap()));
        options.put("--bins", Integer.toString(analysis.bins()));
        options.put("--shape-search", Boolean.toString(analysis.shapeSearch()));
        if (analysis.dropDominated()) {
            options.put("--drop-dominated", "true");
        }
        if (analysis.noise() != null) {
            options.put(analysis.noise().rule() == SeedNoise.Rule.CONSTANT ? "--noise" : "--noise-model",
                    analysis.noise().rule() == SeedNoise.Rule.CONSTANT ? Double.toString(analysis.noise().sigmaLow())
                    : analysis.noise().toString());
        }
        options.put("--seed", Long.toString(analysis.seed()));
        options.put("architecture", analysis.costs().architecture().toString());
        options.put("--gpus-per-node", Integer.toString(analysis.costs().gpusPerNode()));
        if (analysis.gadreDataset() != null) {
            options.put("--gadre", analysis.gadreDataset());
        }
        if (analysis.parabolaLaw() != null) {
            options.put("--parabola", analysis.parabolaLaw().toString());
        }
        if (analysis.parabolaBootstrap() != null) {
            options.put("--parabola-bootstrap", analysis.parabolaBootstrap().toString());
        }
        options.put("--benchmarks", Boolean.toString(analysis.benchmarks()));
        Map<String, Double> seconds = new LinkedHashMap<>(result.seconds());
        seconds.put("analyses, total", elapsed(begin));
        return new Provenance(ScalefitVersion.current(), data, options,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), seconds);
    }

    private static double elapsed(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
