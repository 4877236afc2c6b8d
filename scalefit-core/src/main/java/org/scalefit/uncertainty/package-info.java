/**
 * Uncertainty of fitted scaling laws: Epoch AI's Huber-likelihood estimate with a fitted residual scale
 * ({@link org.scalefit.uncertainty.HuberLikelihoodObjective}, {@link org.scalefit.uncertainty.HuberLikelihoodFit})
 * and the pairs bootstrap ({@link org.scalefit.uncertainty.PairsBootstrap},
 * {@link org.scalefit.uncertainty.BootstrapResult}) of Besiroglu et al. 2024. Pure numerics, no I/O.
 */
package org.scalefit.uncertainty;
