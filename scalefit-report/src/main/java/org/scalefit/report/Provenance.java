package org.scalefit.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a report's numbers came from, so that it can be recomputed: the data read (with the SHA-256 of its bytes),
 * the options, the scalefit version; and, kept apart because they change from run to run, the time the report was
 * made and how long each step took. {@link #withoutRunDetails()} drops those two, and then the same data and
 * options give a byte-identical report.
 *
 * @param version     the scalefit version
 * @param data        the datasets or files read, in order
 * @param options     option name → value as given or defaulted, in order
 * @param generatedAt when the report was made (ISO-8601), or null to leave it out
 * @param seconds     step name → wall-clock seconds, in order; empty to leave timings out
 */
public record Provenance(String version, List<DataSource> data, Map<String, String> options, String generatedAt,
                         Map<String, Double> seconds) {

    /**
     * One input read.
     *
     * @param id      the dataset id or file as given
     * @param sha256  SHA-256 of the bytes read, lower-case hex
     * @param summary what was read (e.g. {@code "1100 rows, 22 runs"}), or ""
     */
    public record DataSource(String id, String sha256, String summary) {
        public DataSource {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(summary, "summary");
        }
    }

    public Provenance {
        Objects.requireNonNull(version, "version");
        data = List.copyOf(data);
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }

    /** Provenance without the run's time and timings. */
    public Provenance withoutRunDetails() {
        return new Provenance(version, data, options, null, Map.of());
    }

    /** Whether the time or timings are present. */
    public boolean hasRunDetails() {
        return generatedAt != null || !seconds.isEmpty();
    }
}
