package org.scalefit.report.dataset;

import java.nio.file.Path;
import java.util.Objects;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.DataSource;
import org.scalefit.io.analysis.CostRequest;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.Parallelism;

/**
 * The report of one run table, as a request: which runs ({@code data}), how their FLOPs are counted
 * ({@code costs}), and the options of each analysis. {@link #build} reads the runs, runs the analyses of
 * scalefit-core on them and lays the results out as a {@link org.scalefit.report.Report} — the whole of
 * {@code scalefit report} but the writing:
 * <ul>
 *   <li>Approach 1 (Hoffmann et al. 2022 §3.1) on training FLOPs and, when the runs have step timings, on GPU-hours:
 *       the convex-hull frontier, N_opt, D_opt, D/N ∝ C^slope with {@code frontierBootstrap} pairs-bootstrap
 *       resamples, and {@code bins} binning minimisers;</li>
 *   <li>Approach 3 (§3.3): L(N, D) = E + A/N^α + B/D^β fitted by the Huber loss (threshold {@code delta}) from the
 *       {@code grid} starts, with {@code lawBootstrap} pairs-bootstrap refits ({@code seed}); the loss against
 *       compute of the runs, the convex-hull frontier and the law at its compute-optimal allocation
 *       L̂(N_opt(C), D_opt(C)) with its 95 % bootstrap band;</li>
 *   <li>the compute-optimal allocation beside Chinchilla, Epoch AI and Kaplan;</li>
 *   <li>only when they apply: model shapes (runs with width and depth, or {@code shapeSearch}), Gemstones'
 *       overtraining parabola ({@code parabolaLaw}), downstream benchmarks ({@code benchmarks}), Gadre et al.'s
 *       over-training laws ({@code gadreDataset}).</li>
 * </ul>
 * Runs are named by the file's {@code run} column when it has one (run, run_name, name or model; see
 * {@link org.scalefit.io.ColumnMapping#defaults()}), else by their shape (width × depth), else by their parameter
 * count. The same request gives the same report (bootstraps are seeded; timings aside).
 *
 * <pre>{@code
 * DatasetReport report = DatasetReportRequest.of(DataSource.of("runs.csv"))
 *         .build(LocalParallelism.allCores(), FitProgress.silent());
 * HtmlReport.write(report.report(), Path.of("report"));
 * }</pre>
 *
 * @param data              the runs
 * @param costs             where params, FLOPs and GPU-hours come from
 * @param title             the report's title, or null for {@code scalefit report: <data>}
 * @param delta             the Huber threshold δ of the Approach-3 fit
 * @param grid              the starts of the Approach-3 fit: {@code gemstones} or {@code epoch}
 * @param lawBootstrap      pairs-bootstrap refits of the Approach-3 law (0: none)
 * @param frontierBootstrap pairs-bootstrap resamples of the Approach-1 fits (0: none)
 * @param bins              Chinchilla's binning minimisers over this many log-spaced bins (0: none)
 * @param seed              the seed of both bootstraps
 * @param shapeSearch       also search Gemstones' width–depth grid for the fitted law's optimal shapes
 * @param gadreDataset      a dataset of Gadre et al.'s testbed for the over-training section, or null
 * @param parabolaLaw       a width–depth law file for Gemstones' overtraining parabola, or null
 * @param benchmarks        also add Gemstones' downstream benchmarks
 */
public record DatasetReportRequest(DataSource data, CostRequest costs, String title, double delta, String grid,
                                   int lawBootstrap, int frontierBootstrap, int bins, long seed, boolean shapeSearch,
                                   String gadreDataset, Path parabolaLaw, boolean benchmarks) {

    /** The confidence level of every bootstrap band and interval in the report, in percent. */
    public static final double LEVEL = 95;

    public DatasetReportRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(grid, "grid");
        if (lawBootstrap < 0 || frontierBootstrap < 0 || bins < 0) {
            throw new IllegalArgumentException("bootstrap sizes and bins must be ≥ 0, were " + lawBootstrap + ", "
                    + frontierBootstrap + ", " + bins);
        }
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("the Huber threshold δ must be positive and finite, was " + delta);
        }
    }

    /** The report of {@code data} with the command's defaults: δ 1e-3, Gemstones' grid, 100 and 1000 resamples, 20 bins, seed 42. */
    public static DatasetReportRequest of(DataSource data) {
        return new DatasetReportRequest(data, CostRequest.defaults(), null, 1e-3, "gemstones", 100, 1000, 20, 42,
                false, null, null, false);
    }

    /** The starts of the Approach-3 fit (for a progress bar's total). */
    public StartGrid startGrid() {
        return StartGrid.named(grid, LawForm.CHINCHILLA.arity());
    }

    /**
     * Reads the runs, runs every analysis and lays out the report.
     *
     * @param parallelism where the fit's starts and the bootstrap's refits run
     * @param progress    told of the Approach-3 fit's starts
     * @throws IllegalArgumentException if the runs have neither params nor width and depth, or
     *                                  {@code parabolaLaw} does not apply to them
     * @throws org.scalefit.io.InputException if the data cannot be read
     */
    public DatasetReport build(Parallelism parallelism, FitProgress progress) {
        return DatasetReportAssembly.build(this, parallelism, progress);
    }
}
