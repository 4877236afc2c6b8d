package org.scalefit.shapes;

import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;

/**
 * The Approach-3 laws Gemstones published for {@code hot_100b+} (Huber δ = 1e-3, folder {@code parameters_delta-3}
 * of McLeish et al. 2025, MIT licence): θ = [exponents, log coefficients, log irreducible error].
 */
final class PublishedLaws {

    /** {@code approach_3_width_depth_parameters_grid_search_0_hot_100b+.json}: [width, depth, params, tokens]. */
    static final FittedLaw WIDTH_DEPTH_PARAMS = new FittedLaw(LawForm.WIDTH_DEPTH_PARAMS, new double[] {
        0.205280776, 0.4741415976, 0.372096494, 0.5116481093,
        1.0738807871, -0.2097602665, 6.2174536361, 10.9040518165, 0.3966401522});

    /** {@code approach_3_width_depth_grid_search_0_hot_100b+.json}: [width, depth, tokens] (E underflows to 0). */
    static final FittedLaw WIDTH_DEPTH = new FittedLaw(LawForm.WIDTH_DEPTH, new double[] {
        0.2606504897, 0.1416453973, 0.530963438, 2.1144598737, 0.7307645279, 11.2841184982, -4555.3789970242});

    /** {@code approach_3_parameters_grid_search_0_hot_100b+.json}: [params, tokens]. */
    static final FittedLaw PARAMS = new FittedLaw(LawForm.CHINCHILLA, new double[] {
        0.2591125694, 0.5972679073, 4.9008415415, 12.850969215, 0.6681624725});

    private PublishedLaws() {
    }
}
