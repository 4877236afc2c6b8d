package org.scalefit.io;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.scalefit.isoflop.IsoflopBudget;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Porian et al. 2024's IsoFLOP summary tables, bundled under {@code datasets/porian/} (MIT; see the NOTICE there):
 * the four tables {@code summary_df}, {@code summary_df_owt2}, {@code summary_df_att},
 * {@code summary_df_kaplan_tuned_hparams}, selectable as {@code porian:<table>}, and their fifteen configurations,
 * selectable as {@code porian:<name>} ({@link PorianConfiguration#name()}, e.g. {@code porian:rw/optimizer-tuning})
 * or by their 6-tuple ({@code porian:rw,tuned,short,const,standard,val}).
 *
 * <p>{@link #configurations(String)} gives only the IsoFLOP points ({@code orig_n}, {@code orig_loss}), the input of
 * the analysis. The stored results of the authors' pipeline (interpolated curves, bootstrap draws, spreads, optimal
 * pairs, fits) are available as JSON through {@link #storedBudgets(String)} and {@link #storedFits(String)}, for
 * comparison only; no scalefit computation reads them.
 */
public final class PorianData {

    /** The table names, in the order the authors' notebook analyses them. */
    public static final List<String> TABLES = List.of("summary_df", "summary_df_owt2", "summary_df_att",
            "summary_df_kaplan_tuned_hparams");

    /** The id prefix: {@code porian:}. */
    public static final String PREFIX = "porian:";

    private static final String FOLDER = "datasets/porian/";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PorianData() {
    }

    /** Whether {@code id} names a Porian table or configuration. */
    public static boolean names(String id) {
        return id.startsWith(PREFIX);
    }

    /**
     * The configurations of one table, in table order. Only the fields the analysis reads are parsed; the stored
     * results on the same lines (curves, draws) are skipped unparsed.
     */
    public static List<PorianConfiguration> configurations(String table) {
        requireTable(table);
        Map<Integer, List<IsoflopBudget>> budgets = new LinkedHashMap<>();
        Map<Integer, Map<String, String>> first = new LinkedHashMap<>();
        for (String text : textLines(table + ".budgets.jsonl.gz")) {
            Map<String, String> words = new LinkedHashMap<>();
            int index = -1;
            double flops = Double.NaN;
            double[] sizes = new double[0];
            double[] losses = new double[0];
            try (JsonParser parser = MAPPER.createParser(text)) {
                parser.nextToken();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (field) {
                        case "config_index" -> index = parser.getIntValue();
                        case "flops" -> flops = parser.getDoubleValue();
                        case "orig_n" -> sizes = numbers(parser, value);
                        case "orig_loss" -> losses = numbers(parser, value);
                        case "dataset", "hparams", "warmup", "decay", "param_count", "val", "label" ->
                                words.put(field, parser.getString());
                        default -> parser.skipChildren();
                    }
                }
            }
            first.putIfAbsent(index, words);
            budgets.computeIfAbsent(index, i -> new ArrayList<>()).add(new IsoflopBudget(flops, sizes, losses));
        }
        List<PorianConfiguration> result = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, String>> entry : first.entrySet()) {
            Map<String, String> words = entry.getValue();
            result.add(new PorianConfiguration(table, entry.getKey(), words.get("dataset"), words.get("hparams"),
                    words.get("warmup"), words.get("decay"), words.get("param_count"), words.get("val"),
                    words.get("label"), budgets.get(entry.getKey())));
        }
        return List.copyOf(result);
    }

    /** The numbers of the array the parser is at (null: none), as {@link #doubles} reads them from a tree. */
    private static double[] numbers(JsonParser parser, JsonToken start) {
        if (start == JsonToken.VALUE_NULL) {
            return new double[0];
        }
        List<Double> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(parser.getDoubleValue());
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** All fifteen configurations, tables in {@link #TABLES} order. */
    public static List<PorianConfiguration> all() {
        List<PorianConfiguration> all = new ArrayList<>();
        for (String table : TABLES) {
            all.addAll(configurations(table));
        }
        return List.copyOf(all);
    }

    /**
     * The configurations an id selects: {@code porian:<table>} all of that table, {@code porian:<name>} or
     * {@code porian:<dataset>,<hparams>,<warmup>,<decay>,<param_count>,<val>} one.
     *
     * @throws IllegalArgumentException for an unknown id; the message lists the names
     */
    public static List<PorianConfiguration> select(String id) {
        String key = id.startsWith(PREFIX) ? id.substring(PREFIX.length()) : id;
        if (TABLES.contains(key)) {
            return configurations(key);
        }
        List<PorianConfiguration> all = all();
        for (PorianConfiguration configuration : all) {
            if (configuration.name().equals(key) || configuration.tuple().equals(key.replace(" ", ""))) {
                return List.of(configuration);
            }
        }
        throw new IllegalArgumentException("unknown Porian data '" + id + "'; expected porian:<table> ("
                + String.join(", ", TABLES) + ") or porian:<configuration> ("
                + String.join(", ", all.stream().map(PorianConfiguration::name).toList()) + ")");
    }

    /** The stored per-budget lines of a table (published results; for comparison only). */
    public static List<JsonNode> storedBudgets(String table) {
        requireTable(table);
        return lines(table + ".budgets.jsonl.gz");
    }

    /**
     * The stored per-budget lines of a table with only the named fields (published results; for comparison only):
     * the other fields (interpolated curves, loss draws) are skipped unparsed.
     */
    public static List<JsonNode> storedBudgets(String table, Set<String> fields) {
        requireTable(table);
        return selected(table + ".budgets.jsonl.gz", fields);
    }

    /**
     * The stored per-configuration fits of a table with only the named values (published results; for comparison
     * only): a path names a field of the line or, joined by dots, a field inside it ({@code "basic.A"},
     * {@code "bootstrap.loss.alpha"}), and selects that value whole; the objects on the way hold only what is
     * selected, and everything else (here most of the per-replicate arrays) is skipped unparsed. A selected value is
     * the node {@link #storedFits(String)} gives at that path.
     */
    public static List<JsonNode> storedFits(String table, Set<String> paths) {
        requireTable(table);
        return selected(table + ".fit_results.jsonl.gz", paths);
    }

    /** The stored per-configuration fits of a table (published results; for comparison only). */
    public static List<JsonNode> storedFits(String table) {
        requireTable(table);
        return lines(table + ".fit_results.jsonl.gz");
    }

    /** SHA-256 (lower-case hex) of the compressed bytes of a table's budgets file, for provenance. */
    public static String contentHash(String table) {
        requireTable(table);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(bytes(table + ".budgets.jsonl.gz")));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bundled source file's id in provenance records, e.g. {@code porian:summary_df}. */
    public static String source(String table) {
        return PREFIX + table;
    }

    /** The lines of a bundled JSON-lines file with only the values at {@code paths} (see {@link #storedFits}). */
    private static List<JsonNode> selected(String file, Set<String> paths) {
        Set<String> parents = new HashSet<>();
        for (String path : paths) {
            for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
                parents.add(path.substring(0, dot));
            }
        }
        List<JsonNode> result = new ArrayList<>();
        for (String text : textLines(file)) {
            ObjectNode node = MAPPER.getNodeFactory().objectNode();
            try (JsonParser parser = MAPPER.createParser(text)) {
                parser.nextToken();
                select(parser, node, "", paths, parents);
            }
            result.add(node);
        }
        return result;
    }

    /** Reads the object the parser is in into {@code into}, keeping the selected values and their parents. */
    private static void select(JsonParser parser, ObjectNode into, String prefix, Set<String> paths,
                               Set<String> parents) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            String path = prefix + field;
            JsonToken value = parser.nextToken();
            if (paths.contains(path)) {
                into.set(field, node(parser, value));
            } else if (value == JsonToken.START_OBJECT && parents.contains(path)) {
                ObjectNode child = MAPPER.getNodeFactory().objectNode();
                select(parser, child, path + ".", paths, parents);
                into.set(field, child);
            } else {
                parser.skipChildren();
            }
        }
    }

    /**
     * The value the parser is at as a tree, built as {@code readTree} builds it for this data (int-sized integers as
     * int nodes, larger ones as long or big-integer nodes, other numbers as doubles), without the tree deserializer.
     */
    private static JsonNode node(JsonParser parser, JsonToken token) {
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        switch (token) {
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(node(parser, next));
                }
                return array;
            }
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = parser.currentName();
                    object.set(field, node(parser, parser.nextToken()));
                }
                return object;
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(parser.getDoubleValue());
            }
            case VALUE_STRING -> {
                return nodes.stringNode(parser.getString());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    private static void requireTable(String table) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("unknown Porian table '" + table + "'; expected one of " + TABLES);
        }
    }

    private static byte[] bytes(String file) {
        try (InputStream in = PorianData.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + file + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + file, e);
        }
    }

    private static List<JsonNode> lines(String file) {
        return textLines(file).stream().map(MAPPER::readTree).toList();
    }

    /** The non-blank lines of a bundled gzip file. */
    private static List<String> textLines(String file) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(bytes(file)), 1 << 16), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + file, e);
        }
        return lines;
    }

    /** A JSON array of numbers as doubles (null or missing: empty). */
    public static double[] doubles(JsonNode array) {
        if (array == null || array.isNull()) {
            return new double[0];
        }
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
