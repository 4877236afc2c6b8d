/**
 * Approach 3, Chinchilla's parametric fit (Hoffmann et al. 2022 §3.3) as Gemstones (McLeish et al. 2025) and Epoch AI
 * (Besiroglu et al. 2024) run it: a log-sum-exp power law
 * <pre>
 *   log L̂(x) = logsumexp(c_1 − α_1·log x_1, …, c_k − α_k·log x_k, e)
 * </pre>
 * fitted by minimising Σ_i Huber_δ(log L̂(x_i) − log L_i) ({@link org.scalefit.fit.HuberLogLossObjective}) with
 * L-BFGS ({@link org.scalefit.fit.Lbfgs}, scipy's {@code L-BFGS-B} without bounds) from every point of a grid of starts
 * ({@link org.scalefit.fit.StartGrid}), keeping the best start that converged.
 *
 * <p>The flow: a {@link org.scalefit.fit.FitProblem} (law, points, δ, grid, search options) is solved on an engine
 * ({@link org.scalefit.parallel.Parallelism}, whose results never depend on the thread count) by
 * {@link org.scalefit.fit.MultiStartFitter}, which recognises starts heading into already-found basins, polishes the
 * leaders and tests the optimum ({@link org.scalefit.fit.Stationarity}); the result is a
 * {@link org.scalefit.fit.LawFit} — status, fitted law, named parameters, competing basin, parameters at an edge of
 * the objective's domain ({@link org.scalefit.fit.DomainEdge}) and warnings ({@link org.scalefit.fit.FitDiagnostics}).
 * <pre>{@code
 * LawFit fit = FitProblem.of(LawForm.CHINCHILLA, points, 1e-3, StartGrid.gemstones(2))
 *         .fit(LocalParallelism.allCores(), FitProgress.silent());
 * if (fit.succeeded()) {
 *     FittedLaw law = fit.fittedLaw();
 * }
 * }</pre>
 * Pure numerics, no I/O.
 */
package org.scalefit.fit;

import org.scalefit.parallel.LocalParallelism;
import org.scalefit.parallel.Parallelism;
