package org.scalefit.io.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.scalefit.accounting.RunCompute;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.LawFit;
import org.scalefit.frontier.Approach1;
import org.scalefit.frontier.LossFrontier;
import org.scalefit.io.ColumnMapping;
import org.scalefit.law.ComputeOptimalAllocation;
import org.scalefit.overtraining.OvertrainingAnalysis;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.uncertainty.AllocationBands;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.ShapeBands;

/**
 * The analyses of one run table made from a {@link DatasetAnalysisRequest}: the runs and their costs, Approach 1 on
 * FLOPs (and GPU-hours), the Approach-3 params/tokens fit with its bootstrap, the fitted law's compute-optimal
 * allocation L̂(N_opt(C), D_opt(C)) (Hoffmann et al. 2022, eq. 4) with its {@link DatasetAnalysisRequest#LEVEL} %
 * pairs-bootstrap bands, and the analyses asked for (optimal shapes, overtraining parabola, benchmark laws, Gadre et
 * al.'s over-training laws); an analysis that was not asked for, or does not apply, is null. Nothing here is
 * rendered: a report lays it out ({@code org.scalefit.report.dataset}).
 *
 * @param request            the request
 * @param table              the runs as read (with the optional timing, shape and FLOPs columns)
 * @param columns            the file column each logical column of {@code table} was read from
 * @param runColumn          the text of the file's run column, one per row, when it has one
 * @param costs              each run's params, training FLOPs and (when timed) GPU-hours, by {@link RunCompute}'s rule
 * @param flops              Approach 1 on training FLOPs
 * @param gpuHours           Approach 1 on GPU-hours, or null when the runs have no step timings
 * @param isoflop            Approach 2 when the runs form an {@link IsoflopDesign} in training FLOPs, or null
 * @param points             the (params, tokens) → loss points of the Approach-3 fit ({@code costs}' params)
 * @param fit                the Approach-3 fit (its status decides whether the rest of the law's analyses exist)
 * @param bootstrap          the fit's pairs-bootstrap refits, or null (none asked, or the fit failed)
 * @param allocation         the fitted law's compute-optimal allocation, or null (no fit, or a degenerate law)
 * @param allocationBudgets  the budgets of {@code allocationBands}: 65 log-spaced over [10¹⁸, 10²⁶]
 * @param allocationBands    the bootstrap bands of the allocation at {@code allocationBudgets}, or null
 * @param lossAgainstCompute the law's loss at its allocation over the runs' FLOPs, or null without an allocation
 * @param shapeOptima        the fitted law's optimal shape per FLOPs bucket of Gemstones' grid, or null
 * @param shapeBands         the bootstrap bands of those optima over {@code bootstrap}'s replicates, or null (no
 *                           shape search, no bootstrap, or fewer than 2 replicates whose law is finite on the grid)
 * @param parabola           Gemstones' overtraining parabola of the request's law file, or null
 * @param benchmarks         Gemstones' downstream benchmark laws, or null
 * @param overtraining       Gadre et al.'s over-training and downstream laws, or null
 * @param otherData          every data file read besides the runs, in the order read
 * @param seconds            wall-clock seconds of each step, in order ("read", "approach 1", "approach 3 fit", …)
 */
public record DatasetAnalysisResult(DatasetAnalysisRequest request, RunTable table, ColumnMapping columns,
                                    Optional<List<String>> runColumn,
                                    RunCompute costs, Frontier flops, Frontier gpuHours, Approach2 isoflop,
                                    Observations points,
                                    LawFit fit, BootstrapResult bootstrap, ComputeOptimalAllocation allocation,
                                    double[] allocationBudgets, AllocationBands allocationBands,
                                    LossAgainstCompute lossAgainstCompute, ShapeOptima shapeOptima,
                                    ShapeBands shapeBands, GemstonesParabolas parabola,
                                    GemstonesBenchmarkLaws benchmarks, OvertrainingAnalysis overtraining,
                                    List<DataRead> otherData, Map<String, Double> seconds) {

    public DatasetAnalysisResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(runColumn, "runColumn");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(flops, "flops");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(fit, "fit");
        allocationBudgets = allocationBudgets.clone();
        otherData = List.copyOf(otherData);
        seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }

    @Override
    public double[] allocationBudgets() {
        return allocationBudgets.clone();
    }

    /** Whether the runs have a shape (width and depth columns). */
    public boolean shapes() {
        return table.hasColumn("width") && table.hasColumn("depth");
    }

    /** The runs' loss column. */
    public double[] loss() {
        return table.column("loss");
    }

    /** The runs' tokens column. */
    public double[] tokens() {
        return table.column("tokens");
    }

    /**
     * Approach 1 on one resource.
     *
     * @param spent    each run's resource (training FLOPs or GPU-hours)
     * @param analysis the convex-hull frontier and the log–log fits along it; null when it cannot be computed
     * @param bins     Chinchilla's binning minimisers, or null
     * @param missing  why there is no analysis ({@link Approach1#whyNot}); null when there is one
     * @param warnings what {@code scalefit frontier} warns about on the same runs ({@link FrontierResult#warnings}: a
     *                 FLOPs column that disagrees with 6·N·D, dominated frontier runs); empty without an analysis
     */
    public record Frontier(double[] spent, Approach1 analysis, LossFrontier bins, String missing,
                           List<String> warnings) {

        public Frontier {
            spent = spent.clone();
            warnings = List.copyOf(warnings);
            if ((analysis == null) == (missing == null)) {
                throw new IllegalArgumentException("a frontier has either an analysis or the reason it has none");
            }
        }

        /** A frontier with its analysis. */
        public Frontier(double[] spent, Approach1 analysis, LossFrontier bins) {
            this(spent, analysis, bins, null, List.of());
        }

        @Override
        public double[] spent() {
            return spent.clone();
        }
    }

    /**
     * Approach 2 (IsoFLOP profiles) of runs that form an IsoFLOP design, as {@code scalefit isoflop} makes it
     * ({@link IsoflopRequest#run}: the same data, column mappings and row condition, the request's seed).
     *
     * @param design  the design found in the runs' training FLOPs
     * @param result  the analysis, or null when it could not be made
     * @param failure why there is no analysis (the data refused as IsoFLOP points), or null when there is one
     */
    public record Approach2(IsoflopDesign design, IsoflopResult result, String failure) {

        public Approach2 {
            Objects.requireNonNull(design, "design");
            if ((result == null) == (failure == null)) {
                throw new IllegalArgumentException("Approach 2 has either a result or the reason it has none");
            }
        }
    }

    /**
     * The fitted law's loss at its compute-optimal allocation over the runs' FLOPs range (×/÷ 3), with its bootstrap
     * band when there are refits enough.
     *
     * @param budgets 41 log-spaced budgets from the runs' least FLOPs ÷ 3 to their most × 3
     * @param band    the bootstrap band at {@code budgets}, or null
     * @param noBand  why there is no band despite refits (e.g. too few usable replicates), or empty
     */
    public record LossAgainstCompute(double[] budgets, AllocationBands band, String noBand) {

        public LossAgainstCompute {
            budgets = budgets.clone();
            Objects.requireNonNull(noBand, "noBand");
        }

        @Override
        public double[] budgets() {
            return budgets.clone();
        }
    }

    /**
     * A data file an analysis read besides the runs.
     *
     * @param source      its name (a path or a bundled set)
     * @param sha256      the SHA-256 of its content
     * @param description what it is, e.g. "1234 benchmark checkpoints"
     */
    public record DataRead(String source, String sha256, String description) {
    }
}
