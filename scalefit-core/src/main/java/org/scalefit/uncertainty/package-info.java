/**
 * Uncertainty of fitted scaling laws: Epoch AI's Huber-likelihood estimate with a fitted residual scale
 * ({@link org.scalefit.uncertainty.HuberLikelihoodObjective}, {@link org.scalefit.uncertainty.HuberLikelihoodFit})
 * and the bootstrap of Besiroglu et al. 2024 ({@link org.scalefit.uncertainty.PairsBootstrap},
 * {@link org.scalefit.uncertainty.BootstrapResult}) for any Approach-3 law, resampling points or whole runs
 * ({@link org.scalefit.uncertainty.ResamplingUnits}), with the bands of the compute-optimal allocation it implies
 * ({@link org.scalefit.uncertainty.AllocationBands}); Epoch's tests of the estimate against Hoffmann et al.'s law
 * ({@link org.scalefit.uncertainty.TestsAgainstReference}) and their tokens-per-parameter policy band
 * ({@link org.scalefit.uncertainty.TokensPerParameterPolicy}). Pure numerics, no I/O.
 */
package org.scalefit.uncertainty;
