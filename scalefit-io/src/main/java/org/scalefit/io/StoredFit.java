package org.scalefit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.scalefit.fit.Identification;
import org.scalefit.law.FittedLaw;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fit file written by {@code scalefit fit --out} ({@link FitResultJson#scalefit}) read back with what is needed to
 * redo the fit's data: the law and its parameters ({@link LawFiles#read}), the Huber threshold δ, the number of
 * points and the objective value at the optimum, the {@link FitProvenance} (data, its SHA-256, transforms and —
 * in files that record it — the column mapping), and the physical limits the fit checked its data against.
 *
 * @param file       the file read
 * @param law        the fitted law
 * @param delta      δ of the fit's objective
 * @param points     how many points were fitted
 * @param loss       the objective (Huber sum) at the fitted parameters
 * @param provenance where the points came from
 * @param limits     the physical limits the fit checked its data against ({@code limits} in the document; the
 *                   defaults when it records none)
 */
public record StoredFit(Path file, FittedLaw law, double delta, int points, double loss, FitProvenance provenance,
                        Identification.Limits limits) {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public StoredFit {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * Reads {@code file}.
     *
     * @throws InputException if it is not a successful scalefit fit with δ, points, loss and provenance (a
     *                        Gemstones parameter file has no provenance and cannot be refitted), naming the field
     */
    public static StoredFit read(Path file) {
        FittedLaw law = LawFiles.read(file);
        String source = file.toString();
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new InputException(source, null, "(document)", "a JSON fit written by scalefit fit",
                    e.getOriginalMessage(), e);
        }
        JsonNode origin = root.get("provenance");
        if (origin == null || !origin.isObject()) {
            throw new InputException(source, null, "provenance", "a fit written by scalefit fit --out (format "
                    + "scalefit), which records the data it was made on", "no provenance");
        }
        double delta = positive(source, root, "delta");
        double points = positive(source, root, "points");
        if (points != Math.rint(points) || points > Integer.MAX_VALUE) {
            throw new InputException(source, null, "points", "a whole number of points", String.valueOf(points));
        }
        JsonNode loss = root.get("loss");
        if (loss == null || !loss.isNumber() || !Double.isFinite(loss.asDouble())) {
            throw new InputException(source, null, "loss", "the fit's objective value", String.valueOf(loss));
        }
        String data = text(source, origin, "data");
        String sha = text(source, origin, "data_sha256");
        JsonNode transformsNode = origin.get("transforms");
        if (transformsNode == null || !transformsNode.isArray()) {
            throw new InputException(source, null, "provenance.transforms", "an array of strings",
                    String.valueOf(transformsNode));
        }
        List<String> transforms = new ArrayList<>();
        for (JsonNode transform : transformsNode) {
            if (!transform.isString()) {
                throw new InputException(source, null, "provenance.transforms", "strings", transform.toString());
            }
            transforms.add(transform.asString());
        }
        Map<String, String> columns = new LinkedHashMap<>();
        JsonNode columnsNode = origin.get("columns");
        if (columnsNode != null) {
            if (!columnsNode.isObject()) {
                throw new InputException(source, null, "provenance.columns", "an object of logical → file column "
                        + "names", columnsNode.toString());
            }
            for (var entry : columnsNode.properties()) {
                if (!entry.getValue().isString() || entry.getValue().asString().isEmpty()) {
                    throw new InputException(source, null, "provenance.columns." + entry.getKey(),
                            "a file column name", entry.getValue().toString());
                }
                columns.put(entry.getKey(), entry.getValue().asString());
            }
        }
        JsonNode version = origin.get("scalefit_version");
        JsonNode absolute = origin.get("data_absolute");
        FitProvenance provenance = new FitProvenance(data, sha, transforms,
                version != null && version.isString() ? version.asString() : "unknown", columns,
                absolute != null && absolute.isString() && !absolute.asString().isEmpty() ? absolute.asString()
                        : null);
        return new StoredFit(file, law, delta, (int) points, loss.asDouble(), provenance, limits(source, root));
    }

    /** The document's {@code limits} ({@link FitDocument.Limits}), or the defaults when it has none. */
    private static Identification.Limits limits(String source, JsonNode root) {
        JsonNode limits = root.get("limits");
        if (limits == null) {
            return Identification.Limits.DEFAULTS;
        }
        double maxParams = positive(source, limits, "max_params", "limits.max_params");
        double maxTokens = positive(source, limits, "max_tokens", "limits.max_tokens");
        return new Identification.Limits(maxParams, maxTokens);
    }

    private static double positive(String source, JsonNode root, String field) {
        return positive(source, root, field, field);
    }

    private static double positive(String source, JsonNode root, String field, String path) {
        JsonNode node = root.get(field);
        if (node == null || !node.isNumber() || !(node.asDouble() > 0) || Double.isInfinite(node.asDouble())) {
            throw new InputException(source, null, path, "a positive finite number", String.valueOf(node));
        }
        return node.asDouble();
    }

    private static String text(String source, JsonNode origin, String field) {
        JsonNode node = origin.get(field);
        if (node == null || !node.isString() || node.asString().isEmpty()) {
            throw new InputException(source, null, "provenance." + field, "a non-empty string", String.valueOf(node));
        }
        return node.asString();
    }
}
