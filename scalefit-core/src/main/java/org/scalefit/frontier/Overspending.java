package org.scalefit.frontier;

/**
 * How much more of a resource each run spent than the frontier run of the nearest loss (Gemstones
 * {@code plot_efficiency_vs_loss}; McLeish et al. 2025 §3.3): for run p the frontier run f minimising
 * |L_f − L_p| (the first on ties, in resource order), overspend = (R_p / R_f − 1)·100 %.
 *
 * @param frontierRow  for each run, the frontier run it is compared with (an index into the arrays given)
 * @param percent      for each run, its overspend in percent
 */
public record Overspending(int[] frontierRow, double[] percent) {

    public Overspending {
        frontierRow = frontierRow.clone();
        percent = percent.clone();
    }

    /** The overspend of every run (resource[i], loss[i]) against {@code frontier}. */
    public static Overspending against(LossFrontier frontier, double[] resource, double[] loss) {
        if (frontier.size() == 0) {
            throw new IllegalArgumentException("the frontier is empty");
        }
        if (resource.length != loss.length) {
            throw new IllegalArgumentException(resource.length + " resources but " + loss.length + " losses");
        }
        double[] frontierLoss = frontier.loss();
        double[] frontierResource = frontier.resource();
        int[] frontierRows = frontier.rows();
        int[] match = new int[resource.length];
        double[] percent = new double[resource.length];
        for (int i = 0; i < resource.length; i++) {
            int best = 0;
            for (int f = 1; f < frontierLoss.length; f++) {
                if (Math.abs(frontierLoss[f] - loss[i]) < Math.abs(frontierLoss[best] - loss[i])) {
                    best = f;
                }
            }
            match[i] = frontierRows[best];
            percent[i] = (resource[i] / frontierResource[best] - 1) * 100;
        }
        return new Overspending(match, percent);
    }

    /**
     * The runs of the {@code count} largest overspends, largest first (ties in run order; NaN counts as largest, as
     * {@link Double#compare} orders it) — the head of a stable descending sort, without sorting every run.
     */
    public int[] largest(int count) {
        int k = Math.min(Math.max(count, 0), percent.length);
        int[] top = new int[k];
        if (k == 0) {
            return top;
        }
        int size = 0;
        for (int i = 0; i < percent.length; i++) {
            if (size == k && !(Double.compare(percent[i], percent[top[k - 1]]) > 0)) {
                continue;
            }
            int at = size == k ? k - 1 : size++;
            while (at > 0 && Double.compare(percent[i], percent[top[at - 1]]) > 0) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
        }
        return top;
    }

    @Override
    public int[] frontierRow() {
        return frontierRow.clone();
    }

    @Override
    public double[] percent() {
        return percent.clone();
    }
}
