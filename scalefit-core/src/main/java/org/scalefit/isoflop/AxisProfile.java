package org.scalefit.isoflop;

/**
 * One IsoFLOP profile along one axis (model size N or tokens D) and its seed-noise bootstrap (Porian et al.,
 * {@code analysis.py}, {@code interp_flop} and {@code vectorized_interp_with_seed_noise}).
 *
 * <p>The curve is L̂(g_j) = exp(p(ln g_j)) with p the {@link AkimaInterpolator} through (ln x_i, ln L_i) on the
 * geometric grid g_0 = min x … g_{G−1} = max x, G = multiplier·(k − 1); the optimum index j* is the first argmin.
 * Replicate b perturbs every loss, L̃_{b,i} = L_i + σ(L_i)·z_{b,i}, and takes the argmin j_b of its own
 * interpolant on the same grid; it is valid iff 0 &lt; j_b &lt; G − 1. With V valid replicates out of B the bootstrap
 * fails when V &lt; B/2; otherwise the spreads (population standard deviations in log space) are
 * σ_x = max(sd(ln g_{j_b}), φ·ln(g_1/g_0))·B/V and σ_L = max(sd(ln L*_b), φ·min_i ln(L_{i+1}/L_i))·B/V
 * (φ = {@link IsoflopSettings#floorSteps()}, consecutive noiseless losses in this axis's order).
 *
 * @param grid          g_0 … g_{G−1}
 * @param curve         L̂ on the grid
 * @param optimumIndex  j*
 * @param drawIndices   the grid indices j_b of the valid replicates, in replicate order (empty if the bootstrap failed)
 * @param drawLosses    L*_b = L̂_b(g_{j_b}) of the valid replicates (same order)
 * @param validCount    V (counted even when the bootstrap failed)
 * @param spread        σ_x, NaN if the bootstrap failed
 * @param lossSpread    σ_L, NaN if the bootstrap failed
 */
public record AxisProfile(double[] grid, double[] curve, int optimumIndex, int[] drawIndices, double[] drawLosses,
                          int validCount, double spread, double lossSpread) {

    public AxisProfile {
        grid = grid.clone();
        curve = curve.clone();
        drawIndices = drawIndices.clone();
        drawLosses = drawLosses.clone();
    }

    @Override
    public double[] grid() {
        return grid.clone();
    }

    @Override
    public double[] curve() {
        return curve.clone();
    }

    @Override
    public int[] drawIndices() {
        return drawIndices.clone();
    }

    @Override
    public double[] drawLosses() {
        return drawLosses.clone();
    }

    /** Whether the noiseless optimum lies strictly inside the grid. */
    public boolean interior() {
        return optimumIndex > 0 && optimumIndex < grid.length - 1;
    }

    /** Whether the bootstrap kept at least half of its replicates (its draws and spreads exist). */
    public boolean bootstrapSucceeded() {
        return !Double.isNaN(spread);
    }

    /** The optima x*_b = g_{j_b} of the valid replicates. */
    public double[] draws() {
        double[] draws = new double[drawIndices.length];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = grid[drawIndices[i]];
        }
        return draws;
    }

    /** The noiseless optimum g_{j*}. */
    public double optimum() {
        return grid[optimumIndex];
    }

    /** The noiseless minimum L̂(g_{j*}). */
    public double minimumLoss() {
        return curve[optimumIndex];
    }
}
