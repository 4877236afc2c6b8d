package org.scalefit.io.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scalefit.io.LawFiles;
import org.scalefit.io.RunTiming;
import org.scalefit.io.ShapeSearchJson.LawResult;
import org.scalefit.law.FittedLaw;
import org.scalefit.parallel.Parallelism;
import org.scalefit.shapes.RelaxedShape;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.shapes.ShapeSearch;

/**
 * Width–depth prescriptions ({@code scalefit shapes}; McLeish et al. 2025 §4.2, {@code approach_3_brute_force.py}):
 * per FLOPs bucket, the grid row (w, d, t) minimising each law's predicted loss L̂(w, d, N(w, d), t) subject to
 * C = t·flops_per_token(w, d) in the bucket ({@link ShapeSearch}, one pass for all laws), optionally each optimum
 * refined over real-valued shapes at its exact FLOPs and rounded to a buildable shape ({@link RelaxedShape}).
 *
 * @param laws    the law files, the first named {@code law}, the second {@code law2}
 * @param search  the grid, buckets and accounting
 * @param relaxed whether every law's optima are refined
 */
public record ShapeSearchRequest(List<Path> laws, ShapeSearch search, boolean relaxed) {

    public ShapeSearchRequest {
        laws = List.copyOf(laws);
        if (laws.isEmpty()) {
            throw new IllegalArgumentException("a shape search needs a law");
        }
        Objects.requireNonNull(search, "search");
    }

    /**
     * Reads the laws and searches on {@code parallelism}; the optima do not depend on the thread count.
     *
     * @throws org.scalefit.io.InputException if a law file is bad
     */
    public ShapeSearchResult run(Parallelism parallelism) {
        List<FittedLaw> fitted = new ArrayList<>();
        for (Path file : laws) {
            fitted.add(LawFiles.read(file));
        }
        long begin = System.nanoTime();
        List<ShapeOptima> optima = search.minimise(fitted, parallelism);
        List<LawResult> results = new ArrayList<>();
        for (int i = 0; i < fitted.size(); i++) {
            List<RelaxedShape> refined = relaxed
                    ? RelaxedShape.refineAll(fitted.get(i), optima.get(i).optima(), search.accounting(), parallelism)
                    : List.of();
            results.add(new LawResult(i == 0 ? "law" : "law" + (i + 1), laws.get(i).toString(),
                    LawFiles.sha256(laws.get(i)), optima.get(i), refined));
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new ShapeSearchResult(search, results, new RunTiming(parallelism.threads(), seconds));
    }
}
