package org.scalefit.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scalefit.data.RunTable;
import org.scalefit.isoflop.IsoflopBudget;
import org.scalefit.isoflop.SeedNoise;

/**
 * The IsoFLOP points of an Approach 2 analysis (Hoffmann et al. 2022, §3.2; Porian et al. 2024, {@code data.py}):
 * from a run table with one row per run — its FLOP budget C, model size N and final loss L — grouped into one
 * {@link IsoflopBudget} per distinct C, or from a bundled Porian configuration ({@code porian:<name>}).
 *
 * <p>Bad points are kept so that the analysis can report them per budget: a value that is not a positive finite
 * number is read as NaN and repeated rows stay ({@link TableReader#keepingBadValues()}).
 *
 * @param source  the file or id read
 * @param sha256  the file's SHA-256 (the bundled table's for Porian data)
 * @param budgets the budgets in increasing C
 * @param noise   the seed-noise model of the data's origin (the dataset's for Porian data, as implemented by the
 *                authors), or null for a run table
 */
public record IsoflopInputs(String source, String sha256, List<IsoflopBudget> budgets, SeedNoise noise) {

    public IsoflopInputs {
        budgets = List.copyOf(budgets);
    }

    /**
     * Reads {@code source}: a Porian configuration id, or a run table (CSV, JSON, JSONL, Parquet) with the named
     * columns.
     *
     * @param flopsColumn the FLOP budget column
     * @param sizeColumn  the model size column
     * @param lossColumn  the final loss column
     * @throws InputException           for an unreadable table or a missing column
     * @throws IllegalArgumentException for an unknown Porian id or one that names a whole table
     */
    public static IsoflopInputs read(String source, String flopsColumn, String sizeColumn, String lossColumn) {
        if (PorianData.names(source)) {
            List<PorianConfiguration> selected = PorianData.select(source);
            if (selected.size() != 1) {
                throw new IllegalArgumentException("'" + source + "' names a table of " + selected.size()
                        + " configurations; name one: " + String.join(", ",
                        selected.stream().map(PorianConfiguration::id).toList()));
            }
            PorianConfiguration configuration = selected.get(0);
            List<IsoflopBudget> budgets = configuration.budgets().stream().filter(b -> b.points() > 0).toList();
            return new IsoflopInputs(configuration.id(), PorianData.contentHash(configuration.table()), budgets,
                    configuration.noise(SeedNoise.Rule.AS_IMPLEMENTED));
        }
        ColumnRequest request = ColumnRequest.of("flops", "params", "loss").withMapping(
                ColumnMapping.identity().with("flops", flopsColumn).with("params", sizeColumn)
                        .with("loss", lossColumn));
        RunTable table = TableReader.keepingBadValues().read(source, request);
        return new IsoflopInputs(table.source(), table.contentHash(), group(table.column("flops"),
                table.column("params"), table.column("loss")), null);
    }

    /** Rows grouped by their budget, budgets in increasing C and points in row order; NaN budgets form one group. */
    static List<IsoflopBudget> group(double[] flops, double[] sizes, double[] losses) {
        Map<Double, List<Integer>> rows = new TreeMap<>();
        for (int i = 0; i < flops.length; i++) {
            rows.computeIfAbsent(flops[i], c -> new ArrayList<>()).add(i);
        }
        List<IsoflopBudget> budgets = new ArrayList<>();
        for (Map.Entry<Double, List<Integer>> entry : rows.entrySet()) {
            List<Integer> members = entry.getValue();
            double[] n = new double[members.size()];
            double[] l = new double[members.size()];
            for (int k = 0; k < n.length; k++) {
                n[k] = sizes[members.get(k)];
                l[k] = losses[members.get(k)];
            }
            budgets.add(new IsoflopBudget(entry.getKey(), n, l));
        }
        return budgets;
    }

    /**
     * These inputs restricted to the listed budgets (each matched within 10⁻⁹ relative).
     *
     * @throws IllegalArgumentException if a listed budget is not in the data; the message lists the budgets
     */
    public IsoflopInputs only(List<Double> wanted) {
        Map<Double, IsoflopBudget> kept = new LinkedHashMap<>();
        for (double c : wanted) {
            IsoflopBudget match = budgets.stream()
                    .filter(b -> Math.abs(b.flops() - c) <= 1e-9 * Math.abs(c)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no budget " + c + " in " + source
                            + "; its budgets are " + String.join(", ",
                            budgets.stream().map(b -> String.valueOf(b.flops())).toList())));
            kept.put(match.flops(), match);
        }
        return new IsoflopInputs(source, sha256, new ArrayList<>(kept.values()), noise);
    }
}
