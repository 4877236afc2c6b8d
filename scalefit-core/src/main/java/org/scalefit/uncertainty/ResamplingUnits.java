package org.scalefit.uncertainty;

import java.io.Serializable;
import java.util.Objects;
import org.scalefit.data.Labelled;
import org.scalefit.data.RunKeys;

/**
 * What a bootstrap resamples with replacement: the points themselves (the pairs bootstrap of Epoch AI, Besiroglu et
 * al. 2024 §3), or whole training runs (a block, or cluster, bootstrap: all checkpoints of a run enter a resample
 * together, as often as their run was drawn).
 *
 * <p>A resample draws U units with replacement, u_1 … u_U (U the number of units); the multiplicity of point i is
 * then #{t : u_t = unit(i)}. With one unit per point this is exactly the pairs bootstrap's resample of rows.
 * Checkpoints of one run share the run's seed, data order and early trajectory, so their residuals are correlated;
 * resampling runs keeps that correlation inside each resample, where resampling points would treat the checkpoints
 * as independent and understate the spread of the estimates.
 *
 * @param scheme      which of the two
 * @param runs        the unit of each point (for {@link Scheme#PAIRS} every point is its own unit)
 */
public record ResamplingUnits(Scheme scheme, RunKeys runs) implements Serializable {

    /** The two resampling schemes. */
    public enum Scheme implements Labelled {
        /** Points (rows) resampled one by one. */
        PAIRS,
        /** Runs resampled as blocks of all their points. */
        RUNS;

        /** The scheme called {@code label} ({@code pairs} or {@code runs}). */
        public static Scheme named(String label) {
            return Labelled.byLabel(Scheme.class, label, "resampling scheme");
        }
    }

    public ResamplingUnits {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(runs, "runs");
        if (scheme == Scheme.PAIRS && !runs.equals(RunKeys.eachPoint(runs.points()))) {
            throw new IllegalArgumentException("the pairs scheme makes every point its own unit");
        }
    }

    /** Every one of n points resampled on its own. */
    public static ResamplingUnits points(int n) {
        return new ResamplingUnits(Scheme.PAIRS, RunKeys.eachPoint(n));
    }

    /** Whole runs resampled, each with all its points. */
    public static ResamplingUnits runs(RunKeys runs) {
        return new ResamplingUnits(Scheme.RUNS, runs);
    }

    /** Number of points. */
    public int points() {
        return runs.points();
    }

    /** U, the number of units drawn per resample. */
    public int units() {
        return runs.runs();
    }

    /** The multiplicity of every point in a resample whose drawn units are {@code drawnUnits}. */
    public int[] multiplicities(int[] drawnUnits) {
        int[] perUnit = new int[units()];
        for (int unit : drawnUnits) {
            perUnit[unit]++;
        }
        int[] counts = new int[points()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = perUnit[runs.runOf(i)];
        }
        return counts;
    }

    /**
     * The point multiplicities of the first {@code replicates} resamples from {@code seed}: resample r draws its
     * units from {@code stream} as the r-th of {@code replicates} resamples of U units, so it depends on (seed, r)
     * alone.
     */
    public int[][] multiplicities(ResamplingStream stream, long seed, int replicates) {
        int[][] drawn = stream.resamples(seed, replicates, units());
        int[][] counts = new int[replicates][];
        for (int r = 0; r < replicates; r++) {
            counts[r] = multiplicities(drawn[r]);
        }
        return counts;
    }

    @Override
    public String toString() {
        return "ResamplingUnits[" + scheme.label() + ", " + units() + " units of " + points() + " points]";
    }
}
