/**
 * Approach 1 (Hoffmann et al. 2022 §3.1, as Gemstones run it, McLeish et al. 2025 §3.1): the runs on the lower convex
 * hull of loss against a resource ({@link org.scalefit.frontier.LossFrontier}; also Chinchilla's binning
 * minimisers), ordinary least-squares power laws of params, tokens and tokens per parameter along it
 * ({@link org.scalefit.frontier.Approach1}, {@link org.scalefit.frontier.LogLogFit}, with pairs-bootstrap
 * intervals), and each run's overspend against the frontier run of nearest loss
 * ({@link org.scalefit.frontier.Overspending}). The resource (FLOPs, GPU-hours) comes from
 * {@code org.scalefit.accounting}. Pure numerics, no I/O.
 */
package org.scalefit.frontier;
