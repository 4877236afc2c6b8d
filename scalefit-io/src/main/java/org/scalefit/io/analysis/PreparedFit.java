package org.scalefit.io.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.scalefit.data.RepeatedTokens;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.Identification;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.io.FitInputs;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.RunTiming;
import org.scalefit.io.store.CacheKey;
import org.scalefit.io.store.ObservationsDigest;
import org.scalefit.io.store.StoredRunTable;
import org.scalefit.parallel.Parallelism;

/**
 * A {@link FitRequest} with its data read and transformed: the points to fit, where they came from, and the key
 * under which the result is stored ({@link #cacheKey()}).
 *
 * @param request    the request
 * @param inputs     the points, with the table they were read from
 * @param provenance the data as named, its SHA-256, transforms, column mapping and scalefit version
 * @param repetition how many points repeat their data ({@link RepeatedTokens}), or null when the table does not
 *                   say (no unique_tokens or epochs column, or a law without tokens); its caution is added to the
 *                   fit's warnings
 */
public record PreparedFit(FitRequest request, FitInputs inputs, FitProvenance provenance, RepeatedTokens repetition) {

    /** Points whose table does not say whether they repeat their data. */
    public PreparedFit(FitRequest request, FitInputs inputs, FitProvenance provenance) {
        this(request, inputs, provenance, null);
    }

    /** The store's analysis kind of an Approach-3 fit. */
    public static final String ANALYSIS = "approach3-fit";

    /** The problem to solve: the request's law, δ, grid and options on the prepared points. */
    public FitProblem problem() {
        return new FitProblem(request.law(), inputs.observations(), request.delta(), request.grid(),
                request.options(), request.limits());
    }

    /** The table as the store records it (source, SHA-256, rows, column mapping). */
    public StoredRunTable runTable() {
        return StoredRunTable.of(inputs.table(), inputs.columns());
    }

    /**
     * The store key of this fit: everything that shapes the result document outside its run section — the data as
     * named, as read (column mapping) and as fitted, the transforms, law, δ, grid and engine switches, and the
     * revision of the repeated-data caution when the points repeat their data ({@link RepeatedTokens}) — and nothing
     * else (not the thread count, which changes no result, nor the output format, which is derived from the document).
     */
    public CacheKey cacheKey() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("data", provenance.data());
        options.put("columns", runTable().columns());
        options.put("transforms", provenance.transforms());
        options.put("points_sha256", ObservationsDigest.sha256(inputs.observations()));
        options.put("law", request.law().name());
        options.put("delta", request.delta());
        options.put("grid", request.grid().name());
        options.put("grid_size", request.grid().size());
        options.put("polish", request.polish());
        options.put("recognition", request.recognition());
        options.put("engine", MultiStartFitter.REVISION);
        options.put("diagnostics", LawFit.DIAGNOSTICS_REVISION);
        if (caution().isPresent()) {
            options.put("repeated_data", RepeatedTokens.REVISION);
        }
        if (request.maxEvaluations() != null) {
            options.put("max_evaluations", request.maxEvaluations());
        }
        if (!request.limits().equals(Identification.Limits.DEFAULTS)) {
            options.put("max_params", request.limits().maxParams());
            options.put("max_tokens", request.limits().maxTokens());
        }
        return CacheKey.of(ANALYSIS, provenance.dataSha256(), options, provenance.version());
    }

    /** The caution of {@link #repetition()}, if some point repeats its data. */
    public Optional<String> caution() {
        return repetition == null ? Optional.empty() : repetition.caution();
    }

    /** Fits on {@code parallelism}, timing the search; the result does not depend on the engine. */
    public FitOutcome fit(Parallelism parallelism, FitProgress progress) {
        long begin = System.nanoTime();
        LawFit searched = problem().fit(parallelism, progress);
        LawFit fit = caution().map(searched::withCaution).orElse(searched);
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new FitOutcome(fit, provenance, new RunTiming(parallelism.threads(), seconds), request.limits(),
                inputs.countedShapes());
    }
}
