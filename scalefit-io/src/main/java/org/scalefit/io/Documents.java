package org.scalefit.io;

import java.nio.file.Path;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of scalefit's result documents: two-space indented output ending in a newline, properties in
 * the order each document record declares them; on reading, fields a document does not know are ignored (documents
 * written by later versions) and absent ones are null or zero (documents written by earlier ones).
 */
public final class Documents {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Documents() {
    }

    /** The shared mapper (immutable, thread-safe). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** {@code value}, or null when it is not finite (JSON has no NaN or infinity). */
    public static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** {@code document} as scalefit writes result documents: indented JSON and a final newline. */
    public static String write(Object document) {
        return MAPPER.writeValueAsString(document) + "\n";
    }

    /**
     * Reads a document of type {@code type} from {@code json}; {@code source} names it in errors.
     *
     * @throws InputException if it is not JSON of that shape
     */
    public static <T> T read(String json, Class<T> type, String source) {
        return reading(source, type, () -> MAPPER.readValue(json, type));
    }

    /** As {@link #read(String, Class, String)}, from a JSON tree already read. */
    public static <T> T read(JsonNode tree, Class<T> type, String source) {
        return reading(source, type, () -> MAPPER.treeToValue(tree, type));
    }

    /** As {@link #read(String, Class, String)}, from a file. */
    public static <T> T read(Path file, Class<T> type) {
        return reading(file.toString(), type, () -> MAPPER.readValue(file.toFile(), type));
    }

    /** {@code read}'s document, a Jackson failure reported as an {@link InputException} naming {@code source}. */
    private static <T> T reading(String source, Class<T> type, Supplier<T> read) {
        try {
            return read.get();
        } catch (JacksonException e) {
            throw new InputException(source, null, null, "a " + type.getSimpleName() + " written by scalefit",
                    JsonErrors.found(e), e);
        }
    }
}
