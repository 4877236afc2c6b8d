package org.scalefit.isoflop;

import java.util.Objects;

/**
 * The constants of an IsoFLOP analysis (Porian et al., {@code analysis.py}: {@code bootstrap_iters},
 * {@code interp_num_multiplier}, {@code min_std_factor}).
 *
 * @param replicates     B, seed-noise bootstrap replicates per budget and axis (1000)
 * @param gridMultiplier grid points per gap between observed sizes: G = multiplier·(k − 1) (25)
 * @param floorFactor    spread floor in units of the grid multiplier: the floor is
 *                       floorFactor·gridMultiplier grid steps (0.33, i.e. 8.25 steps)
 * @param noise          the seed-noise model σ(L)
 */
public record IsoflopSettings(int replicates, int gridMultiplier, double floorFactor, SeedNoise noise)
        implements java.io.Serializable {

    public IsoflopSettings {
        if (replicates < 2) {
            throw new IllegalArgumentException("need at least 2 bootstrap replicates, got " + replicates);
        }
        if (gridMultiplier < 1) {
            throw new IllegalArgumentException("the grid multiplier must be at least 1, got " + gridMultiplier);
        }
        if (!(floorFactor >= 0)) {
            throw new IllegalArgumentException("the floor factor must be non-negative, got " + floorFactor);
        }
        Objects.requireNonNull(noise, "noise");
    }

    /** Porian et al.'s constants: B = 1000, 25 grid points per gap, floor 0.33·25 grid steps. */
    public static IsoflopSettings porian(SeedNoise noise) {
        return new IsoflopSettings(1000, 25, 0.33, noise);
    }

    /** These settings with another number of replicates. */
    public IsoflopSettings withReplicates(int count) {
        return new IsoflopSettings(count, gridMultiplier, floorFactor, noise);
    }

    /** These settings with another noise model. */
    public IsoflopSettings withNoise(SeedNoise model) {
        return new IsoflopSettings(replicates, gridMultiplier, floorFactor, model);
    }

    /** φ = floorFactor·gridMultiplier, the spread floor in grid steps. */
    public double floorSteps() {
        return floorFactor * gridMultiplier;
    }
}
