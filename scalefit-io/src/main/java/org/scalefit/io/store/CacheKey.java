package org.scalefit.io.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What identifies a result in the {@link ResultsStore}: the analysis kind, the SHA-256 of the data it reads, its
 * options and the scalefit version. Two computations with equal keys give the same result document (up to its
 * timing fields), so the second can be served from the store.
 *
 * <p>The options are held as canonical JSON — object keys sorted at every level, no white space, numbers as
 * Jackson writes a Java {@code double} or {@code long} — so that the same options give the same text whatever
 * the order they were put in. The key is {@code SHA-256(canonical JSON of {"analysis", "data_sha256", "options",
 * "scalefit_version"})}, lower-case hex. An option belongs in the key when, and only when, it changes the result
 * document: the thread count, for example, does not (results are thread-count independent), so it must be left out.
 *
 * @param analysis   the analysis kind, e.g. {@code approach3-fit}
 * @param dataSha256 SHA-256 of the data file read
 * @param options    the canonical options JSON (see {@link #of})
 * @param version    the scalefit version computing the result
 */
public record CacheKey(String analysis, String dataSha256, String options, String version) {

    private static final JsonMapper CANONICAL = JsonMapper.builder().build();

    public CacheKey {
        requireText(analysis, "analysis");
        requireText(dataSha256, "dataSha256");
        requireText(options, "options");
        requireText(version, "version");
    }

    /**
     * The key of {@code analysis} of the data with SHA-256 {@code dataSha256} under {@code options}. Option values
     * may be strings, booleans, integers, finite doubles, collections of these and maps with string keys.
     *
     * @throws IllegalArgumentException if an option value is of another type, or a double is not finite
     */
    public static CacheKey of(String analysis, String dataSha256, Map<String, ?> options, String version) {
        return new CacheKey(analysis, dataSha256, CANONICAL.writeValueAsString(canonical(options, "options")),
                version);
    }

    /**
     * The key itself: SHA-256 (lower-case hex) of the canonical JSON of all four parts, its keys in sorted order
     * with the canonical options text in place (it is canonical JSON already, so it is not parsed again).
     */
    public String sha256() {
        return sha256Hex("{\"analysis\":" + CANONICAL.writeValueAsString(analysis) + ",\"data_sha256\":"
                + CANONICAL.writeValueAsString(dataSha256) + ",\"options\":" + options + ",\"scalefit_version\":"
                + CANONICAL.writeValueAsString(version) + "}");
    }

    private static JsonNode canonical(Object value, String path) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String name)) {
                    throw new IllegalArgumentException(path + ": option names must be strings, found "
                            + entry.getKey());
                }
                sorted.put(name, entry.getValue());
            }
            ObjectNode object = nodes.objectNode();
            sorted.forEach((name, member) -> object.set(name, canonical(member, path + "." + name)));
            return object;
        }
        if (value instanceof Collection<?> collection) {
            ArrayNode array = nodes.arrayNode();
            int index = 0;
            for (Object element : collection) {
                array.add(canonical(element, path + "[" + index++ + "]"));
            }
            return array;
        }
        if (value instanceof String text) {
            return nodes.stringNode(text);
        }
        if (value instanceof Boolean flag) {
            return nodes.booleanNode(flag);
        }
        if (value instanceof Integer || value instanceof Long) {
            return nodes.numberNode(((Number) value).longValue());
        }
        if (value instanceof Double number) {
            if (!Double.isFinite(number)) {
                throw new IllegalArgumentException(path + ": option values must be finite, found " + number);
            }
            return nodes.numberNode(number);
        }
        throw new IllegalArgumentException(path + ": option values must be strings, booleans, integers, doubles, "
                + "lists or maps, found " + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }
}
