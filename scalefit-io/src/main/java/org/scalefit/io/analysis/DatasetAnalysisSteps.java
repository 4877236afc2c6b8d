package org.scalefit.io.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalefit.accounting.RunCompute;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.frontier.Approach1;
import org.scalefit.frontier.LossFrontier;
import org.scalefit.io.ColumnMapping;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.DataSource;
import org.scalefit.io.FitBootstrapDocument;
import org.scalefit.io.GadreTestbed;
import org.scalefit.io.GemstonesBenchmarks;
import org.scalefit.io.IndustryModels;
import org.scalefit.io.InputException;
import org.scalefit.io.LawFiles;
import org.scalefit.io.TableReader;
import org.scalefit.io.analysis.DatasetAnalysisResult.DataRead;
import org.scalefit.io.analysis.DatasetAnalysisResult.Frontier;
import org.scalefit.io.analysis.DatasetAnalysisResult.LossAgainstCompute;
import org.scalefit.isoflop.IsoflopIntervals;
import org.scalefit.law.ComputeBudgets;
import org.scalefit.law.ComputeOptimalAllocation;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.overtraining.DownstreamFitter;
import org.scalefit.overtraining.OvertrainingAnalysis;
import org.scalefit.overtraining.OvertrainingFitter;
import org.scalefit.parallel.Parallelism;
import org.scalefit.shapes.FlopBuckets;
import org.scalefit.shapes.ShapeAccounting;
import org.scalefit.shapes.ShapeGrid;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.shapes.ShapeSearch;
import org.scalefit.uncertainty.AllocationBands;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.PairsBootstrap;
import org.scalefit.uncertainty.ResamplingStream;
import org.scalefit.uncertainty.ShapeBands;

/**
 * The steps of {@link DatasetAnalysisRequest#run}, top to bottom: read the runs and count their costs, Approach 1,
 * the Approach-3 fit, its bootstrap and allocation bands, then the analyses asked for; each step reuses the entry
 * point of its analysis ({@link Approach1}, {@link FitProblem}, {@link PairsBootstrap}, {@link AllocationBands},
 * {@link ShapeSearch}, {@link GemstonesParabolas}, {@link GemstonesBenchmarkLaws}, {@link OvertrainingAnalysis}).
 */
final class DatasetAnalysisSteps {

    /** The budgets of the allocation bands: 65 log-spaced over [10¹⁸, 10²⁶], as the allocation figures draw them. */
    private static final double LOWEST_BUDGET = 1e18;
    private static final double HIGHEST_BUDGET = 1e26;
    private static final int ALLOCATION_BUDGETS = 65;
    /** The loss-against-compute line: 41 budgets over the runs' FLOPs ×/÷ 3. */
    private static final int LOSS_BUDGETS = 41;
    private static final double LOSS_MARGIN = 3;

    private DatasetAnalysisSteps() {
    }

    /**
     * Every column the user mapped ({@code --column LOGICAL=FILE_COLUMN}) was read: the report reads every logical
     * column, most of them only when the file has them, and a mapping to a column the file lacks would otherwise be
     * passed over in silence (e.g. a misspelt {@code --column width=...} giving a report without shapes).
     */
    private static void requireMappedColumns(DataSource data, TableReader.Read read) {
        data.columns().forEach((logical, column) -> {
            boolean found = ColumnMapping.TEXT_NAMES.contains(logical) ? read.text(logical).isPresent()
                    : read.table().hasColumn(logical);
            if (!found) {
                throw new InputException(read.table().source(), null, column, "the column given by --column "
                        + logical + "=" + column, "no column of that name in the file");
            }
        });
    }

