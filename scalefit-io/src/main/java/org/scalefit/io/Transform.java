package org.scalefit.io;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalefit.data.RunTable;

/**
 * What an analysis does to a run table before fitting, recorded in its provenance by its {@link #label()}: Gemstones'
 * "no embeds" parameter count, Epoch AI's outlier rule, and the tokens per parameter derived for a law over M (Gadre
 * et al. 2024) from a table that has only params and tokens — the transforms of an Approach-3 fit, read back from
 * fit files by {@link #parse} — and the training compute C = 6·N·D an IsoFLOP analysis derives from a table without
 * a FLOPs column.
 */
public sealed interface Transform permits Transform.NoEmbeds, Transform.DropHighestLosses, Transform.TokensPerParam,
        Transform.ComputeFromTokens {

    /** The label recorded in provenance, e.g. {@code no-embeds(vocab=50304)}. */
    String label();

    /**
     * params − vocab·width: the parameter count without the embedding (Gemstones' "no embeds" variant,
     * {@code params_active_precise} minus the embedding matrix of {@code vocab × width}).
     *
     * @param vocab the vocabulary size
     */
    record NoEmbeds(int vocab) implements Transform {

        public NoEmbeds {
            if (vocab < 0) {
                throw new IllegalArgumentException("--vocab and --drop-highest-losses must not be negative");
            }
        }

        @Override
        public String label() {
            return "no-embeds(vocab=" + vocab + ")";
        }
    }

    /**
     * Keeps only the points below the {@code count}-th largest loss (Epoch AI drop the 5 highest-loss Chinchilla
     * points, Besiroglu et al. 2024); 0 keeps every point.
     *
     * @param count how many of the highest losses to drop
     */
    record DropHighestLosses(int count) implements Transform {

        public DropHighestLosses {
            if (count < 0) {
                throw new IllegalArgumentException("--vocab and --drop-highest-losses must not be negative");
            }
        }

        @Override
        public String label() {
            return "drop-highest-losses=" + count;
        }
    }

    /**
     * M = tokens/params, the tokens per parameter of each run (Gadre et al. 2024's M), added as the column
     * {@value #COLUMN} to a table that has params and tokens but no such column; a law that reads M (e.g.
     * gadre-overtraining) is then fitted on it.
     */
    record TokensPerParam() implements Transform {

        /** The logical column derived. */
        public static final String COLUMN = "tokens_per_param";

        @Override
        public String label() {
            return COLUMN + "=tokens/params";
        }

        /** {@code table} (with columns params and tokens) with the column {@value #COLUMN} = tokens/params added. */
        public RunTable derive(RunTable table) {
            double[] tokens = table.column("tokens");
            double[] params = table.column("params");
            double[] ratio = new double[tokens.length];
            for (int i = 0; i < ratio.length; i++) {
                ratio[i] = tokens[i] / params[i];
            }
            return table.withColumn(COLUMN, ratio);
        }

        /**
         * Checks that a table's own {@value #COLUMN} column is M = D/N where it also has params and tokens: within
         * {@value #SAME_RATIO} (relative) of tokens/params at every row, as Gadre et al.'s files are (their
         * {@code tokens} is 20 × multiplier × params exactly). A column in another unit (the Chinchilla multiplier
         * M/20, a percentage) would be fitted as it is, and a prediction at params and tokens, which derives
         * M = D/N, would then read the law on another scale.
         *
         * @param columns the file columns the table was read from, to name them
         * @throws InputException at the first row whose column is not tokens/params
         */
        public static void requireConsistent(RunTable table, ColumnMapping columns) {
            if (!table.hasColumn(COLUMN) || !table.hasColumn("params") || !table.hasColumn("tokens")) {
                return;
            }
            double[] ratio = table.column(COLUMN);
            double[] tokens = table.column("tokens");
            double[] params = table.column("params");
            for (int i = 0; i < ratio.length; i++) {
                if (!consistent(ratio[i], tokens[i], params[i])) {
                    throw new InputException(table.source(), table.locations(), table.sourceLine(i),
                            columns.fileColumn(COLUMN), expected(tokens[i], params[i], columns.fileColumn("tokens"),
                            columns.fileColumn("params")), String.format(java.util.Locale.ROOT, "%.6g", ratio[i]));
                }
            }
        }

        /** Whether {@code ratio} is tokens/params to within {@value #SAME_RATIO}. */
        static boolean consistent(double ratio, double tokens, double params) {
            double derived = tokens / params;
            return Math.abs(ratio - derived) <= SAME_RATIO * derived;
        }

        /** What a {@value #COLUMN} cell beside these tokens and params must be, naming their file columns. */
        static String expected(double tokens, double params, String tokensColumn, String paramsColumn) {
            return String.format(java.util.Locale.ROOT, "tokens/params = %.6g of '%s' and '%s' (within %.0f %%: the "
                            + "law's M is tokens per parameter; rename a column in another unit to fit on M = "
                            + "tokens/params)", tokens / params, tokensColumn, paramsColumn, 100 * SAME_RATIO);
        }

        /** How far (relative) a table's tokens_per_param may lie from tokens/params: rounding of either. */
        public static final double SAME_RATIO = 0.01;
    }

    /**
     * C = 6·N·D, the training FLOPs of each run from its params N and tokens D (Kaplan et al. 2020, §2.1), added as
     * the column {@value #COLUMN} to a table that has params and tokens but no FLOPs column; an IsoFLOP analysis
     * ({@link IsoflopInputs#read}) then groups the runs into budgets by it.
     */
    record ComputeFromTokens() implements Transform {

        /** The logical column derived. */
        public static final String COLUMN = "flops";

        @Override
        public String label() {
            return COLUMN + "=6*params*tokens";
        }

        /** {@code table} (with columns params and tokens) with the column {@value #COLUMN} = 6·params·tokens added. */
        public RunTable derive(RunTable table) {
            double[] tokens = table.column("tokens");
            double[] params = table.column("params");
            double[] flops = new double[tokens.length];
            for (int i = 0; i < flops.length; i++) {
                flops[i] = 6 * params[i] * tokens[i];
            }
            return table.withColumn(COLUMN, flops);
        }
    }

    /**
     * The transforms of a fit file's provenance, in order ({@code source} names the file in errors).
     *
     * @throws InputException if a label is neither {@code no-embeds(vocab=V)} nor {@code drop-highest-losses=N}
     */
    static List<Transform> parse(List<String> labels, String source) {
        Pattern noEmbeds = Pattern.compile("no-embeds\\(vocab=(\\d+)\\)");
        Pattern drop = Pattern.compile("drop-highest-losses=(\\d+)");
        List<Transform> transforms = new ArrayList<>();
        for (String label : labels) {
            if (ColumnRequest.isWhereLabel(label) || ColumnRequest.isUnitLabel(label)) {
                continue;   // a row condition or a column's unit, applied when the data is read (DataSource)
            }
            Matcher noEmbedsLabel = noEmbeds.matcher(label);
            Matcher dropLabel = drop.matcher(label);
            if (noEmbedsLabel.matches()) {
                transforms.add(new NoEmbeds(Integer.parseInt(noEmbedsLabel.group(1))));
            } else if (dropLabel.matches()) {
                transforms.add(new DropHighestLosses(Integer.parseInt(dropLabel.group(1))));
            } else if (label.equals(new TokensPerParam().label())) {
                transforms.add(new TokensPerParam());
            } else {
                throw InputException.field(source, null, "provenance.transforms", "no-embeds(vocab=V), "
                        + "drop-highest-losses=N or " + new TokensPerParam().label(), "'" + label + "'");
            }
        }
        return List.copyOf(transforms);
    }
}
