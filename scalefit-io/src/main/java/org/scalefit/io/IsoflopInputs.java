package org.scalefit.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;
import org.scalefit.data.RowLocation;
import org.scalefit.data.RunTable;
import org.scalefit.isoflop.CheckpointIsoflops;
import org.scalefit.isoflop.IsoflopBudget;
import org.scalefit.isoflop.IsoflopColumns;
import org.scalefit.isoflop.SeedNoise;

/**
 * The IsoFLOP points of an Approach 2 analysis (Hoffmann et al. 2022, §3.2; Porian et al. 2024, {@code data.py}):
 * from a run table with one row per run — its FLOP budget C, model size N and final loss L — grouped into one
 * {@link IsoflopBudget} per distinct C, or from a bundled Porian configuration ({@code porian:<name>}).
 *
 * <p>A run table's bad losses are kept so that the analysis can report them per budget (a diverged run's loss is
 * NaN): a loss that is not a positive finite number is read as NaN, and repeated rows stay, to be averaged
 * ({@link TableReader#keepingBadValues()}). A budget, size or tokens value that is not a positive finite number does
 * not say where the run belongs and is an {@link InputException} naming the file, line and column.
 *
 * @param source  the file or id read
 * @param sha256  the file's SHA-256 (the bundled table's for Porian data)
 * @param budgets the budgets in increasing C
 * @param noise      the seed-noise model of the data's origin (the dataset's for Porian data, as implemented by the
 *                   authors), or null for a run table
 * @param transforms what selected or derived the points from the file besides its content, in words: the row
 *                   condition ({@code where(…)}), column mappings ({@code column flops=C}), the checkpoint count
 *                   ({@code checkpoints(…)}), C derived as 6·N·D and how its budgets were formed
 *                   ({@code flops=6*params*tokens}, {@code budgets(…)}) and a budget selection
 *                   ({@code budgets=[…]}); empty when none
 * @param columns    the file's columns of the points' size and loss, by which the analysis names dropped points
 * @param warnings   what reading found questionable in the table without refusing it (a tokens column that
 *                   disagrees with C = 6·N·D, {@link FlopsColumn#sixNDDisagreement}); empty when nothing
 */