    static DatasetAnalysisResult run(DatasetAnalysisRequest request, Parallelism parallelism, FitProgress progress) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long begin = System.nanoTime();
        TableReader.Read read = request.costs().readWithColumns(request.data(), ColumnRequest.of("tokens", "loss")
                .withOptional(RunCompute.TIMING.toArray(String[]::new)).withOptional("run"));
        RunTable table = read.table();
        requireMappedColumns(request.data(), read);
        boolean shapes = table.hasColumn("width") && table.hasColumn("depth");
        if (!shapes && !table.hasColumn("params")) {
            throw new IllegalArgumentException(table.source() + " has neither params nor width and depth: the report "
                    + "needs the parameter count of every run");
        }
        FittedLaw widthDepthLaw = request.parabolaLaw() == null ? null : parabolaLaw(request, shapes, table);
        Optional<FitBootstrapDocument.Replicates> parabolaReplicates = Optional.ofNullable(request.parabolaBootstrap())
                .map(file -> FitBootstrapDocument.replicatesOf(file, request.parabolaLaw(),
                        widthDepthLaw.form().parameterCount()));
        double[] tokens = table.column("tokens");
        double[] loss = table.column("loss");
        // the frontier command's rule (RunCompute): 6ND on the file's params, the exact count from the shape only
        // when asked or when there is no params column
        RunCompute counts = request.costs().count(table, request.data());
        double[] params = counts.params();
        seconds.put("read", elapsed(begin));

        long step = System.nanoTime();
        Frontier byFlops = frontier(request, FrontierRequest.Resource.FLOPS, read, counts);
        Frontier byHours = counts.timed() ? frontier(request, FrontierRequest.Resource.GPU_HOURS, read, counts) : null;
        seconds.put("approach 1", elapsed(step));

        DatasetAnalysisResult.Approach2 isoflop = null;
        Optional<IsoflopDesign> design = IsoflopDesign.of(counts.flops());
        if (design.isPresent()) {
            step = System.nanoTime();
            isoflop = isoflop(request, design.get(), parallelism);
            seconds.put("approach 2", elapsed(step));
        }

        step = System.nanoTime();
        Observations points = Observations.fromTable(table.withColumn("params", params), LawForm.CHINCHILLA.inputs(),
                "loss");
        LawFit fit = FitProblem.of(LawForm.CHINCHILLA, points, request.delta(), request.startGrid())
                .fit(parallelism, progress);
        seconds.put("approach 3 fit", elapsed(step));
        BootstrapResult bootstrap = null;
        ComputeOptimalAllocation allocation = null;
        if (fit.succeeded()) {
            FittedLaw law = fit.fitted();
            if (request.lawBootstrap() > 0) {
                step = System.nanoTime();
                bootstrap = PairsBootstrap.fromEstimate(law, request.delta(), request.lawBootstrap(), request.seed())
                        .run(points, parallelism);
                seconds.put("approach 3 bootstrap", elapsed(step));
            }
            allocation = allocation(law);
        }
        double[] budgets = ComputeBudgets.logSpaced(LOWEST_BUDGET, HIGHEST_BUDGET, ALLOCATION_BUDGETS);
        AllocationBands bands = allocation != null && bootstrap != null
                ? AllocationBands.of(fit.parameters(), bootstrap, budgets, DatasetAnalysisRequest.LEVEL) : null;
        LossAgainstCompute lossAgainstCompute = allocation == null ? null
                : lossAgainstCompute(fit, bootstrap, counts.flops());

        step = System.nanoTime();
        boolean searchShapes = request.shapeSearch() && fit.succeeded();
        ShapeGrid grid = searchShapes || widthDepthLaw != null ? ShapeGrid.gemstones() : null;
        ShapeOptima shapeOptima = null;
        ShapeBands shapeBands = null;
        if (searchShapes) {
            ShapeSearch search = ShapeSearch.over(grid, FlopBuckets.gemstones(),
                    ShapeAccounting.gemstones());
            if (bootstrap != null) {
                ShapeBands.Searched searched = ShapeBands.search(search, List.of(fit.fitted()),
                        bootstrap.replicates(), bootstrap.failed(), DatasetAnalysisRequest.LEVEL, parallelism,
                        FitProgress.silent());
                shapeOptima = searched.optima().get(0);
                shapeBands = searched.bands().orElse(null);
            } else {
                shapeOptima = search.minimise(List.of(fit.fitted()), parallelism).get(0);
            }
        }
        seconds.put("shapes", elapsed(step));

