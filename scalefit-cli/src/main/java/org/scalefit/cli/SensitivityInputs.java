package org.scalefit.cli;

import java.util.List;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.StartGrid;
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
