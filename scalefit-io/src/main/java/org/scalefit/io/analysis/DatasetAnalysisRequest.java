package org.scalefit.io.analysis;

import java.nio.file.Path;
import java.util.Objects;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.DataSource;
import org.scalefit.isoflop.SeedNoise;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.Parallelism;

/**
 * Every analysis of one run table that {@code scalefit report} shows, as one request ({@link #run} →
 * {@link DatasetAnalysisResult}):
 * <ul>
 *   <li>Approach 1 (Hoffmann et al. 2022 §3.1) on training FLOPs and, when the runs have step timings, on GPU-hours:
 *       the convex-hull frontier, N_opt, D_opt, D/N ∝ C^slope with {@code frontierBootstrap} pairs-bootstrap
 *       resamples, and {@code bins} binning minimisers;</li>
 *   <li>Approach 3 (§3.3): L(N, D) = E + A/N^α + B/D^β fitted by the Huber loss (threshold {@code delta}) from the
 *       {@code grid} starts, with {@code lawBootstrap} pairs-bootstrap refits ({@code seed}), the law's
 *       compute-optimal allocation (eq. 4) and its {@link #LEVEL} % bootstrap bands;</li>
 *   <li>only when asked: the fitted law's optimal shapes on Gemstones' grid ({@code shapeSearch}), Gemstones'
 *       overtraining parabola ({@code parabolaLaw}), downstream benchmark laws ({@code benchmarks}), Gadre et al.'s
 *       over-training laws ({@code gadreDataset}).</li>
 * </ul>
 * The same request gives the same result on any number of threads (bootstraps are seeded; timings aside).
 *
 * <pre>{@code
 * DatasetAnalysisResult result = DatasetAnalysisRequest.of(DataSource.of("runs.csv"))
 *         .run(LocalParallelism.allCores(), FitProgress.silent());
 * System.out.println(result.fit().status().label() + ", D/N at 1e23 FLOPs: "
 *         + result.allocation().at(1e23).tokensPerParam());
 * }</pre>
 *
 * @param data              the runs
 * @param costs             where params, FLOPs and GPU-hours come from
 * @param delta             the Huber threshold δ of the Approach-3 fit
 * @param grid              the starts of the Approach-3 fit: {@code gemstones} or {@code epoch}
 * @param lawBootstrap      pairs-bootstrap refits of the Approach-3 law (0: none)
 * @param frontierBootstrap pairs-bootstrap resamples of the Approach-1 fits (0: none)
 * @param bins              Chinchilla's binning minimisers over this many log-spaced bins (0: none)
 * @param seed              the seed of both bootstraps
 * @param shapeSearch       also search Gemstones' width–depth grid for the fitted law's optimal shapes
 * @param gadreDataset      a dataset of Gadre et al.'s testbed for the over-training laws, or null
 * @param parabolaLaw       a width–depth law file for Gemstones' overtraining parabola, or null
 * @param benchmarks        also fit Gemstones' downstream benchmark laws
 * @param parabolaBootstrap the bootstrap of {@code parabolaLaw}'s fit with every replicate's parameters
 *                          ({@code scalefit bootstrap --fit FIT.json --draws}), for the parabola's bands, or null
 * @param noise             the seed noise σ(L) of the IsoFLOP analysis, as {@code scalefit isoflop --noise} takes it,
 *                          or null for the data's own ({@link IsoflopRequest#noise})
 * @param dropDominated     leave out of the Approach-1 frontiers the runs an earlier frontier run dominates, as
 *                          {@code scalefit frontier --drop-dominated} does ({@link FrontierRequest#dropDominated})
 */
public record DatasetAnalysisRequest(DataSource data, CostRequest costs, double delta, String grid, int lawBootstrap,
                                     int frontierBootstrap, int bins, long seed, boolean shapeSearch,
                                     String gadreDataset, Path parabolaLaw, boolean benchmarks,
                                     Path parabolaBootstrap, SeedNoise noise, boolean dropDominated) {

    /** The confidence level of every bootstrap band and interval, in percent. */
    public static final double LEVEL = 95;

    public DatasetAnalysisRequest {
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
        if (parabolaBootstrap != null && parabolaLaw == null) {
            throw new IllegalArgumentException("a bootstrap of the parabola's law needs that law (--parabola)");
        }
    }

    /** A request without bands of the parabola. */
    public DatasetAnalysisRequest(DataSource data, CostRequest costs, double delta, String grid, int lawBootstrap,
                                  int frontierBootstrap, int bins, long seed, boolean shapeSearch, String gadreDataset,
                                  Path parabolaLaw, boolean benchmarks) {
        this(data, costs, delta, grid, lawBootstrap, frontierBootstrap, bins, seed, shapeSearch, gadreDataset,
                parabolaLaw, benchmarks, null);
    }

    /** A request with the data's seed noise and Gemstones' frontier (dominated runs kept). */
    public DatasetAnalysisRequest(DataSource data, CostRequest costs, double delta, String grid, int lawBootstrap,
                                  int frontierBootstrap, int bins, long seed, boolean shapeSearch, String gadreDataset,
                                  Path parabolaLaw, boolean benchmarks, Path parabolaBootstrap) {
        this(data, costs, delta, grid, lawBootstrap, frontierBootstrap, bins, seed, shapeSearch, gadreDataset,
                parabolaLaw, benchmarks, parabolaBootstrap, null, false);
    }

    /** This request with the seed noise σ(L) of the IsoFLOP analysis ({@code --noise}), or null for the data's own. */
    public DatasetAnalysisRequest withNoise(SeedNoise sigma) {
        return new DatasetAnalysisRequest(data, costs, delta, grid, lawBootstrap, frontierBootstrap, bins, seed,
                shapeSearch, gadreDataset, parabolaLaw, benchmarks, parabolaBootstrap, sigma, dropDominated);
    }

    /** This request with the frontiers' dominated runs left out ({@code --drop-dominated}) or kept. */
    public DatasetAnalysisRequest withDropDominated(boolean drop) {
        return new DatasetAnalysisRequest(data, costs, delta, grid, lawBootstrap, frontierBootstrap, bins, seed,
                shapeSearch, gadreDataset, parabolaLaw, benchmarks, parabolaBootstrap, noise, drop);
    }

    /** The analyses of {@code data} with the report's defaults: δ 1e-3, Gemstones' grid, 100 and 1000 resamples, 20 bins, seed 42. */
    public static DatasetAnalysisRequest of(DataSource data) {
        return new DatasetAnalysisRequest(data, CostRequest.defaults(), 1e-3, "gemstones", 100, 1000, 20, 42, false,
                null, null, false);
    }

    /** The starts of the Approach-3 fit (for a progress bar's total). */
    public StartGrid startGrid() {
        return StartGrid.named(grid, LawForm.CHINCHILLA.arity());
    }

    /**
     * Reads the runs and runs every analysis asked for.
     *
     * @param parallelism where the fit's starts, the bootstrap's refits and the shape searches run
     * @param progress    told of the Approach-3 fit's starts
     * @throws IllegalArgumentException if the runs have neither params nor width and depth, or
     *                                  {@code parabolaLaw} does not apply to them
     * @throws org.scalefit.io.InputException if the data cannot be read
     */
    public DatasetAnalysisResult run(Parallelism parallelism, FitProgress progress) {
        return DatasetAnalysisSteps.run(this, parallelism, progress);
    }
}
