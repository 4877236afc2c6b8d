package org.scalefit.isoflop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * IsoFLOP points read off training curves (Porian et al. 2024, {@code data.py}, {@code fetch_flop}): for a budget C,
 * each run contributes the loss it had when it had spent C FLOPs.
 *
 * <p>A run is one model of size N (parameters in the chosen accounting, N = FLOPs per token ÷ 6) with logged
 * checkpoints (D_j tokens, L_j loss), D increasing; its FLOPs are F_j = 6·N·D_j. For budget C: j is the checkpoint
 * nearest C in log distance |ln(F_j/C)| (the first on ties); the run is skipped when that checkpoint is more than 10 %
 * away, e^{|ln(F_j/C)|} − 1 &gt; 0.1; otherwise ln L(C) is the piecewise-linear interpolation of ln L_j against ln F_j
 * over the checkpoints j − 5 … j + 4 (NumPy {@code interp}: the end value outside them), or L_j itself for a run with
 * one checkpoint. Checkpoints without a usable loss (not a positive finite number) are passed over in both steps, as
 * {@code fetch_flop} drops a curve's missing losses first. Several runs of one size give their minimum loss, as
 * {@code data.py} keeps the best run per size.
 * Runs are found per size in row order: the rows of one size, split wherever the tokens do not increase
 * ({@link #runs}).
 * A size whose only losses at C are not positive numbers is kept with a NaN loss, which {@link IsoflopAnalysis}
 * reports and drops.
 */
public final class CheckpointIsoflops {

    /** A checkpoint further than this relative distance from the budget is not used ({@code fetch_flop}). */
    public static final double MAX_RELATIVE_DISTANCE = 0.1;
    /** Checkpoints before the nearest one that the interpolation uses. */
    static final int BEFORE = 5;
    /** Checkpoints from the nearest one on that the interpolation uses. */
    static final int FROM = 4;

    private CheckpointIsoflops() {
    }

    /**
     * One training run's checkpoints.
     *
     * @param size   N, parameters in the accounting (its FLOPs per token ÷ 6)
     * @param tokens D_j, increasing
     * @param losses L_j
     */
    public record Run(double size, double[] tokens, double[] losses) {
        public Run {
            if (tokens.length != losses.length || tokens.length == 0) {
                throw new IllegalArgumentException("a run needs as many losses as tokens, at least one; got "
                        + tokens.length + " tokens and " + losses.length + " losses");
            }
            tokens = tokens.clone();
            losses = losses.clone();
        }

        @Override
        public double[] tokens() {
            return tokens.clone();
        }

        @Override
        public double[] losses() {
            return losses.clone();
        }

        /** Whether a checkpoint lies within 10 % of budget C (in FLOPs 6·N·D). */
        public boolean reaches(double flops) {
            double[] logF = logFlops();
            return Math.exp(Math.abs(logF[nearest(logF, Math.log(flops))] - Math.log(flops))) - 1
                    <= MAX_RELATIVE_DISTANCE;
        }

        /**
         * The loss at budget C by the rule above, over the checkpoints whose loss is a positive finite number (as
         * {@code fetch_flop} first drops the missing losses of a curve); NaN when no checkpoint is within 10 % of C
         * ({@link #reaches}) or none of those has a usable loss.
         */
        public double lossAt(double flops) {
            if (!reaches(flops)) {
                return Double.NaN;
            }
            int[] usable = IntStream.range(0, tokens.length)
                    .filter(j -> losses[j] > 0 && losses[j] < Double.POSITIVE_INFINITY).toArray();
            if (usable.length == 0) {
                return Double.NaN;
            }
            double[] logF = new double[usable.length];
            for (int k = 0; k < usable.length; k++) {
                logF[k] = Math.log(6.0 * size * tokens[usable[k]]);
            }
            double target = Math.log(flops);
            int nearest = nearest(logF, target);
            if (Math.exp(Math.abs(logF[nearest] - target)) - 1 > MAX_RELATIVE_DISTANCE) {
                return Double.NaN;
            }
            if (usable.length == 1) {
                return losses[usable[0]];
            }
            int from = Math.max(0, nearest - BEFORE);
            int to = Math.min(usable.length, nearest + FROM + 1);
            double[] x = Arrays.copyOfRange(logF, from, to);
            double[] y = new double[to - from];
            for (int k = from; k < to; k++) {
                y[k - from] = Math.log(losses[usable[k]]);
            }
            return Math.exp(interp(target, x, y));
        }

        private double[] logFlops() {
            double[] logF = new double[tokens.length];
            for (int j = 0; j < tokens.length; j++) {
                logF[j] = Math.log(6.0 * size * tokens[j]);
            }
            return logF;
        }

        /** The first index of the smallest |ln F_j − ln C|. */
        private static int nearest(double[] logF, double target) {
            int nearest = 0;
            for (int j = 1; j < logF.length; j++) {
                if (Math.abs(logF[j] - target) < Math.abs(logF[nearest] - target)) {
                    nearest = j;
                }
            }
            return nearest;
        }
    }

    /**
     * Runs from checkpoint rows: the rows of each size in row order (sizes in order of first appearance), a new run
     * starting wherever the tokens do not increase. Rows logged run after run and rows logged in token order across
     * sizes (one run per size) give the same runs.
     *
     * @param sizes  N of each row
     * @param tokens D of each row
     * @param losses L of each row
     */
    public static List<Run> runs(double[] sizes, double[] tokens, double[] losses) {
        if (sizes.length != tokens.length || sizes.length != losses.length) {
            throw new IllegalArgumentException("sizes, tokens and losses differ in length: " + sizes.length + ", "
                    + tokens.length + ", " + losses.length);
        }
        Map<Double, List<Integer>> rowsOfSize = new LinkedHashMap<>();
        for (int i = 0; i < sizes.length; i++) {
            rowsOfSize.computeIfAbsent(sizes[i], size -> new ArrayList<>()).add(i);
        }
        List<Run> runs = new ArrayList<>();
        for (Map.Entry<Double, List<Integer>> entry : rowsOfSize.entrySet()) {
            int[] rows = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
            int start = 0;
            for (int k = 1; k <= rows.length; k++) {
                if (k == rows.length || !(tokens[rows[k]] > tokens[rows[k - 1]])) {
                    int[] block = Arrays.copyOfRange(rows, start, k);
                    runs.add(new Run(entry.getKey(), Arrays.stream(block).mapToDouble(j -> tokens[j]).toArray(),
                            Arrays.stream(block).mapToDouble(j -> losses[j]).toArray()));
                    start = k;
                }
            }
        }
        return runs;
    }

    /**
     * The IsoFLOP points of each budget, budgets in the order given: per size, the smallest loss of its runs at C;
     * sizes without a checkpoint within 10 % of C are absent (a budget may have none).
     */
    public static List<IsoflopBudget> at(List<Run> runs, double[] budgets) {
        List<IsoflopBudget> result = new ArrayList<>();
        for (double c : budgets) {
            Map<Double, Double> best = new TreeMap<>();
            for (Run run : runs) {
                if (run.reaches(c)) {
                    // a bad loss stays (NaN) for the analysis to report, unless another run of the size has one
                    best.merge(run.size(), run.lossAt(c), (a, b) -> Double.isNaN(a) ? b : Double.isNaN(b) ? a
                            : Math.min(a, b));
                }
            }
            double[] sizes = best.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] losses = best.values().stream().mapToDouble(Double::doubleValue).toArray();
            result.add(new IsoflopBudget(c, sizes, losses));
        }
        return result;
    }

    /**
     * Porian et al.'s budget ladder C = 10¹⁷·2^j ({@code FLOP_VALS}) continued both ways, restricted to the budgets
     * some checkpoint of {@code runs} reaches within 10 %: every j with
     * min F / 1.1 ≤ 10¹⁷·2^j ≤ 1.1 · max F.
     */
    public static double[] ladder(List<Run> runs) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Run run : runs) {
            for (double d : run.tokens) {
                double f = 6.0 * run.size * d;
                if (f > 0 && Double.isFinite(f)) {
                    low = Math.min(low, f);
                    high = Math.max(high, f);
                }
            }
        }
        if (!(low <= high)) {
            return new double[0];
        }
        List<Double> ladder = new ArrayList<>();
        int first = (int) Math.ceil(Math.log(low / (1 + MAX_RELATIVE_DISTANCE) / 1e17) / Math.log(2));
        for (int j = first; 1e17 * Math.pow(2, j) <= high * (1 + MAX_RELATIVE_DISTANCE); j++) {
            ladder.add(1e17 * Math.pow(2, j));
        }
        return ladder.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** NumPy's {@code interp(x, xp, fp)} for increasing xp: linear between points, the end values outside. */
    static double interp(double x, double[] xp, double[] fp) {
        if (x <= xp[0]) {
            return fp[0];
        }
        int last = xp.length - 1;
        if (x >= xp[last]) {
            return fp[last];
        }
        int k = 0;
        while (xp[k + 1] < x) {
            k++;
        }
        double t = (x - xp[k]) / (xp[k + 1] - xp[k]);
        return fp[k] + t * (fp[k + 1] - fp[k]);
    }
}
