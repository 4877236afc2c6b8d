package org.scalefit.io.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One result as the store holds it (a row of its {@code fits} table).
 *
 * @param key        the {@link CacheKey#sha256() cache key} it is filed under
 * @param analysis   the analysis kind, e.g. {@code approach3-fit}
 * @param dataSha256 SHA-256 of the data file it was computed from
 * @param options    the {@link CacheKey#options() canonical options JSON}
 * @param result     the result document, exactly as the analysis wrote it
 * @param version    the scalefit version that computed it
 * @param created    when it was computed (stored to the microsecond)
 * @param seconds    how long computing it took, wall time
 */
public record StoredResult(String key, String analysis, String dataSha256, String options, String result,
                           String version, Instant created, double seconds) {

    public StoredResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(dataSha256, "dataSha256");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(created, "created");
    }
}