        List<DataRead> parabolaData = new ArrayList<>();
        GemstonesParabolas parabola = null;
        if (widthDepthLaw != null) {
            step = System.nanoTime();
            IndustryModels industry = IndustryModels.bundled();
            Optional<FittedLaw> second = fit.succeeded() ? Optional.of(fit.fitted()) : Optional.empty();
            parabola = GemstonesParabolas.of(widthDepthLaw, second, grid, industry, request.costs().architecture(),
                    parabolaReplicates, parallelism);
            parabolaData.add(new DataRead(industry.source(), industry.sha256(), industry.models().size()
                    + " industry models"));
            parabolaData.add(new DataRead(request.parabolaLaw().toString(), LawFiles.sha256(request.parabolaLaw()),
                    "the law the parabola minimises"));
            parabolaReplicates.ifPresent(r -> parabolaData.add(new DataRead(r.file(), r.sha256(), r.draws().length
                    + " bootstrap replicates of the parabola's law")));
            seconds.put("parabola", elapsed(step));
        }
        List<DataRead> benchmarkData = new ArrayList<>();
        GemstonesBenchmarkLaws benchmarks = null;
        if (request.benchmarks()) {
            step = System.nanoTime();
            benchmarks = benchmarks(table, shapes, benchmarkData);
            seconds.put("benchmarks", elapsed(step));
        }
        List<DataRead> otherData = new ArrayList<>();
        OvertrainingAnalysis overtraining = null;
        if (request.gadreDataset() != null) {
            step = System.nanoTime();
            GadreTestbed testbed = GadreTestbed.read(GadreTestbed.BUNDLED, GadreTestbed.DEFAULT_LOSS_SET);
            overtraining = OvertrainingAnalysis.of(testbed.defaultSplit(request.gadreDataset()),
                    List.of(GadreTestbed.AVERAGE_17), OvertrainingFitter.gadre(), DownstreamFitter.gadre());
            otherData.add(new DataRead(testbed.source(), testbed.contentHash(), testbed.runs().size() + " runs"));
            seconds.put("over-training", elapsed(step));
        }
        otherData.addAll(parabolaData);
        otherData.addAll(benchmarkData);
        return new DatasetAnalysisResult(request, table, read.columns(), read.text("run"), counts, byFlops, byHours,
                isoflop, points, fit, bootstrap, allocation, budgets, bands, lossAgainstCompute, shapeOptima, shapeBands,
                parabola, benchmarks, overtraining, otherData, seconds);
    }

    /**
     * Approach 1 on {@code spent} as {@code scalefit frontier} makes it ({@link FrontierRequest#analyse} on the table
     * read here: the same fits, binning minimisers and warnings); without the analysis, and why, when the frontier
     * has too few runs for it ({@link Approach1#whyNot}), so that the rest of the report is still made.
     */
    private static Frontier frontier(DatasetAnalysisRequest request, FrontierRequest.Resource resource,
                                     TableReader.Read read, RunCompute counts) {
        FrontierRequest frontier = new FrontierRequest(request.data(), resource, request.costs(), null,
                request.frontierBootstrap(), request.seed(), request.bins(), request.dropDominated());
        double[] spent = resource == FrontierRequest.Resource.GPU_HOURS ? counts.gpuHours() : counts.flops();
        double[] loss = read.table().column("loss");
        java.util.Optional<String> missing = Approach1.whyNot(frontier.frontier(LossFrontier.convexHull(spent,
                loss)));
        if (missing.isPresent()) {
            LossFrontier bins = request.bins() > 0 ? LossFrontier.binMinimizers(spent, loss, request.bins()) : null;
            return new Frontier(spent, null, bins, missing.get(), List.of());
        }
        FrontierResult result = frontier.analyse(read.table(), read.columns(), counts);
        return new Frontier(spent, result.analysis(), result.binned(), null, result.warnings());
    }

    /**
     * Approach 2 of the runs as {@code scalefit isoflop} makes it ({@link IsoflopRequest}: Porian et al.'s 1000
     * seed-noise replicates, the splittable stream from the request's seed, the request's σ or else the data's noise
     * model), on the same
     * data, mappings and row condition, and the report's FLOPs column when one was named; when the runs cannot be
     * read as IsoFLOP points (e.g. 6·N·D that chains beyond 10 %), the reason, so that the rest of the report is made.
     */
    private static DatasetAnalysisResult.Approach2 isoflop(DatasetAnalysisRequest request, IsoflopDesign design,
                                                           Parallelism parallelism) {
        DataSource data = request.costs().flopsColumn() == null || request.data().columns().containsKey("flops")
                ? request.data() : request.data().withColumns(Map.of("flops", request.costs().flopsColumn()));
        IsoflopRequest isoflop = new IsoflopRequest(data, null, List.of(), IsoflopRequest.of(data).replicates(),
                request.seed(), ResamplingStream.SPLITTABLE, request.noise(), false,
                List.of(IsoflopIntervals.CHINCHILLA_FLOPS));
        try {
            return new DatasetAnalysisResult.Approach2(design, isoflop.run(parallelism), null);
        } catch (InputException | IllegalArgumentException refused) {
            return new DatasetAnalysisResult.Approach2(design, null, refused.getMessage());
        }
    }

    /** The law's eq.-4 allocation, or null for a degenerate law (a non-positive exponent). */
    private static ComputeOptimalAllocation allocation(FittedLaw law) {
        try {
            return ComputeOptimalAllocation.ofChinchillaParameters(law.theta());
        } catch (IllegalArgumentException degenerate) {
            return null;
        }
    }

    /** The loss line's budgets over the runs' FLOPs ×/÷ 3, with the bootstrap band when the refits allow one. */
    private static LossAgainstCompute lossAgainstCompute(LawFit fit, BootstrapResult bootstrap, double[] flops) {
        double[] budgets = ComputeBudgets.logSpaced(Arrays.stream(flops).min().orElseThrow() / LOSS_MARGIN,
                Arrays.stream(flops).max().orElseThrow() * LOSS_MARGIN, LOSS_BUDGETS);
        if (bootstrap == null) {
            return new LossAgainstCompute(budgets, null, "");
        }
        try {
            return new LossAgainstCompute(budgets, AllocationBands.of(fit.parameters(), bootstrap, budgets,
                    DatasetAnalysisRequest.LEVEL), "");
        } catch (IllegalArgumentException tooFewReplicates) {
            return new LossAgainstCompute(budgets, null, tooFewReplicates.getMessage());
        }
    }

    /**
     * Gemstones' benchmark laws against the runs' own losses when they match benchmark checkpoints, else against
     * Dolma's; the tables read are added to {@code read}.
     */
    private static GemstonesBenchmarkLaws benchmarks(RunTable table, boolean shapes, List<DataRead> read) {
        GemstonesBenchmarks results = GemstonesBenchmarks.read(GemstonesBenchmarks.BUNDLED);
        TableReader reader = new TableReader();
        RunTable losses = shapes && !results.atLosses(table).isEmpty() ? table
                : reader.read(GemstonesBenchmarks.DEFAULT_LOSSES, GemstonesBenchmarks.lossColumns());
        Map<String, RunTable> sets = GemstonesBenchmarkLaws.validationSets(reader);
        GemstonesBenchmarkLaws laws = GemstonesBenchmarkLaws.of(results, losses, sets);
        read.add(new DataRead(results.source(), results.contentHash(), results.checkpoints().size()
                + " benchmark checkpoints"));
        if (losses != table) {
            read.add(new DataRead(losses.source(), losses.contentHash(), losses.rows()
                    + " rows: losses of the benchmark checkpoints"));
        }
        sets.forEach((name, set) -> read.add(new DataRead(set.source(), set.contentHash(),
                set.rows() + " rows: " + name + " validation loss")));
        return laws;
    }

    /**
     * The {@code parabolaLaw}, checked before any fit: the data must have width and depth, and the law must see
     * them — a params/tokens law sees a shape only through its parameter count, so its constrained optimum is always
     * the one-layer model at the edge of the box.
     */
    private static FittedLaw parabolaLaw(DatasetAnalysisRequest request, boolean shapes, RunTable table) {
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

    private static double elapsed(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
