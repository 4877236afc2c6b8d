package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Where a document's bootstrap bands come from ({@code shapes --bootstrap}, {@code parabola --bootstrap}): the
 * bootstrap document of the law's fit and its SHA-256, the bands' coverage in percent, how many replicates the
 * analysis was repeated for, which it left out (their indices in the bootstrap), and which replicates' resamples
 * cannot identify the law (as {@code bootstrap --fit} lists them: summarised like the others, but their parameters
 * along what the resample leaves free are where the refit stopped, so the bands understate the uncertainty).
 */
@JsonPropertyOrder({"bootstrap", "bootstrap_sha256", "level", "replicates_used", "left_out",
    "unidentified_replicates"})
public record BandsProvenance(String bootstrap, @JsonProperty("bootstrap_sha256") String bootstrapSha256,
                              double level, @JsonProperty("replicates_used") int replicatesUsed,
                              @JsonProperty("left_out") List<Integer> leftOut,
                              @JsonProperty("unidentified_replicates") List<Integer> unidentifiedReplicates) {

    public BandsProvenance {
        leftOut = List.copyOf(leftOut);
        unidentifiedReplicates = unidentifiedReplicates == null ? List.of() : List.copyOf(unidentifiedReplicates);
    }

    /**
     * The provenance of bands over {@code used} replicates of the bootstrap in {@code file}, {@code leftOut} not,
     * {@code unidentified} those whose resample cannot identify the law.
     */
    static BandsProvenance of(String file, String sha256, double level, int used, int[] leftOut, int[] unidentified) {
        return new BandsProvenance(file, sha256, level, used, Arrays.stream(leftOut).boxed().toList(),
                Arrays.stream(unidentified).boxed().toList());
    }
}
