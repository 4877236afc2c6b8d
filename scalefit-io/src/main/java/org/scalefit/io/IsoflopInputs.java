package org.scalefit.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;
import org.scalefit.data.RunTable;
import org.scalefit.isoflop.CheckpointIsoflops;
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

    /**
     * Reads a checkpoint table — one row per logged checkpoint of a run: model size, tokens so far, loss — and
     * extracts the IsoFLOP points of each budget from the runs' curves ({@link CheckpointIsoflops}). The size of a
     * run in the chosen FLOP count is its FLOPs per token ÷ 6: the {@code params} column for {@link FlopCount#SIX_N},
     * else counted from {@code width} and {@code depth} in {@code architecture}.
     *
     * @param mapping      where the logical columns params, tokens, loss (and width, depth) are in the file
     * @param count        the FLOP accounting
     * @param architecture the constants of counts from the shape
     * @param budgets      the budgets C, or empty for {@link CheckpointIsoflops#ladder}
     * @throws InputException           for an unreadable table or a missing column
     * @throws IllegalArgumentException for a count that needs width and depth the table does not have
     */
    public static IsoflopInputs readCheckpoints(String source, ColumnMapping mapping, FlopCount count,
                                                Architecture architecture, List<Double> budgets) {
        boolean shape = count != FlopCount.SIX_N;
        ColumnRequest request = shape ? ColumnRequest.of("tokens", "loss", "width", "depth")
                : ColumnRequest.of("params", "tokens", "loss");
        RunTable table = TableReader.keepingBadValues().read(source, request.withMapping(mapping));
        double[] sizes = new double[table.rows()];
        if (shape) {
            double[] width = table.column("width");
            double[] depth = table.column("depth");
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = width[i] > 0 && depth[i] > 0 && width[i] == Math.rint(width[i])
                        && depth[i] == Math.rint(depth[i])
                        ? count.perToken(architecture, (int) width[i], (int) depth[i]) / 6 : Double.NaN;
            }
        } else {
            sizes = table.column("params");
        }
        List<CheckpointIsoflops.Run> runs = CheckpointIsoflops.runs(sizes, table.column("tokens"),
                table.column("loss"));
        double[] at = budgets.isEmpty() ? CheckpointIsoflops.ladder(runs)
                : budgets.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        return new IsoflopInputs(table.source(), table.contentHash(), CheckpointIsoflops.at(runs, at), null);
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
