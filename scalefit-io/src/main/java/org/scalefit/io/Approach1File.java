package org.scalefit.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Gemstones Approach-1 parameter file, {@code approach_1_linear_regression_<quantity><data>.json}
 * ({@code {"coef":[slope],"intercept":…,"approach":1,"label":…}}): the log–log regression
 * ln y = slope·ln C + intercept of a frontier quantity y (params, tokens or tokens per parameter) on FLOPs C, as
 * {@code scalefit frontier --format gemstones} also writes it.
 *
 * @param file      where it was read from
 * @param quantity  {@code params}, {@code tokens} or {@code tokens_per_param}, from the file name
 * @param dataName  the rest of the file name, naming the data (e.g. {@code _100b+_no_embeds}; empty for the default)
 * @param slope     {@code coef[0]}
 * @param intercept {@code intercept}
 */
public record Approach1File(Path file, String quantity, String dataName, double slope, double intercept) {

    /** The file-name prefix of Gemstones' Approach-1 files. */
    public static final String PREFIX = "approach_1_linear_regression_";
    private static final List<String> QUANTITIES = List.of("tokens_per_param", "params", "tokens");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /**
     * Reads one file.
     *
     * @throws InputException naming the file and field if it is not such a file
     */
    public static Approach1File read(Path file) {
        String source = file.toString();
        String name = file.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(".json")) {
            throw new InputException(source, null, null, "a file named " + PREFIX + "<quantity><data>.json", name);
        }
        String rest = name.substring(PREFIX.length(), name.length() - ".json".length());
        String quantity = QUANTITIES.stream().filter(rest::startsWith).findFirst().orElseThrow(() ->
                new InputException(source, null, null, "a quantity params, tokens or tokens_per_param after " + PREFIX,
                        name));
        if (!Files.isRegularFile(file)) {
            throw new InputException(source, null, null, "a readable JSON file", "no such file");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new InputException(source, null, null, "a Gemstones Approach-1 JSON file",
                    JsonErrors.found(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(source, null, null, "a JSON object", String.valueOf(root));
        }
        JsonNode coef = root.get("coef");
        if (coef == null || !coef.isArray() || coef.size() != 1 || !finite(coef.get(0))) {
            throw InputException.field(source, null, "coef", "an array holding one finite slope", String.valueOf(coef));
        }
        JsonNode intercept = root.get("intercept");
        if (!finite(intercept)) {
            throw InputException.field(source, null, "intercept", "a finite number", String.valueOf(intercept));
        }
        return new Approach1File(file, quantity, rest.substring(quantity.length()), coef.get(0).asDouble(),
                intercept.asDouble());
    }

    /**
     * Every {@code approach_1_linear_regression_<quantity>*.json} file of {@code folder}, by file name.
     *
     * @throws InputException if the folder cannot be listed or holds no such file
     */
    public static List<Approach1File> readFolder(Path folder, String quantity) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, PREFIX + quantity + "*.json")) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw new InputException(folder.toString(), null, null, "a readable folder of Approach-1 files",
                    e.getMessage(), e);
        }
        List<Approach1File> read = new ArrayList<>();
        for (Path file : files.stream().sorted().toList()) {
            Approach1File parsed = read(file);
            if (parsed.quantity().equals(quantity)) {
                read.add(parsed);
            }
        }
        if (read.isEmpty()) {
            throw new InputException(folder.toString(), null, null, "at least one " + PREFIX + quantity + "*.json",
                    "none");
        }
        return List.copyOf(read);
    }

    private static boolean finite(JsonNode node) {
        return node != null && node.isNumber() && Double.isFinite(node.asDouble());
    }
}
