package org.scalefit.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which column of a file holds each logical quantity scalefit asks for, e.g. {@code loss → final_loss}.
 *
 * <p>A logical name with no entry is looked up in the file under its own name, so an empty mapping
 * ({@link #identity()}) reads files whose columns are already called {@code params}, {@code tokens}, …
 * {@link #gemstones()} is the default: the column names of the Gemstones run tables.
 *
 * @param fileColumns logical name → column name in the file (copied, unmodifiable, in insertion order)
 */
public record ColumnMapping(Map<String, String> fileColumns) {

    public ColumnMapping {
        Map<String, String> copy = new LinkedHashMap<>();
        fileColumns.forEach((logical, file) -> copy.put(
                requireName(logical, "logical column name"), requireName(file, "file column name")));
        fileColumns = java.util.Collections.unmodifiableMap(copy);
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

    /** A copy of this mapping in which {@code logical} is read from the file column {@code fileColumn}. */
    public ColumnMapping with(String logical, String fileColumn) {
        Map<String, String> next = new LinkedHashMap<>(fileColumns);
        next.put(logical, fileColumn);
        return new ColumnMapping(next);
    }

    /** The file column that holds {@code logical}: its mapped name, or {@code logical} itself if unmapped. */
    public String fileColumn(String logical) {
        return fileColumns.getOrDefault(Objects.requireNonNull(logical, "logical"), logical);
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " must be a non-empty string, was " + name);
        }
        return name;
    }
}
