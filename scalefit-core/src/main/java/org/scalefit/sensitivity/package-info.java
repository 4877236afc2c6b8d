/**
 * Sensitivity of Approach-3 results to the choices behind them (Gemstones, McLeish et al. 2025:
 * {@code slope_analysis.py}, {@code rainbow.py}, {@code chinchilla_reduced_sampling.py}). Pure numerics, no I/O.
 *
 * <p>Three analyses, each a short pipeline:
 * <ul>
 *   <li>δ × grid size ({@link org.scalefit.sensitivity.DeltaGridSweep}): the params/tokens law refitted for every
 *       Huber threshold and start-grid size ({@link org.scalefit.sensitivity.ParamSearchArray}), with the allocation
 *       slopes ({@link org.scalefit.sensitivity.AllocationSlopes}) of each fit;</li>
 *   <li>reduced sampling: a reference study cut to a few model sizes ({@link org.scalefit.sensitivity.SizeWindows}),
 *       its design per size class ({@link org.scalefit.sensitivity.ReferenceDesign}), one's own runs sampled like it
 *       ({@link org.scalefit.sensitivity.DesignSampling}), and the change of the law between the full and the reduced
 *       table ({@link org.scalefit.sensitivity.SamplingComparison});</li>
 *   <li>the rainbow: allocation lines from Approach 1 and 3 and reference laws
 *       ({@link org.scalefit.sensitivity.RainbowLine}), ordered, with Δ to the base line of each family
 *       ({@link org.scalefit.sensitivity.RainbowTable}, {@link org.scalefit.sensitivity.LineVariant}).</li>
 * </ul>
 */
package org.scalefit.sensitivity;
