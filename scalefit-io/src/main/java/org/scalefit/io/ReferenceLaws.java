package org.scalefit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.scalefit.law.Allocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The params/tokens laws bundled in {@code reference-laws.json} as parameter vectors, each with its source: e.g.
 * {@code chinchilla-unrounded}, Hoffmann et al.'s unrounded values, the start of Epoch AI's Fit B and bootstrap.
 */
public final class ReferenceLaws {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ReferenceLaws() {
    }

    /**
     * The Chinchilla-form θ = [α, β, ln A, ln B, ln E] of the bundled law {@code name}, taken from its
     * {@code log_A}/{@code log_B}/{@code log_E} fields when present (exactly as published), else from A, B, E.
     *
     * @throws IllegalArgumentException if there is no such law, or it is an allocation rule rather than a law
     */
    public static double[] chinchillaTheta(String name) {
        JsonNode law = document().get(name);
        if (law == null || !law.get("kind").asString().equals("law")) {
            throw new IllegalArgumentException("no reference law '" + name + "'");
        }
        return new double[] {law.get("alpha").asDouble(), law.get("beta").asDouble(), logOf(law, "A"),
                logOf(law, "B"), logOf(law, "E")};
    }

    /** Where the bundled law {@code name} comes from ("" if there is none). */
    public static String source(String name) {
        JsonNode law = document().get(name);
        return law == null ? "" : law.get("source").asString();
    }

    /**
     * The interval [a_low, a_high] its authors report for the exponent a of N_opt ∝ C^a, when the bundled law
     * {@code name} has one (Hoffmann et al.'s Approach 3: [0.454, 0.455]); see the law's {@code policy_source}.
     */
    public static Optional<double[]> paramsExponentInterval(String name) {
        JsonNode interval = lawNamed(name).get("params_exponent_interval");
        return interval == null ? Optional.empty()
                : Optional.of(new double[] {interval.get(0).asDouble(), interval.get(1).asDouble()});
    }

    /**
     * The model its authors trained with the law's allocation, when the bundled law {@code name} has one (Hoffmann
     * et al.: Chinchilla, 70B parameters and 1.4T tokens), as C = 6·N·D with no predicted loss.
     */
    public static Optional<Allocation> trainedModel(String name) {
        JsonNode model = lawNamed(name).get("trained_model");
        if (model == null) {
            return Optional.empty();
        }
        double params = model.get("params").asDouble();
        double tokens = model.get("tokens").asDouble();
        return Optional.of(new Allocation(6 * params * tokens, params, tokens, Double.NaN));
    }

    private static JsonNode lawNamed(String name) {
        JsonNode law = document().get(name);
        if (law == null || !law.get("kind").asString().equals("law")) {
            throw new IllegalArgumentException("no reference law '" + name + "'");
        }
        return law;
    }

    private static double logOf(JsonNode law, String field) {
        JsonNode log = law.get("log_" + field);
        return log != null ? log.asDouble() : Math.log(law.get(field).asDouble());
    }

    private static JsonNode document() {
        try (InputStream in = ReferenceLaws.class.getResourceAsStream("reference-laws.json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
