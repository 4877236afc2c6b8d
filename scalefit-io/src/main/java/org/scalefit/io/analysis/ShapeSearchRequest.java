package org.scalefit.io.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scalefit.fit.FitProgress;
import org.scalefit.io.FitBootstrapDocument;
import org.scalefit.io.LawFiles;
import org.scalefit.io.RunTiming;
import org.scalefit.io.ShapeSearchJson.Bootstrapped;
import org.scalefit.io.ShapeSearchJson.LawResult;
import org.scalefit.law.FittedLaw;
import org.scalefit.parallel.Parallelism;
import org.scalefit.shapes.RelaxedShape;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.shapes.ShapeSearch;
import org.scalefit.uncertainty.ShapeBands;

/**
 * Width–depth prescriptions ({@code scalefit shapes}; McLeish et al. 2025 §4.2, {@code approach_3_brute_force.py}):
 * per FLOPs bucket, the grid row (w, d, t) minimising each law's predicted loss L̂(w, d, N(w, d), t) subject to
 * C = t·flops_per_token(w, d) in the bucket ({@link ShapeSearch}, one pass for all laws), optionally each optimum
 * refined over real-valued shapes at its exact FLOPs and rounded to a buildable shape ({@link RelaxedShape}), and
 * optionally the first law's optima given bootstrap bands ({@link ShapeBands}): every replicate law of a
 * {@code scalefit bootstrap --fit} document written with its draws is searched in the same pass.
 *
 * @param laws      the law files, the first named {@code law}, the second {@code law2}
 * @param search    the grid, buckets and accounting
 * @param relaxed   whether every law's optima are refined
 * @param bootstrap the bootstrap document of the first law's fit, or null for no bands
 */
public record ShapeSearchRequest(List<Path> laws, ShapeSearch search, boolean relaxed, Path bootstrap) {

    public ShapeSearchRequest {
        laws = List.copyOf(laws);
        if (laws.isEmpty()) {
            throw new IllegalArgumentException("a shape search needs a law");
        }
        Objects.requireNonNull(search, "search");
    }

    /** A search without bands. */
    public ShapeSearchRequest(List<Path> laws, ShapeSearch search, boolean relaxed) {
        this(laws, search, relaxed, null);
    }

    /** {@link #run(Parallelism, FitProgress)} without progress. */
    public ShapeSearchResult run(Parallelism parallelism) {
        return run(parallelism, FitProgress.silent());
    }

    /**
     * Reads the laws (and the bootstrap) and searches on {@code parallelism}, telling {@code progress} of each width
     * scanned ({@link org.scalefit.shapes.ShapeGrid#widthCount()} in all); the results do not depend on the thread
     * count.
     *
     * @throws InputException if a law file is bad, or the bootstrap is not one of the first law's fit with its draws
     */
    public ShapeSearchResult run(Parallelism parallelism, FitProgress progress) {
        List<FittedLaw> fitted = new ArrayList<>();
        for (Path file : laws) {
            fitted.add(LawFiles.read(file));
        }
        FitBootstrapDocument.Replicates replicates = bootstrap == null ? null
                : FitBootstrapDocument.replicatesOf(bootstrap, laws.get(0), fitted.get(0).form().parameterCount());
        long begin = System.nanoTime();
        List<ShapeOptima> optima;
        ShapeBands bands = null;
        if (replicates == null) {
            optima = search.minimise(fitted, parallelism, progress);
        } else {
            ShapeBands.Searched searched = ShapeBands.search(search, fitted, replicates.draws(), replicates.failed(),
                    replicates.level(), parallelism, progress);
            optima = searched.optima();
            bands = searched.bands().orElseThrow(() -> new IllegalArgumentException(searched.withoutBands()));
        }
        List<LawResult> results = new ArrayList<>();
        for (int i = 0; i < fitted.size(); i++) {
            List<RelaxedShape> refined = relaxed
                    ? RelaxedShape.refineAll(fitted.get(i), optima.get(i).optima(), search.accounting(), parallelism)
                    : List.of();
            Bootstrapped banded = i == 0 && bands != null
                    ? new Bootstrapped(replicates.file(), replicates.sha256(), bands) : null;
            results.add(new LawResult(i == 0 ? "law" : "law" + (i + 1), laws.get(i).toString(),
                    LawFiles.sha256(laws.get(i)), optima.get(i), refined, banded));
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new ShapeSearchResult(search, results, new RunTiming(parallelism.threads(), seconds));
    }
}
