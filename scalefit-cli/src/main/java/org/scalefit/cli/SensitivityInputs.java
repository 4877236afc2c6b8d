package org.scalefit.cli;

import java.util.List;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.InputException;
import org.scalefit.law.LawForm;
import org.scalefit.sensitivity.ParamSearchArray;

/** What the {@code sensitivity} subcommands share: the start grid by name or size, params without embeddings. */
final class SensitivityInputs {

    private SensitivityInputs() {
    }

    /**
     * {@code gemstones} (Gemstones' default 4 500-start grid) or a target size g
     * ({@code create_param_search_array(2, g)}).
     */
    static StartGrid startGrid(String grid) {
        if (grid.equals("gemstones")) {
            return StartGrid.gemstones(LawForm.CHINCHILLA.arity());
        }
        long size;
        try {
            size = Long.parseLong(grid.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown grid '" + grid + "'; expected gemstones or a grid size such as "
                    + "4500");
        }
        return ParamSearchArray.forTarget(LawForm.CHINCHILLA.arity(), size).grid();
    }

    /** The fitter, with the {@code --exhaustive} and {@code --no-polish} choices. */
    static MultiStartFitter fitter(boolean exhaustive, boolean noPolish) {
        return new MultiStartFitter(MultiStartFitter.Options.defaults().withRecognition(!exhaustive)
                .withPolish(!noPolish));
    }

    /**
     * The table's params replaced by params − vocab·width (Gemstones' {@code _no_embeds} fits, as
     * {@code scalefit fit --no-embeds}).
     *
     * @throws InputException naming the row if a count is not positive
     */
    static RunTable withoutEmbeddings(RunTable table, int vocab) {
        double[] params = table.column("params");
        double[] width = table.column("width");
        for (int i = 0; i < params.length; i++) {
            params[i] -= (double) vocab * width[i];
            if (!(params[i] > 0)) {
                throw new InputException(table.source(), table.sourceLine(i), "params",
                        "params − " + vocab + "·width > 0 without embeddings", String.valueOf(params[i]));
            }
        }
        return table.withColumn("params", params);
    }

    /** The [params, tokens] points of a table with a {@code loss} column. */
    static Observations paramsTokens(RunTable table) {
        return Observations.fromTable(table, LawForm.CHINCHILLA.inputs(), "loss");
    }

    /** The columns a params/tokens fit reads, plus width for {@code noEmbeds}. */
    static String[] columns(boolean noEmbeds) {
        return noEmbeds ? List.of("params", "tokens", "loss", "width").toArray(String[]::new)
                : List.of("params", "tokens", "loss").toArray(String[]::new);
    }
}
