package org.scalefit.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.data.Observations;
import org.scalefit.data.RepeatedTokens;
import org.scalefit.data.RunTable;
import org.scalefit.law.LawForm;
import org.scalefit.shapes.ArchitectureAgreement;
import org.scalefit.shapes.CountedShape;

/**
 * The points of an Approach-3 fit, read as {@code scalefit fit} reads them: the law's inputs and the loss from the
 * data under its column mapping, then the {@link Transform}s in order, with the table row of every point kept so
 * that per-run columns (run keys, model sizes) can be looked up for exactly the points fitted.
 *
 * @param table        the table as read (params already without embeddings under {@code no-embeds})
 * @param observations the points fitted
 * @param rows         rows[i] is the table row of point i
 * @param transforms   the transforms applied, as recorded in fit provenance
 * @param columns      the file columns the table was read from, as recorded in fit provenance
 * @param repetition   whether the points repeat their data ({@link RepeatedData}, read in the same pass), or null
 *                     when the table does not say or the law has no tokens input
 */
public record FitInputs(RunTable table, Observations observations, int[] rows, List<String> transforms,
                        ColumnMapping columns, RepeatedTokens repetition) {

    /** A column no logical name can clash with: each row's number, carried through the transforms. */
    private static final String ROW = "#row";

    public FitInputs {
        rows = rows.clone();
        transforms = List.copyOf(transforms);
    }

    /** Points whose table does not say whether they repeat their data. */
    public FitInputs(RunTable table, Observations observations, int[] rows, List<String> transforms,
                     ColumnMapping columns) {
        this(table, observations, rows, transforms, columns, null);
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    /**
     * Reads the points of {@code form} from {@code input} and applies {@code transforms} in order;
     * {@code extraColumns} are read too when the data has them (for {@link #column}); a text one
     * ({@link ColumnMapping#TEXT_NAMES}, e.g. {@code run}) becomes the number of each distinct text, 1, 2, … in
     * order of first appearance, so that it can key runs. For a law with a tokens input, the same read tells
     * whether the points repeat their data ({@link #repetition()}).
     *
     * @throws IllegalArgumentException if {@code no-embeds} is asked of a law without params
     * @throws InputException           if the data is bad, or params − vocab·width is not positive
     */
    public static FitInputs read(DataSource input, LawForm form, List<Transform> transforms,
                                 List<String> extraColumns) {
        List<String> wanted = new ArrayList<>(form.inputs());
        wanted.add("loss");
        boolean noEmbeds = transforms.stream().anyMatch(Transform.NoEmbeds.class::isInstance);
        if (noEmbeds && !form.inputs().contains("params")) {
            throw new IllegalArgumentException("--no-embeds changes the params input, which law " + form.name()
                    + " does not use");
        }
        if (noEmbeds && !wanted.contains("width")) {
            wanted.add("width");
        }
        List<String> optional = extraColumns.stream().filter(name -> !wanted.contains(name)).distinct().toList();
        ColumnRequest request = ColumnRequest.of(wanted.toArray(String[]::new))
                .withOptional(optional.toArray(String[]::new));
        boolean tokens = form.inputs().contains("tokens");
        TableReader.Read read = input.readWithColumns(tokens ? RepeatedData.reading(request) : request);
        RunTable table = withTextKeys(read.table(), read, optional);
        List<String> applied = new ArrayList<>();
        applied.addAll(input.selectionLabels());
        for (Transform transform : transforms) {
            if (transform instanceof Transform.NoEmbeds adjust) {
                table = ParamsWithoutEmbeddings.of(table, adjust.vocab());
                applied.add(transform.label());
            }
        }
        double[] rowNumbers = new double[table.rows()];
        for (int i = 0; i < rowNumbers.length; i++) {
            rowNumbers[i] = i + 1;
        }
        List<String> numbered = new ArrayList<>(form.inputs());
        numbered.add(ROW);
        Observations withRows = Observations.fromTable(table.withColumn(ROW, rowNumbers), numbered, "loss");
        Observations observations = Observations.fromTable(table, form.inputs(), "loss");
        for (Transform transform : transforms) {
            if (transform instanceof Transform.DropHighestLosses drop && drop.count() > 0) {
                withRows = withRows.withoutHighestLosses(drop.count());
                observations = observations.withoutHighestLosses(drop.count());
                applied.add(transform.label());
            }
        }
        int[] rows = new int[withRows.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (int) withRows.input(i, form.arity()) - 1;
        }
        return new FitInputs(table, observations, rows, applied, read.columns(),
                tokens ? RepeatedData.at(read, rows) : null);
    }

    /**
     * The distinct shapes of the points fitted with the params the table gives them ({@link CountedShape}, after the
     * transforms: without embeddings under {@code no-embeds}), when the table has width, depth and params; empty
     * otherwise. A shape search checks its architecture against them ({@link ArchitectureAgreement}).
     */
    public List<CountedShape> countedShapes() {
        if (!table.hasColumn("width") || !table.hasColumn("depth") || !table.hasColumn("params")) {
            return List.of();
        }
        double[] width = table.column("width");
        double[] depth = table.column("depth");
        double[] params = table.column("params");
        List<CountedShape> shapes = new ArrayList<>();
        for (int row : rows) {
            if (width[row] > 0 && depth[row] > 0 && params[row] > 0 && Double.isFinite(width[row])
                    && Double.isFinite(depth[row]) && Double.isFinite(params[row])) {
                shapes.add(new CountedShape(width[row], depth[row], params[row]));
            }
        }
        return ArchitectureAgreement.distinct(shapes);
    }

    /**
     * {@code table} with each text column among {@code names} ({@link ColumnMapping#TEXT_NAMES}, e.g. {@code run})
     * that {@code read} found as the number of each distinct text, 1, 2, … in order of first appearance, so that it
     * can key runs.
     */
    public static RunTable withTextKeys(RunTable table, TableReader.Read read, List<String> names) {
        RunTable keyed = table;
        for (String name : names) {
            if (ColumnMapping.TEXT_NAMES.contains(name) && read.text(name).isPresent()) {
                keyed = keyed.withColumn(name, codes(read.text(name).get()));
            }
        }
        return keyed;
    }

    /** Each text value's number, 1, 2, … in order of first appearance: equal texts, equal numbers. */
    private static double[] codes(List<String> texts) {
        Map<String, Integer> seen = new HashMap<>();
        double[] codes = new double[texts.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = seen.computeIfAbsent(texts.get(i), text -> seen.size() + 1);
        }
        return codes;
    }

    /** The columns to read for {@link #runKey}: the requested key, or the candidates of the default one. */
    public static List<String> runKeyCandidates(List<String> requested) {
        return requested.isEmpty() ? DEFAULT_RUN_KEYS.stream().flatMap(List::stream).distinct().toList() : requested;
    }

    /** Default run keys, in order of preference: Gemstones' shapes, then the parameter count. */
    private static final List<List<String>> DEFAULT_RUN_KEYS = List.of(List.of("width", "depth"), List.of("params"));

    /**
     * The columns whose equal values make one run: {@code requested} if given (each must be in the data), otherwise
     * (width, depth) if the data has both, otherwise params.
     *
     * @throws InputException if a requested column is missing, or none of the defaults is there
     */
    public List<String> runKey(List<String> requested) {
        if (!requested.isEmpty()) {
            for (String name : requested) {
                if (!table.hasColumn(name)) {
                    throw new InputException(table.source(), null, name, "a column of that name for the run key"
                            + (ColumnMapping.TEXT_NAMES.contains(name) ? " (the text column " + name + ", or "
                            + String.join(", ", ColumnMapping.defaults().alternatives().getOrDefault(name, List.of()))
                            + "; or name it with --column " + name + "=COLUMN)" : ""),
                            "only the columns " + table.columnNames());
                }
            }
            return List.copyOf(requested);
        }
        for (List<String> key : DEFAULT_RUN_KEYS) {
            if (key.stream().allMatch(table::hasColumn)) {
                return key;
            }
        }
        throw new InputException(table.source(), null, null, "width and depth, or params, to tell runs apart "
                + "(or name the columns with --run-key)", "only the columns " + table.columnNames());
    }

    /** Whether the table has {@code name}. */
    public boolean has(String name) {
        return table.hasColumn(name);
    }

    /** The values of table column {@code name} at the points, in point order. */
    public double[] column(String name) {
        double[] all = table.column(name);
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            values[i] = all[rows[i]];
        }
        return values;
    }

    /** For each point, the values of the named columns: keyOfPoint[i][j] is column j at point i. */
    public double[][] columns(List<String> names) {
        double[][] keys = new double[rows.length][names.size()];
        for (int j = 0; j < names.size(); j++) {
            double[] values = column(names.get(j));
            for (int i = 0; i < rows.length; i++) {
                keys[i][j] = values[i];
            }
        }
        return keys;
    }
}
