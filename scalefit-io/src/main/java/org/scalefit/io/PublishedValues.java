package org.scalefit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.scalefit.law.FittedLaw;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The numbers the studies published, bundled under {@code published/} (see its NOTICE) so that a reproduction can
 * print them beside scalefit's own: Gemstones' Approach-1 regressions ({@code parameters/}) and Approach-3 fits
 * ({@code parameters_delta-3/}), Epoch AI's printed notebook values and Gadre et al.'s stored relative errors.
 * Nothing scalefit computes reads them; they are only compared with.
 */
public final class PublishedValues {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String ROOT = "published/";

    /** An Approach-1 log–log regression, log y = slope·log C + intercept, as Gemstones saves it. */
    public record LogLogLine(double slope, double intercept) {
    }

    private PublishedValues() {
    }

    /**
     * The bundled JSON document at {@code path} (relative to {@code published/}, e.g.
     * {@code epoch/chinchilla-replication.json}).
     *
     * @throws IllegalArgumentException if there is no such document
     */
    public static JsonNode document(String path) {
        return find(path).orElseThrow(() -> new IllegalArgumentException("no published document '" + path + "'"));
    }

    /** Gemstones' Approach-3 fit {@code approach_3_<name>.json} from {@code parameters_delta-3/}, if published. */
    public static Optional<FittedLaw> gemstonesApproach3(String name) {
        String path = "gemstones/parameters_delta-3/approach_3_" + name + ".json";
        return find(path).map(root -> LawFiles.fromJson(ROOT + path, root));
    }

    /** The objective Gemstones reports for {@link #gemstonesApproach3(String)}, if published. */
    public static Optional<Double> gemstonesApproach3Loss(String name) {
        return find("gemstones/parameters_delta-3/approach_3_" + name + ".json")
                .map(root -> root.get("loss").get("0").asDouble());
    }

    /**
     * Gemstones' Approach-1 regression {@code approach_1_linear_regression_<name>.json} from {@code parameters/}
     * (e.g. {@code params_100b+_no_embeds}), if published.
     */
    public static Optional<LogLogLine> gemstonesApproach1(String name) {
        return find("gemstones/parameters/approach_1_linear_regression_" + name + ".json")
                .map(root -> new LogLogLine(root.get("coef").get(0).asDouble(), root.get("intercept").asDouble()));
    }

    private static Optional<JsonNode> find(String path) {
        try (InputStream in = PublishedValues.class.getResourceAsStream(ROOT + path)) {
            return in == null ? Optional.empty() : Optional.of(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
