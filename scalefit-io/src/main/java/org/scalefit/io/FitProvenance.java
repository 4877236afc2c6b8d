package org.scalefit.io;

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
 */
public record FitProvenance(String data, String dataSha256, List<String> transforms, String version,
                            Map<String, String> columns) {

    public FitProvenance {
        transforms = List.copyOf(transforms);
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** Provenance without the column mapping. */
    public FitProvenance(String data, String dataSha256, List<String> transforms, String version) {
        this(data, dataSha256, transforms, version, Map.of());
    }
}
