/**
 * Chinchilla's Approach 2 (IsoFLOP profiles) as Porian et al. 2024 run it (arXiv:2406.19146; {@code analysis.py}):
 * Akima interpolation with SciPy's end conditions ({@link org.scalefit.isoflop.AkimaInterpolator}), the per-budget
 * optimum and its seed-noise bootstrap ({@link org.scalefit.isoflop.IsoflopAnalysis},
 * {@link org.scalefit.isoflop.SeedNoise}), the power-law fits of N*, D*, ρ* in six variants and the saturating fit of
 * the optimal loss ({@link org.scalefit.isoflop.IsoflopFits}, {@link org.scalefit.isoflop.SaturatingLossFitter}),
 * and bootstrap intervals and Table 1 ({@link org.scalefit.isoflop.IsoflopIntervals}). Pure numerics, no I/O.
 *
 * <pre>{@code
 * List<BudgetOptimum> optima = IsoflopAnalysis.optima(budgets,
 *         IsoflopSettings.porian(SeedNoise.constant(0.002)), ResamplingStream.SPLITTABLE.normals(seed),
 *         LocalParallelism.allCores());
 * IsoflopFits fits = IsoflopFits.of(optima, false, LocalParallelism.allCores());
 * double a = fits.point(FitVariant.BS_MEDIAN_WEIGHTED).n().exponent();
 * }</pre>
 */
package org.scalefit.isoflop;
