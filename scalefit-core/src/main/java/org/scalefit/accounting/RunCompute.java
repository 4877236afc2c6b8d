package org.scalefit.accounting;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.data.RunTable;

/**
 * The parameter count and training FLOPs of every run of a table, by the one rule the frontier and the report share:
 * <ol>
 *   <li>a FLOPs column, when asked for ({@code flopsColumn}), is used as it is;</li>
 *   <li>else a requested count: {@link FlopCount#SIX_N} is 6·N·D on the table's params column (or on the count from
 *       the shape if there is none); the other counts need the shape columns {@code width} and {@code depth};</li>
 *   <li>else 6·N·D on the params column if the table has one, and Gemstones' exact count
 *       ({@link FlopCount#GEMSTONES_GQA}) from the shape only if it has width and depth and no params.</li>
 * </ol>
 * Parameters are the params column if there is one (and embeddings are not to be dropped), else counted from the
 * shape. So a table of {@code params,tokens,loss} alone is analysed with C = 6ND, its params as given. GPU-hours are
 * seconds/step × steps × nodes × GPUs/node / 3600 ({@link TrainingCompute#gpuHours}, Gemstones' resource axis) where
 * the table has {@code step}, {@code num_nodes} and {@code seconds_per_step}.
 *
 * @param params     N per run
 * @param flops      C per run
 * @param gpuHours   GPU-hours per run, or null if the table has no timing columns
 * @param flopsLabel how C was obtained, for labels: {@code FLOPs column}, {@code 6ND} or a {@link FlopCount} label
 * @param transforms what was derived, for provenance (e.g. {@code params=count(vocab=50304)})
 */
public record RunCompute(double[] params, double[] flops, double[] gpuHours, String flopsLabel,
                         List<String> transforms) {

    /** The logical column names this rule reads. */
    public static final String PARAMS = "params";
    public static final String TOKENS = "tokens";
    public static final String WIDTH = "width";
    public static final String DEPTH = "depth";
    public static final String FLOPS = "flops";
    /** The logical timing columns of GPU-hours. */
    public static final List<String> TIMING = List.of("step", "num_nodes", "seconds_per_step");

    /**
     * How to count: from the table's FLOPs column, or by a count ({@code requested}, null for the default), with the
     * architecture for counts from the shape, parameters with or without embeddings, and GPUs per node for GPU-hours.
     *
     * @param flopsColumn  use the table's {@code flops} column
     * @param requested    the count asked for, or null for the default
     * @param architecture the shape's architecture, for counts from width and depth
     * @param noEmbeds     count parameters from the shape without embeddings (vocabulary 0)
     * @param gpusPerNode  GPUs per node, for GPU-hours
     */
    public record Rule(boolean flopsColumn, FlopCount requested, Architecture architecture, boolean noEmbeds,
                       int gpusPerNode) {

        /** Gemstones' accounting: the exact GQA count from the shape of Gemstones' architecture, 8 GPUs a node. */
        public static Rule gemstones(boolean noEmbeds) {
            return new Rule(false, FlopCount.GEMSTONES_GQA, Architecture.gemstones(), noEmbeds, 8);
        }
    }

    public RunCompute {
        params = params.clone();
        flops = flops.clone();
        gpuHours = gpuHours == null ? null : gpuHours.clone();
        transforms = List.copyOf(transforms);
    }

    /** Whether the runs' GPU-hours are known (the table has the timing columns). */
    public boolean timed() {
        return gpuHours != null;
    }

    /** GPU-hours per run, a copy; null if not {@link #timed()}. */
    @Override
    public double[] gpuHours() {
        return gpuHours == null ? null : gpuHours.clone();
    }

    @Override
    public double[] params() {
        return params.clone();
    }

    @Override
    public double[] flops() {
        return flops.clone();
    }

    /**
     * The counts of {@code table} under {@code rule}.
     *
     * @param table runs with a {@code tokens} column, and params and/or width and depth (and {@code flops} if the
     *              rule reads a FLOPs column; {@link #TIMING} for GPU-hours)
     * @throws IllegalArgumentException if the table lacks what the rule needs (the message says which columns)
     */
    public static RunCompute of(RunTable table, Rule rule) {
        boolean flopsColumn = rule.flopsColumn();
        FlopCount requested = rule.requested();
        Architecture architecture = rule.architecture();
        double[] gpuHours = TIMING.stream().allMatch(table::hasColumn) ? TrainingCompute.gpuHours(
                table.column("seconds_per_step"), table.column("step"), table.column("num_nodes"),
                rule.gpusPerNode()) : null;
        boolean shapes = table.hasColumn(WIDTH) && table.hasColumn(DEPTH);
        boolean hasParams = table.hasColumn(PARAMS);
        if (flopsColumn && requested != null) {
            throw new IllegalArgumentException("a FLOPs column and --flop-count " + requested.label()
                    + " contradict each other; give one");
        }
        List<String> transforms = new ArrayList<>();
        double[] params;
        if (rule.noEmbeds()) {
            requireShapes(table, shapes, "parameters without embeddings are counted from the shape");
            params = TrainingCompute.parameters(table.column(WIDTH), table.column(DEPTH),
                    architecture.withVocabulary(0));
            transforms.add("params=count(vocab=0)");
        } else if (hasParams) {
            params = table.column(PARAMS);
        } else {
            requireShapes(table, shapes, "the runs need a params column (--column params=COLUMN) or width and "
                    + "depth");
            params = TrainingCompute.parameters(table.column(WIDTH), table.column(DEPTH), architecture);
            transforms.add("params=count(vocab=" + architecture.vocabulary() + ")");
        }
        double[] tokens = table.column(TOKENS);
        if (flopsColumn) {
            transforms.add("flops=column");
            return new RunCompute(params, table.column(FLOPS), gpuHours, "FLOPs column", transforms);
        }
        FlopCount count = requested != null ? requested : hasParams || !shapes ? FlopCount.SIX_N
                : FlopCount.GEMSTONES_GQA;
        if (count == FlopCount.SIX_N) {
            double[] flops = new double[tokens.length];
            for (int i = 0; i < flops.length; i++) {
                flops[i] = 6 * params[i] * tokens[i];
            }
            return new RunCompute(params, flops, gpuHours, "6ND", transforms);
        }
        requireShapes(table, shapes, "--flop-count " + count.label() + " counts FLOPs from the shape");
        return new RunCompute(params, TrainingCompute.flops(table.column(WIDTH), table.column(DEPTH), tokens,
                architecture, count), gpuHours, count.label(), transforms);
    }

    private static void requireShapes(RunTable table, boolean shapes, String why) {
        if (!shapes) {
            throw new IllegalArgumentException(table.source() + " has no width and depth columns: " + why
                    + " (map them with --column width=COLUMN --column depth=COLUMN)");
        }
    }
}
