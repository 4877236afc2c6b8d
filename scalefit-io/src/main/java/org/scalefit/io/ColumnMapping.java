package org.scalefit.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which column of a file holds each logical quantity scalefit asks for, e.g. {@code loss → final_loss}.
 *
 * <p>A logical name with no entry is looked up in the file under its own name, so an empty mapping
 * ({@link #identity()}) reads files whose columns are already called {@code params}, {@code tokens}, …
 * {@link #gemstones()} holds the column names of the Gemstones run tables; {@link #defaults()}, what a reader uses
 * unless told otherwise, tries those first and then the common other names ({@code params}/{@code n_params}/{@code N},
 * {@code D}, {@code loss}, …): {@link #resolvedIn} picks, for each logical name, the first of its
 * {@link #candidates} that a file has.
 *
 * @param fileColumns  logical name → column name in the file (copied, unmodifiable, in insertion order)
 * @param alternatives logical name → further file columns tried in order when the mapped one is not in the file
 *                     (copied, unmodifiable); a name given with {@link #with} has none
 */
public record ColumnMapping(Map<String, String> fileColumns, Map<String, List<String>> alternatives) {

    /** The logical columns scalefit's commands read, the names a {@code --column} option may map. */
    public static final List<String> LOGICAL_NAMES = List.of(
            "params", "tokens", "loss", "width", "depth", "flops", "step", "num_nodes", "seconds_per_step", "run");

    /**
     * The logical columns read as text rather than as positive numbers: {@code run}, a run's name (Gemstones'
     * {@code run_name}), which labels its rows in figures and tables. A reader returns them in
     * {@link TableReader.Read#text()}, never in the numeric table.
     */
    public static final List<String> TEXT_NAMES = List.of("run");

    /**
     * The columns a {@code --unit} may rescale: the numeric {@link #LOGICAL_NAMES} and the unique tokens
     * ({@value RepeatedData#UNIQUE_TOKENS}), which a law may read and which a fit of tokens alone reads beside its
     * table to say whether the runs repeat their data: a count of tokens, given in the unit the tokens are.
     */
    public static final List<String> UNIT_NAMES = java.util.stream.Stream.concat(
            LOGICAL_NAMES.stream().filter(name -> !TEXT_NAMES.contains(name)),
            java.util.stream.Stream.of(RepeatedData.UNIQUE_TOKENS)).toList();

    public ColumnMapping {
        Map<String, String> copy = new LinkedHashMap<>();
        fileColumns.forEach((logical, file) -> copy.put(
                requireName(logical, "logical column name"), requireName(file, "file column name")));
        fileColumns = Collections.unmodifiableMap(copy);
        Map<String, List<String>> others = new LinkedHashMap<>();
        alternatives.forEach((logical, names) -> {
            names.forEach(name -> requireName(name, "file column name"));
            others.put(requireName(logical, "logical column name"), List.copyOf(names));
        });
        alternatives = Collections.unmodifiableMap(others);
    }

    /** A mapping without alternatives. */
    public ColumnMapping(Map<String, String> fileColumns) {
        this(fileColumns, Map.of());
    }

    /** No renaming: every logical column is read from the file column of the same name. */
    public static ColumnMapping identity() {
        return new ColumnMapping(Map.of());
    }

    /**
     * The Gemstones names: {@code params → params_active_precise}, {@code tokens → tokens},
     * {@code loss → final_loss}, {@code width → width}, {@code depth → depth}, {@code flops → FLOPs}.
     */
    public static ColumnMapping gemstones() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("params", "params_active_precise");
        names.put("tokens", "tokens");
        names.put("loss", "final_loss");
        names.put("width", "width");
        names.put("depth", "depth");
        names.put("flops", "FLOPs");
        return new ColumnMapping(names);
    }

    /**
     * The names a run table is read with by default: {@link #gemstones() Gemstones'} first (so their tables read as
     * always), then {@code params}: params, n_params, N; {@code tokens}: D, n_tokens; {@code loss}: loss;
     * {@code flops}: flops, C; {@code run}: run, run_name, name, model.
     */
    public static ColumnMapping defaults() {
        Map<String, List<String>> others = new LinkedHashMap<>();
        others.put("params", List.of("params", "n_params", "N"));
        others.put("tokens", List.of("D", "n_tokens"));
        others.put("loss", List.of("loss"));
        others.put("flops", List.of("flops", "C"));
        others.put("run", List.of("run_name", "name", "model"));
        return new ColumnMapping(gemstones().fileColumns(), others);
    }

    /** A copy of this mapping in which {@code logical} is read from the file column {@code fileColumn} only. */
    public ColumnMapping with(String logical, String fileColumn) {
        Map<String, String> next = new LinkedHashMap<>(fileColumns);
        next.put(logical, fileColumn);
        Map<String, List<String>> others = new LinkedHashMap<>(alternatives);
        others.remove(logical);
        return new ColumnMapping(next, others);
    }

    /** The file column that holds {@code logical}: its mapped name, or {@code logical} itself if unmapped. */
    public String fileColumn(String logical) {
        return fileColumns.getOrDefault(Objects.requireNonNull(logical, "logical"), logical);
    }

    /** The file columns tried for {@code logical}, in order: {@link #fileColumn} then its alternatives. */
    public List<String> candidates(String logical) {
        List<String> names = new ArrayList<>();
        names.add(fileColumn(logical));
        for (String name : alternatives.getOrDefault(logical, List.of())) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /**
     * This mapping fixed to a file with the columns {@code available}: each logical name whose mapped column is not
     * there but one of its alternatives is, is mapped to the first such; no alternatives are left. This is what a
     * result records as the columns it was read with: the numeric columns (a {@link #TEXT_NAMES text column} found
     * only through its alternatives labels rows and is not recorded).
     */
    public ColumnMapping resolvedIn(List<String> available) {
        Map<String, String> chosen = new LinkedHashMap<>(fileColumns);
        alternatives.forEach((logical, names) -> {
            if (!available.contains(fileColumn(logical)) && !TEXT_NAMES.contains(logical)) {
                candidates(logical).stream().filter(available::contains).findFirst()
                        .ifPresent(name -> chosen.put(logical, name));
            }
        });
        return new ColumnMapping(chosen);
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " must be a non-empty string, was " + name);
        }
        return name;
    }
}
