package org.scalefit.isoflop;

import java.io.Serializable;
import java.util.Arrays;
import org.scalefit.data.RowLocation;

/**
 * The IsoFLOP points of one compute budget: models of sizes N_i trained with C FLOPs each reached loss L_i; their
 * token counts are D_i = C/(6·N_i) (computed as {@code C / (6.0 * N_i)}, as Porian et al.'s {@code data.py} does).
 * Porian et al. take for each size the loss at the checkpoint where it had used C FLOPs; any accounting works as
 * long as C = 6·N·D holds in it.
 *
 * <p>Values are kept as given (the analysis reports and drops bad points, see {@link IsoflopAnalysis}); arrays are
 * copied in and out.
 *
 * <p>A point may stand for several runs of one size (seed replicates): its loss is then their mean and
 * {@code replicates} says how many; the seed noise of such a point is σ/√r ({@link IsoflopAnalysis}). Points read
 * from a file are one run each; the analysis averages repeated sizes.
 *
 * @param flops  the budget C (FLOPs)
 * @param sizes  model sizes N_i (parameters)
 * @param losses loss L_i of each size at C (nats/token)
 * @param lines  the file line (or Parquet row) each point came from, with which the analysis names the points it
 *               drops or merges; empty when the points have no line of their own (bundled data, points read off
 *               checkpoints)
 * @param locations whether {@code lines} are lines of a text file or rows of a Parquet file
 * @param replicates how many runs each point's loss is the mean of (each ≥ 1); given empty, one run per point
 */
public record IsoflopBudget(double flops, double[] sizes, double[] losses, int[] lines, RowLocation locations,
                            int[] replicates) implements Serializable {

    public IsoflopBudget {
        java.util.Objects.requireNonNull(locations, "locations");
        if (replicates.length == 0) {
            replicates = new int[sizes.length];
            Arrays.fill(replicates, 1);
        } else if (replicates.length != sizes.length || Arrays.stream(replicates).anyMatch(r -> r < 1)) {
            throw new IllegalArgumentException("budget " + flops + ": " + sizes.length + " sizes need as many "
                    + "replicate counts, each at least 1; got " + Arrays.toString(replicates));
        } else {
            replicates = replicates.clone();
        }
        if (sizes.length != losses.length) {
            throw new IllegalArgumentException("budget " + flops + ": " + sizes.length + " sizes but "
                    + losses.length + " losses");
        }
        if (lines.length != 0 && lines.length != sizes.length) {
            throw new IllegalArgumentException("budget " + flops + ": " + sizes.length + " sizes but "
                    + lines.length + " lines");
        }
        sizes = sizes.clone();
        losses = losses.clone();
        lines = lines.clone();
    }

    /** Points of one run each, from the lines or rows {@code lines}. */
    public IsoflopBudget(double flops, double[] sizes, double[] losses, int[] lines, RowLocation locations) {
        this(flops, sizes, losses, lines, locations, new int[0]);
    }

    /** Points from the lines {@code lines} of a text file. */
    public IsoflopBudget(double flops, double[] sizes, double[] losses, int[] lines) {
        this(flops, sizes, losses, lines, RowLocation.LINE);
    }

    /** Points without lines of their own. */
    public IsoflopBudget(double flops, double[] sizes, double[] losses) {
        this(flops, sizes, losses, new int[0]);
    }

    @Override
    public int[] lines() {
        return lines.clone();
    }

    @Override
    public int[] replicates() {
        return replicates.clone();
    }

    @Override
    public double[] sizes() {
        return sizes.clone();
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    /** How many points. */
    public int points() {
        return sizes.length;
    }

    /** D_i = C/(6.0·N_i). */
    public double[] tokens() {
        double[] tokens = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            tokens[i] = flops / (6.0 * sizes[i]);
        }
        return tokens;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IsoflopBudget that && Double.compare(flops, that.flops) == 0
                && Arrays.equals(sizes, that.sizes) && Arrays.equals(losses, that.losses)
                && Arrays.equals(lines, that.lines) && locations == that.locations
                && Arrays.equals(replicates, that.replicates);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(flops) + Arrays.hashCode(sizes)) + Arrays.hashCode(losses);
    }

    @Override
    public String toString() {
        return "IsoflopBudget[C=" + flops + ", " + sizes.length + " points]";
    }
}
