package org.scalefit.io.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.scalefit.fit.FitProgress;
import org.scalefit.io.FitBootstrapDocument;
import org.scalefit.io.InputException;
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
        Replicates replicates = bootstrap == null ? null : replicateLaws(fitted.get(0));
        List<FittedLaw> searched = new ArrayList<>(fitted);
        if (replicates != null) {
            searched.addAll(replicates.laws());
        }
        long begin = System.nanoTime();
        List<ShapeOptima> optima = search.minimise(searched, parallelism, progress);
        List<LawResult> results = new ArrayList<>();
        for (int i = 0; i < fitted.size(); i++) {
            List<RelaxedShape> refined = relaxed
                    ? RelaxedShape.refineAll(fitted.get(i), optima.get(i).optima(), search.accounting(), parallelism)
                    : List.of();
            Bootstrapped bands = null;
            if (i == 0 && replicates != null) {
                SortedMap<Integer, ShapeOptima> perReplicate = new TreeMap<>();
                for (int r = 0; r < replicates.indices().length; r++) {
                    perReplicate.put(replicates.indices()[r], optima.get(fitted.size() + r));
                }
                bands = new Bootstrapped(bootstrap.toString(), LawFiles.sha256(bootstrap),
                        ShapeBands.of(optima.get(0), perReplicate, replicates.leftOut(), replicates.level(),
                                search.grid()));
            }
            results.add(new LawResult(i == 0 ? "law" : "law" + (i + 1), laws.get(i).toString(),
                    LawFiles.sha256(laws.get(i)), optima.get(i), refined, bands));
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new ShapeSearchResult(search, results, new RunTiming(parallelism.threads(), seconds));
    }

    /**
     * The bootstrap's replicate laws, without those whose refit failed or whose parameters are not finite (listed in
     * {@code leftOut}), and its coverage.
     */
    private record Replicates(List<FittedLaw> laws, int[] indices, int[] leftOut, double level) {
    }

    private Replicates replicateLaws(FittedLaw estimate) {
        String file = bootstrap.toString();
        FitBootstrapDocument document = FitBootstrapDocument.read(bootstrap);
        String lawSha = LawFiles.sha256(laws.get(0));
        if (!lawSha.equals(document.provenance().fitSha256())) {
            throw new InputException(file, null, "provenance.fit_sha256",
                    "the bootstrap of --law " + laws.get(0) + " (SHA-256 " + lawSha + ")",
                    "the bootstrap of " + document.fit() + " (SHA-256 " + document.provenance().fitSha256() + ")");
        }
        if (document.draws() == null) {
            throw new InputException(file, null, "draws", "every replicate's parameters (write it with `scalefit "
                    + "bootstrap --fit " + laws.get(0) + " --draws --out " + file + "`)", "no draws");
        }
        int parameters = estimate.form().parameterCount();
        List<Integer> failed = document.bootstrap().failedReplicates();
        List<FittedLaw> replicateLaws = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        List<Integer> leftOut = new ArrayList<>();
        for (int r = 0; r < document.draws().size(); r++) {
            List<Double> draw = document.draws().get(r);
            if (draw.size() != parameters) {
                throw new InputException(file, null, "draws[" + r + "]", parameters + " parameters of law "
                        + estimate.form().name(), draw.size() + " values");
            }
            double[] theta = draw.stream().mapToDouble(value -> value == null ? Double.NaN : value).toArray();
            if (failed.contains(r) || !Arrays.stream(theta).allMatch(Double::isFinite)) {
                leftOut.add(r);
            } else {
                replicateLaws.add(new FittedLaw(estimate.form(), theta));
                indices.add(r);
            }
        }
        return new Replicates(replicateLaws, indices.stream().mapToInt(Integer::intValue).toArray(),
                leftOut.stream().mapToInt(Integer::intValue).toArray(),
                document.bootstrap().level());
    }
}
