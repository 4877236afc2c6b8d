package org.scalefit.accounting;

/**
 * What a training run spent, row by row: FLOPs = FLOPs per token × tokens (Gemstones {@code approach_1.py}),
 * GPU-hours = seconds per step × steps × nodes × GPUs per node / 3600, and the FLOP-accounting ratio of a shape,
 * its exact count over 6N (McLeish et al. 2025 §3; Gemstones {@code flops_accounting}).
 */
public final class TrainingCompute {

    private TrainingCompute() {
    }

    /**
     * FLOPs of each run: {@code count} per token of its shape times its tokens. Widths and depths must be positive
     * whole numbers.
     */
    public static double[] flops(double[] width, double[] depth, double[] tokens, Architecture architecture,
                                 FlopCount count) {
        requireSameLength(width.length, depth.length, tokens.length);
        double[] flops = new double[width.length];
        for (int i = 0; i < flops.length; i++) {
            flops[i] = count.perToken(architecture, wholeNumber(width[i], "width", i), wholeNumber(depth[i], "depth", i))
                    * tokens[i];
        }
        return flops;
    }

    /** Exact parameter count of each run's shape. */
    public static double[] parameters(double[] width, double[] depth, Architecture architecture) {
        requireSameLength(width.length, depth.length, depth.length);
        double[] params = new double[width.length];
        for (int i = 0; i < params.length; i++) {
            params[i] = architecture.parameters(wholeNumber(width[i], "width", i), wholeNumber(depth[i], "depth", i));
        }
        return params;
    }

    /** GPU-hours of each run: seconds per step · steps · nodes · GPUs per node / 3600. */
    public static double[] gpuHours(double[] secondsPerStep, double[] steps, double[] nodes, int gpusPerNode) {
        requireSameLength(secondsPerStep.length, steps.length, nodes.length);
        if (gpusPerNode < 1) {
            throw new IllegalArgumentException("GPUs per node must be positive, was " + gpusPerNode);
        }
        double[] hours = new double[steps.length];
        for (int i = 0; i < hours.length; i++) {
            hours[i] = secondsPerStep[i] * steps[i] * nodes[i] * gpusPerNode / 3600;
        }
        return hours;
    }

    /** The exact Gemstones count over 6·N for one shape (above 1: 6N undercounts). */
    public static double accountingRatio(Architecture architecture, int width, int depth) {
        return FlopCount.GEMSTONES_GQA.perToken(architecture, width, depth)
                / FlopCount.SIX_N.perToken(architecture, width, depth);
    }

    private static int wholeNumber(double value, String what, int row) {
        if (!(value >= 1) || value != Math.rint(value) || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " of row " + row + " must be a positive whole number, was "
                    + value);
        }
        return (int) value;
    }

    private static void requireSameLength(int a, int b, int c) {
        if (a != b || b != c) {
            throw new IllegalArgumentException("columns differ in length: " + a + ", " + b + ", " + c);
        }
    }
}
