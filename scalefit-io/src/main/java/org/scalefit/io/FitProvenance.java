package org.scalefit.io;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a fit's numbers came from, written with every result so that it can be reproduced.
 *
 * @param data        the dataset id or file as given
 * @param dataSha256  SHA-256 of the bytes read
 * @param transforms  what was done to the table before fitting, in order (e.g. {@code no-embeds},
 *                    {@code drop-highest-losses=5})
 * @param version     the scalefit version that computed it
 * @param columns     logical column → file column the data was read with ({@link ColumnMapping}); empty when not
 *                    recorded (results written before it was)
 * @param dataAbsolute the data file's absolute path when the fit was made, so that the file is found from any
 *                    folder; null for a bundled dataset, standard input, a URI, or results written before it was
 */
public record FitProvenance(String data, String dataSha256, List<String> transforms, String version,
                            Map<String, String> columns, String dataAbsolute) {

    public FitProvenance {
        transforms = List.copyOf(transforms);
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** Provenance of data read now: {@code dataAbsolute} is {@code data} resolved against the current folder. */
    public FitProvenance(String data, String dataSha256, List<String> transforms, String version,
                         Map<String, String> columns) {
        this(data, dataSha256, transforms, version, columns, absolutePathOf(data));
    }

    /**
     * {@code data} as an absolute, normalised path from the current folder, or null if it names no local file path:
     * a bundled dataset ({@code gemstones:hot}), standard input ({@code -}) or a URI ({@code hdfs://…}).
     */
    public static String absolutePathOf(String data) {
        if (data == null || data.equals("-") || data.contains("://") || BundledDataset.exists(data)) {
            return null;
        }
        try {
            return Path.of(data).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Provenance without the column mapping. */
    public FitProvenance(String data, String dataSha256, List<String> transforms, String version) {
        this(data, dataSha256, transforms, version, Map.of());
    }
}
