package org.scalefit.report.dataset;

import java.util.Objects;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.DataSource;
import org.scalefit.io.analysis.DatasetAnalysisRequest;
import org.scalefit.parallel.Parallelism;

/**
 * The report of one run table, as a request: the analyses to run ({@link DatasetAnalysisRequest}: the runs, how
 * their FLOPs are counted, the options of each analysis) and the report's title. {@link #build} runs the analyses
 * (scalefit-io's {@link DatasetAnalysisRequest#run}) and lays their typed result out as a
 * {@link org.scalefit.report.Report} — the whole of {@code scalefit report} but the writing:
 * <ul>
 *   <li>the data: runs, params, tokens and losses;</li>
 *   <li>Approach 1 (Hoffmann et al. 2022 §3.1) on training FLOPs and, when the runs have step timings, on GPU-hours;</li>
 *   <li>Approach 3 (§3.3): the L(N, D) = E + A/N^α + B/D^β fit with its bootstrap intervals; the loss against
 *       compute of the runs, the convex-hull frontier and the law at its compute-optimal allocation
 *       L̂(N_opt(C), D_opt(C)) with its 95 % bootstrap band;</li>
 *   <li>the compute-optimal allocation beside Chinchilla, Epoch AI and Kaplan;</li>
 *   <li>only when they apply: model shapes (runs with width and depth, or a shape search), Gemstones' overtraining
 *       parabola, downstream benchmarks, Gadre et al.'s over-training laws.</li>
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
 * @param analysis the analyses of the runs
 * @param title    the report's title, or null for {@code scalefit report: <data>}
 */
public record DatasetReportRequest(DatasetAnalysisRequest analysis, String title) {

    /** The confidence level of every bootstrap band and interval in the report, in percent. */
    public static final double LEVEL = DatasetAnalysisRequest.LEVEL;

    public DatasetReportRequest {
        Objects.requireNonNull(analysis, "analysis");
    }

    /** The report of {@code data} with the command's defaults ({@link DatasetAnalysisRequest#of}), untitled. */
    public static DatasetReportRequest of(DataSource data) {
        return new DatasetReportRequest(DatasetAnalysisRequest.of(data), null);
    }

    /** The starts of the Approach-3 fit (for a progress bar's total). */
    public StartGrid startGrid() {
        return analysis.startGrid();
    }

    /**
     * Runs every analysis and lays out the report.
     *
     * @param parallelism where the fit's starts and the bootstrap's refits run
     * @param progress    told of the Approach-3 fit's starts
     * @throws IllegalArgumentException if the runs have neither params nor width and depth, or the parabola's law
     *                                  does not apply to them
     * @throws org.scalefit.io.InputException if the data cannot be read
     */
    public DatasetReport build(Parallelism parallelism, FitProgress progress) {
        return DatasetReportAssembly.build(this, parallelism, progress);
    }
}
