package org.scalefit.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.scalefit.data.RowLocation;

/**
 * The file formats {@link TableReader} understands, chosen by file-name extension (case-insensitive).
 */
public enum TableFormat {
    /** One JSON object a line ({@code .jsonl}, {@code .ndjson}). */
    JSON_LINES(List.of(".jsonl", ".ndjson")),
    /** JSON objects, either one a line or as the elements of a top-level array ({@code .json}). */
    JSON(List.of(".json")),
    /** Comma-separated values with a header line and {@code "} quotes ({@code .csv}). */
    CSV(List.of(".csv")),
    /** Apache Parquet ({@code .parquet}). */
    PARQUET(List.of(".parquet"));

    private final List<String> extensions;

    TableFormat(List<String> extensions) {
        this.extensions = extensions;
    }

    /** The file-name extensions of this format, each with its leading dot. */
    public List<String> extensions() {
        return extensions;
    }

    /** Whether rows are identified by line numbers (text formats) rather than row numbers (Parquet). */
    public boolean isText() {
        return this != PARQUET;
    }

    /** How rows of this format are located: by line (text formats) or by row (Parquet). */
    public RowLocation rowLocation() {
        return isText() ? RowLocation.LINE : RowLocation.ROW;
    }

    /**
     * The format of a content without a file name (standard input): Parquet if it starts with Parquet's magic
     * {@code PAR1}, JSON if its first character (after white space and a byte-order mark) opens an array, JSON Lines
     * if it opens an object, otherwise CSV.
     */
    public static TableFormat sniff(byte[] content) {
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'A' && content[2] == 'R' && content[3] == '1') {
            return PARQUET;
        }
        String text = new String(content, 0, Math.min(content.length, 4096), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\uFEFF", "").strip();
        if (text.startsWith("[")) {
            return JSON;
        }
        return text.startsWith("{") ? JSON_LINES : CSV;
    }

    /**
     * The format of {@code file}, by its extension.
     *
     * @throws InputException if the extension is not one of the supported ones
     */
    public static TableFormat of(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        for (TableFormat format : values()) {
            for (String extension : format.extensions) {
                if (name.endsWith(extension)) {
                    return format;
                }
            }
        }
        int dot = name.lastIndexOf('.');
        String found = dot < 0 ? "no extension" : "extension '" + name.substring(dot) + "'";
        throw new InputException(file.toString(), null, null,
                "a .jsonl, .ndjson, .json, .csv or .parquet file", found);
    }
}
