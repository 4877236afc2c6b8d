package org.scalefit.io;

import org.scalefit.data.RunTable;

/**
 * Gemstones' "no embeds" parameter count of a run table: params − vocab·width, the total count less the input
 * embedding (the {@code _no_embeds} fits of McLeish et al. 2025, {@code scalefit fit --no-embeds}).
 */
public final class ParamsWithoutEmbeddings {

    private ParamsWithoutEmbeddings() {
    }

    /**
     * {@code table} with its {@code params} column replaced by params − vocab·width.
     *
     * @throws InputException naming the row if a count is not positive
     */
    public static RunTable of(RunTable table, int vocab) {
        double[] params = table.column("params");
        double[] width = table.column("width");
        for (int i = 0; i < params.length; i++) {
            params[i] -= (double) vocab * width[i];
            if (!(params[i] > 0)) {
                throw new InputException(table.source(), table.locations(), table.sourceLine(i), "params",
                        "params − " + vocab + "·width > 0 without embeddings", String.valueOf(params[i]));
            }
        }
        return table.withColumn("params", params);
    }
}