public record IsoflopInputs(String source, String sha256, List<IsoflopBudget> budgets, SeedNoise noise,
                            List<String> transforms, IsoflopColumns columns, List<String> warnings) {

    public IsoflopInputs {
        budgets = List.copyOf(budgets);
        transforms = List.copyOf(transforms);
        Objects.requireNonNull(columns, "columns");
        warnings = List.copyOf(warnings);
    }

    /** Inputs that reading found nothing questionable in. */
    public IsoflopInputs(String source, String sha256, List<IsoflopBudget> budgets, SeedNoise noise,
                         List<String> transforms, IsoflopColumns columns) {
        this(source, sha256, budgets, noise, transforms, columns, List.of());
    }

    /** Points without file columns of their own (a Porian configuration): the analysis's names. */
    public IsoflopInputs(String source, String sha256, List<IsoflopBudget> budgets, SeedNoise noise,
                         List<String> transforms) {
        this(source, sha256, budgets, noise, transforms, IsoflopColumns.LOGICAL);
    }

    /**
     * Reads {@code data}: a Porian configuration id ({@code porian:<name>}), or a run table (CSV, JSON, JSONL,
     * Parquet, standard input) with the logical columns {@code flops} (the budget C), {@code params} (N) and
     * {@code loss} (L), found as every command finds them: {@link ColumnMapping#defaults()} overridden by the data's
     * {@code --column} mappings, every missing column reported at once ({@link DataSource#mapping()}).
     *
     * <p>A table with no FLOPs column (and no {@code --column flops=…}) but a {@code tokens} column D gets
     * C = 6·N·D ({@link Transform.ComputeFromTokens}, listed in {@link #transforms}). The runs of one IsoFLOP profile
     * then have nominally equal but not identical C (token counts are rounded to whole batches or to the digits a
     * log prints), so budgets are formed by {@link #groupDerived}: runs whose 6·N·D lie within
     * {@value #DERIVED_BUDGET} (10 %) of the next are one budget, C the geometric mean of their 6·N·D.
     *
     * @throws InputException           for an unreadable table, missing columns, a FLOPs, params or tokens value that
     *                                  is not a positive finite number, a FLOPs value below 6·N, a tokens value
     *                                  below 1, or derived budgets that chain beyond 10 %
     * @throws IllegalArgumentException for an unknown Porian id, one that names a whole table, or column mappings or a
     *                                  row condition given with a Porian id
     */
    public static IsoflopInputs read(DataSource data) {
        if (PorianData.names(data.data())) {
            return porian(data);
        }
        boolean flopsMapped = data.columns().containsKey("flops");
        ColumnRequest request = flopsMapped ? ColumnRequest.of("flops", "params", "loss").withOptional("tokens", SEED)
                : ColumnRequest.of("params", "loss").withOptional("flops", "tokens", SEED);
        TableReader.Read read = data.readWithColumns(request, TableReader.keepingBadValues()
                .strictIn("flops", "params", "tokens"));
        RunTable table = read.table();
        List<String> transforms = selection(data);
        int[] lines = new int[table.rows()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = table.sourceLine(i);
        }
        if (table.hasColumn("flops")) {
            FlopsColumn.requireAtLeastOneToken(table, table.column("flops"), table.column("params"),
                    read.columns().fileColumn("flops"), read.columns().fileColumn("params"));
            List<String> warnings = new ArrayList<>(repeatedRuns(read, table.column("flops")).stream().toList());
            warnings.addAll(!table.hasColumn("tokens") ? List.of() : FlopsColumn.sixNDDisagreement(table,
                    table.column("flops"), table.column("params"), table.column("tokens"),
                    read.columns().fileColumn("flops"), read.columns().fileColumn("params"),
                    read.columns().fileColumn("tokens"), String.format(Locale.ROOT, "The budgets come from column "
                    + "'%s' and the sizes from column '%s', every D = C/(6·N): column '%s' is not used.",
                    read.columns().fileColumn("flops"), read.columns().fileColumn("params"),
                    read.columns().fileColumn("tokens"))).stream().toList());
            List<IsoflopBudget> budgets = group(table.column("flops"), table.column("params"), table.column("loss"),
                    lines, table.locations());
            singleRunBudgets(budgets, read.columns().fileColumn("flops"), table.hasColumn("tokens"))
                    .ifPresent(warnings::add);
            return new IsoflopInputs(table.source(), table.contentHash(), budgets, null, transforms,
                    fileColumns(read), warnings);
        }
        if (!table.hasColumn("tokens")) {
            ColumnMapping mapping = data.mapping();
            throw InputException.missingColumn(table.source(), mapping.fileColumn("flops"), "a column for 'flops' ("
                    + String.join(", ", mapping.candidates("flops")) + "; or name it with --column flops=COLUMN), or "
                    + "a column for 'tokens' (" + String.join(", ", mapping.candidates("tokens"))
                    + ") from which C = 6·params·tokens", "neither");
        }
        String tokensColumn = read.columns().fileColumn("tokens");
        double[] tokens = table.column("tokens");
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 1) {
                throw new InputException(table.source(), table.locations(), table.sourceLine(i), tokensColumn,
                        "a number of training tokens, at least 1", tokens[i] + " (tokens in other units?)");
            }
        }
        Transform.ComputeFromTokens compute = new Transform.ComputeFromTokens();
        table = compute.derive(table);
        transforms.add(compute.label());
        transforms.add(DERIVED_GROUPING);
        List<String> warnings = repeatedRuns(new TableReader.Read(table, read.columns(), read.text()),
                table.column("flops")).stream().toList();
        return new IsoflopInputs(table.source(), table.contentHash(), groupDerived(table, tokensColumn, lines), null,
                transforms, fileColumns(read), warnings);
    }

    /** The logical column of a run's seed, which tells seed replicates from one run listed twice. */
    static final String SEED = "seed";

    /** How many lines a warning about repeated runs names. */
    private static final int LINES_NAMED = 10;

    /**
     * The runs that repeat a size within a budget (same C, here {@code flops} per row, and same N). With a seed column
     * they are seed replicates, which the analysis averages ({@code IsoflopAnalysis}), and two that share a seed are
     * one run listed twice: refused. Without one they are still taken as seed replicates, which the warning says,
     * naming the runs and any row that repeats an earlier one's loss as well (one run listed twice would count as
     * two replicates, narrowing its spread by √2). Rows whose budget, size or loss the analysis drops are not
     * compared.
     *
     * @return the warning without a seed column, or empty
     * @throws InputException at the second of two rows with the same budget, size and seed
     */
    static Optional<String> repeatedRuns(TableReader.Read read, double[] flops) {
        RunTable table = read.table();
        double[] params = table.column("params");
        double[] losses = table.column("loss");
        boolean seeded = table.hasColumn(SEED);
        double[] seeds = seeded ? table.column(SEED) : null;
        Map<List<Double>, List<Integer>> runs = new LinkedHashMap<>();
        for (int i = 0; i < flops.length; i++) {
            if (!(flops[i] > 0 && params[i] > 0 && losses[i] > 0 && Double.isFinite(flops[i] * params[i] * losses[i]))
                    || seeded && Double.isNaN(seeds[i])) {
                continue;
            }
            List<Double> key = seeded ? List.of(flops[i], params[i], seeds[i]) : List.of(flops[i], params[i]);
            List<Integer> same = runs.computeIfAbsent(key, k -> new ArrayList<>());
            if (seeded && !same.isEmpty()) {
                throw new InputException(table.source(), table.locations(), table.sourceLine(i),
                        read.columns().fileColumn(SEED), "one seed per run of a size in a budget (runs of one size "
                        + "with different seeds are seed replicates)", String.format(Locale.ROOT, "seed %s again, "
                        + "as at %s, for budget %.4g and size %.4g: one run listed twice?", seeds[i] == Math.rint(seeds[i])
                        && Math.abs(seeds[i]) < 1e15 ? String.valueOf((long) seeds[i]) : String.valueOf(seeds[i]),
                        table.locations().at(table.sourceLine(same.get(0))), flops[i], params[i]));
            }
            same.add(i);
        }
        List<Integer> repeated = new ArrayList<>();
        List<String> identical = new ArrayList<>();
        for (List<Integer> same : runs.values()) {
            if (same.size() < 2) {
                continue;
            }
            repeated.addAll(same);
            for (int b = 1; b < same.size(); b++) {
                for (int a = 0; a < b; a++) {
                    if (losses[same.get(a)] == losses[same.get(b)]) {
                        identical.add(table.locations().at(table.sourceLine(same.get(b))) + " repeats "
                                + table.locations().at(table.sourceLine(same.get(a))));
                        break;
                    }
                }
            }
        }
        if (repeated.isEmpty()) {
            return Optional.empty();
        }
        repeated.sort(null);
        int[] named = repeated.stream().limit(LINES_NAMED).mapToInt(table::sourceLine).toArray();
        return Optional.of(String.format(Locale.ROOT, "%d runs repeat a size within a budget (%s%s) and the table has "
                + "no seed column: they are taken as seed replicates (a size's loss is the mean of its runs, its "
                + "seed noise σ/√r for r runs); runs that differ in something else, e.g. the learning rate, should "
                + "be selected with --where first (Porian et al. keep the lowest loss of such runs)%s",
                repeated.size(), table.locations().at(named), repeated.size() > named.length ? " and "
                + (repeated.size() - named.length) + " more" : "", identical.isEmpty() ? "" : "; "
                + String.join(", ", identical.stream().limit(LINES_NAMED).toList()) + " in budget, size and loss "
                + "as well: one run listed twice? It counts as two replicates"));
    }

    /** Relative gap within which runs' derived 6·N·D are one budget ({@link #groupDerived}). */
    static final double DERIVED_BUDGET = 0.1;

    /** How {@link #groupDerived} forms budgets, as {@link #transforms} records it. */
    static final String DERIVED_GROUPING = "budgets(runs within 10 % in 6*params*tokens, C their geometric mean)";

    /**
     * The runs of {@code table} (with a derived {@code flops} column 6·N·D) grouped into budgets: sorted by 6·N·D,
     * a run more than {@value #DERIVED_BUDGET} (10 %, Porian et al.'s {@code fetch_flop} tolerance) above the one
     * before it starts a new budget; each budget's C is the geometric mean of its runs' 6·N·D, and the points are
     * grouped as {@link #group} does with that C. A run whose 6·N·D is not a positive finite number (overflow) keeps
     * it, for the analysis to report.
     *
     * @throws InputException naming the first run more than 10 % above the smallest of its chain: runs spread so
     *                        evenly in 6·N·D that no budget is more than 10 % wide are not IsoFLOP profiles, and
     *                        the budgets must then be given (a flops column)
     */
    static List<IsoflopBudget> groupDerived(RunTable table, String tokensColumn, int[] lines) {
        double[] derived = table.column("flops");
        Integer[] order = IntStream.range(0, derived.length).filter(i -> derived[i] > 0
                && derived[i] < Double.POSITIVE_INFINITY).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(derived[a], derived[b]));
        double[] flops = derived.clone();
        int start = 0;
        for (int k = 1; k <= order.length; k++) {
            if (k < order.length && derived[order[k]] <= (1 + DERIVED_BUDGET) * derived[order[k - 1]]) {
                continue;
            }
            double smallest = derived[order[start]];
            double sum = 0;
            for (int j = start; j < k; j++) {
                int row = order[j];
                if (derived[row] > (1 + DERIVED_BUDGET) * smallest) {
                    throw new InputException(table.source(), table.locations(), table.sourceLine(row), tokensColumn,
                            String.format(Locale.ROOT, "IsoFLOP profiles: runs whose C = 6·params·tokens lie "
                            + "within 10 %% of one another, profiles further apart"), String.format(Locale.ROOT,
                            "6·N·D = %.4g, %.1f %% above the %.4g of %s, through runs each within 10 %% of the "
                            + "next: give the budgets in a FLOPs column (--column flops=COLUMN)", derived[row],
                            100 * (derived[row] / smallest - 1), smallest,
                            table.locations().at(table.sourceLine(order[start]))));
                }
                sum += Math.log(derived[row] / smallest);
            }
            double c = smallest * Math.exp(sum / (k - start));   // relative to the smallest: equal runs give it exactly
            for (int j = start; j < k; j++) {
                flops[order[j]] = c;
            }
            start = k;
        }
        return group(flops, table.column("params"), table.column("loss"), lines, table.locations());
    }

    /** The row condition, the units and the column mappings of {@code data}, as {@link #transforms} records them. */
    private static List<String> selection(DataSource data) {
        List<String> labels = new ArrayList<>(data.selectionLabels());
        new TreeMap<>(data.columns()).forEach((logical, column) -> labels.add("column " + logical + "=" + column));
        return labels;
    }

    private static IsoflopInputs porian(DataSource data) {
        if (!data.columns().isEmpty() || data.where() != null || !data.units().isEmpty()) {
            throw new IllegalArgumentException("--column, --where and --unit apply to run tables; " + data.data()
                    + " is a bundled Porian et al. configuration with its own IsoFLOP points");
        }
        List<PorianConfiguration> selected = PorianData.select(data.data());
        if (selected.size() != 1) {
            throw new IllegalArgumentException("'" + data.data() + "' names a table of " + selected.size()
                    + " configurations; name one: " + String.join(", ",
                    selected.stream().map(PorianConfiguration::id).toList()));
        }
        PorianConfiguration configuration = selected.get(0);
        List<IsoflopBudget> budgets = configuration.budgets().stream().filter(b -> b.points() > 0).toList();
        return new IsoflopInputs(configuration.id(), PorianData.contentHash(configuration.table()), budgets,
                configuration.noise(SeedNoise.Rule.AS_IMPLEMENTED), List.of());
    }

    /**
     * Reads a checkpoint table — one row per logged checkpoint of a run: model size, tokens so far, loss — and
     * extracts the IsoFLOP points of each budget from the runs' curves ({@link CheckpointIsoflops}). The size of a
     * run in the chosen FLOP count is its FLOPs per token ÷ 6: the {@code params} column for {@link FlopCount#SIX_N},
     * else counted from {@code width} and {@code depth} in {@code architecture}. Columns are found as by
     * {@link #read}.
     *
     * <p>A bad loss is kept (NaN) for the analysis to report per budget, but the size and tokens place a checkpoint
     * on a run's curve: a {@code params}, {@code tokens}, {@code width} or {@code depth} value that is missing, not a
     * number or not positive, or a width or depth that is not a whole number, is an {@link InputException} naming
     * the file, line and column.
     *
     * @param count        the FLOP accounting
     * @param architecture the constants of counts from the shape
     * @param budgets      the budgets C, or empty for {@link CheckpointIsoflops#ladder}
     * @throws InputException           for an unreadable table, missing columns or a bad size or tokens value
     */
    public static IsoflopInputs readCheckpoints(DataSource data, FlopCount count, Architecture architecture,
                                                List<Double> budgets) {
        boolean shape = count != FlopCount.SIX_N;
        ColumnRequest request = shape ? ColumnRequest.of("tokens", "loss", "width", "depth")
                : ColumnRequest.of("params", "tokens", "loss");
        TableReader.Read read = data.readWithColumns(request, TableReader.keepingBadValues()
                .strictIn("params", "tokens", "width", "depth"));
        RunTable table = read.table();
        double[] sizes = new double[table.rows()];
        if (shape) {
            double[] width = wholeNumbers(read, "width", "a model width");
            double[] depth = wholeNumbers(read, "depth", "a number of layers");
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = count.perToken(architecture, (int) width[i], (int) depth[i]) / 6;
            }
        } else {
            sizes = table.column("params");
        }
        List<CheckpointIsoflops.Run> runs = CheckpointIsoflops.runs(sizes, table.column("tokens"),
                table.column("loss"));
        double[] at = budgets.isEmpty() ? CheckpointIsoflops.ladder(runs)
                : budgets.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        List<String> transforms = selection(data);
        String constants = !shape ? "" : String.format(Locale.ROOT, ", vocab=%d, seq-len=%d, head-size=%d, "
                + "queries-per-group=%d, mlp-expansion=%d", architecture.vocabulary(), architecture.sequenceLength(),
                architecture.headSize(), architecture.queriesPerGroup(), architecture.mlpExpansion());
        transforms.add("checkpoints(" + count.label() + constants + ")");
        if (!budgets.isEmpty()) {
            transforms.add("budgets=" + Arrays.toString(at));
        }
        return new IsoflopInputs(table.source(), table.contentHash(), CheckpointIsoflops.at(runs, at), null,
                transforms, new IsoflopColumns(shape ? IsoflopColumns.LOGICAL.size()
                        : read.columns().fileColumn("params"), read.columns().fileColumn("loss")));
    }

    /** The column's values, each a positive whole number (already positive and finite: read strictly). */
    private static double[] wholeNumbers(TableReader.Read read, String logical, String what) {
        double[] values = read.table().column(logical);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != Math.rint(values[i]) || values[i] > Integer.MAX_VALUE) {
                throw new InputException(read.table().source(), read.table().locations(),
                        read.table().sourceLine(i),
                        read.columns().fileColumn(logical), "a positive whole number (" + what + ")",
                        String.valueOf(values[i]));
            }
        }
        return values;
    }

    /**
     * Rows grouped by their budget, budgets in increasing C and points in row order; NaN budgets form one group.
     * Positive finite budgets that agree within {@value #SAME_BUDGET} relative to the smallest of them are one budget,
     * C being that smallest value: the tolerance {@link #only} matches budgets with, so that budgets written as 6·N·D
     * from rounded token counts, or printed to fewer digits, are not split into budgets of one run each.
     */
    static List<IsoflopBudget> group(double[] flops, double[] sizes, double[] losses) {
        return group(flops, sizes, losses, new int[0], RowLocation.LINE);
    }

    /**
     * As {@link #group(double[], double[], double[])}, each point keeping its file line or Parquet row
     * ({@code lines[row]}, of kind {@code locations}).
     */
    static List<IsoflopBudget> group(double[] flops, double[] sizes, double[] losses, int[] lines,
                                     RowLocation locations) {
        Map<Double, List<Integer>> exact = new TreeMap<>();
        for (int i = 0; i < flops.length; i++) {
            exact.computeIfAbsent(flops[i], c -> new ArrayList<>()).add(i);
        }
        Map<Double, List<Integer>> rows = new TreeMap<>();
        double first = Double.NaN;
        for (Map.Entry<Double, List<Integer>> entry : exact.entrySet()) {
            double c = entry.getKey();
            boolean same = c > 0 && c < Double.POSITIVE_INFINITY && first > 0 && c - first <= SAME_BUDGET * first;
            if (!same) {
                first = c;
            }
            rows.computeIfAbsent(first, key -> new ArrayList<>()).addAll(entry.getValue());
        }
        for (List<Integer> members : rows.values()) {
            members.sort(null);
        }
        List<IsoflopBudget> budgets = new ArrayList<>();
        for (Map.Entry<Double, List<Integer>> entry : rows.entrySet()) {
            List<Integer> members = entry.getValue();
            double[] n = new double[members.size()];
            double[] l = new double[members.size()];
            int[] at = new int[lines.length == 0 ? 0 : members.size()];
            for (int k = 0; k < n.length; k++) {
                n[k] = sizes[members.get(k)];
                l[k] = losses[members.get(k)];
                if (at.length > 0) {
                    at[k] = lines[members.get(k)];
                }
            }
            budgets.add(new IsoflopBudget(entry.getKey(), n, l, at, locations));
        }
        return budgets;
    }

    /**
     * A warning when at least two budgets, and at least half of them, hold a single run each: the mark of a FLOPs
     * column computed per run (e.g. 6·N·D with tokens rounded to whole batches), in which no two runs of one IsoFLOP
     * profile share a value, so that no budget has the three sizes a profile needs. It says what to do: with a tokens
     * column, leave the FLOPs column out, so that C = 6·N·D and runs within 10 % ({@link #DERIVED_BUDGET}) of one another
     * form one budget ({@link #groupDerived}); else give the runs of one budget the same value. Empty otherwise.
     */
    static Optional<String> singleRunBudgets(List<IsoflopBudget> budgets, String flopsColumn,
                                                       boolean tokens) {
        long single = budgets.stream().filter(b -> Arrays.stream(b.replicates()).sum() == 1).count();
        if (single < 2 || 2 * single < budgets.size()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%d of %d budgets have a single run: the runs of one IsoFLOP "
                + "profile do not share a value of column '%s', as when it is 6·N·D computed per run from rounded "
                + "token counts. "
                + (tokens ? "To group the runs of one budget, leave the FLOPs column '%s' out of the table: C is then "
                + "6·N·D from params and tokens, and runs within 10 %% of one another are one budget; or give the "
                + "runs of one budget the same value" : "Give the runs of one budget the same value in column '%s'"),
                single, budgets.size(), flopsColumn, flopsColumn));
    }

    /** Relative difference within which two budgets are the same ({@link #group}, {@link #only}). */
    static final double SAME_BUDGET = 1e-9;

    /**
     * These inputs restricted to the listed budgets, each matched within 10⁻⁹ relative, or within 10 % when the
     * budgets were derived as 6·N·D ({@link #groupDerived}), so that the nominal budget names its runs.
     *
     * @throws IllegalArgumentException if a listed budget is not in the data; the message lists the budgets
     */
    public IsoflopInputs only(List<Double> wanted) {
        double tolerance = transforms.contains(new Transform.ComputeFromTokens().label()) ? DERIVED_BUDGET
                : SAME_BUDGET;
        Map<Double, IsoflopBudget> kept = new LinkedHashMap<>();
        for (double c : wanted) {
            IsoflopBudget match = budgets.stream()
                    .filter(b -> Math.abs(b.flops() - c) <= tolerance * Math.abs(c)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no budget " + c + " in " + source
                            + "; its budgets are " + String.join(", ",
                            budgets.stream().map(b -> String.valueOf(b.flops())).toList())));
            kept.put(match.flops(), match);
        }
        List<String> selected = new ArrayList<>(transforms);
        selected.add("budgets=" + kept.keySet());
        return new IsoflopInputs(source, sha256, new ArrayList<>(kept.values()), noise, selected, columns, warnings);
    }

    /** The file's columns of {@code params} and {@code loss}. */
    private static IsoflopColumns fileColumns(TableReader.Read read) {
        return new IsoflopColumns(read.columns().fileColumn("params"), read.columns().fileColumn("loss"));
    }
}
