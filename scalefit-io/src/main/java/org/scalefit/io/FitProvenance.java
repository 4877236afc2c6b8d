package org.scalefit.io;

import java.util.List;

/**
 * Where a fit's numbers came from, written with every result so that it can be reproduced.
 *
 * @param data        the dataset id or file as given
 * @param dataSha256  SHA-256 of the bytes read
 * @param transforms  what was done to the table before fitting, in order (e.g. {@code no-embeds},
 *                    {@code drop-highest-losses=5})
 * @param version     the scalefit version that computed it
 */
public record FitProvenance(String data, String dataSha256, List<String> transforms, String version) {

    public FitProvenance {
        transforms = List.copyOf(transforms);
    }
}
