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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
            fitted.add(ArchitectureCheck.cautioned(file, withCountCaution(file, LawFiles.read(file)),
                    search.accounting()));
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
                    ? new Bootstrapped(replicates.file(), replicates.sha256(), replicates.unidentified(), bands)
                    : null;
            results.add(new LawResult(i == 0 ? "law" : "law" + (i + 1), laws.get(i).toString(),
                    LawFiles.sha256(laws.get(i)), optima.get(i), refined, banded,
                    LawFiles.inputRange(laws.get(i)).orElse(null)));
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new ShapeSearchResult(search, results, new RunTiming(parallelism.threads(), seconds));
    }

    /**
     * {@code law} with a caution added when its fit recorded Gemstones' "no embeds" count (params − vocab·width, a
     * {@code no-embeds(vocab=V)} transform in its provenance) but this search feeds its params input a count with the
     * embedding: its prescriptions are then not the law's.
     */
    private FittedLaw withCountCaution(Path file, FittedLaw law) {
        if (!law.form().inputs().contains("params") || !search.accounting().parameterCount().embeddings()) {
            return law;
        }
        JsonNode transforms;
        try {
            transforms = JsonMapper.builder().build().readTree(file.toFile()).at("/provenance/transforms");
        } catch (JacksonException e) {
            return law;   // LawFiles.read has already accepted the file; a Gemstones file records no transforms
        }
        for (JsonNode transform : transforms) {
            if (transform.isString() && transform.asString().startsWith("no-embeds(")) {
                List<String> warnings = new ArrayList<>(law.warnings());
                warnings.add("fitted on params without the embedding (" + transform.asString() + "), but this "
                        + "search feeds its params input the count with embedding and LM head (--params "
                        + search.accounting().parameterCount().label() + "), so its prescriptions are not the law's; "
                        + "--params no-embeds or relaxed-no-embeds count neither embedding nor LM head (Gemstones' "
                        + "vocab_size=0)");
                return new FittedLaw(law.form(), law.theta(), warnings);
            }
        }
        return law;
    }
}
