/**
 * Gadre et al. 2024, "Language models scale reliably with over-training and on downstream tasks"
 * (arXiv 2403.08540; code {@code mlfoundations/scaling}, {@code scaling/laws.py} and {@code scaling/shared.py}):
 * the over-training law L(N, M) of loss in parameters N and tokens per parameter M, the downstream law Err(L) of
 * average top-1 error in loss, their least-squares fits, and chained predictions of held-out runs.
 *
 * <p>The flow, top to bottom: {@link org.scalefit.overtraining.ModelRun runs} are split into fit sets and targets
 * ({@link org.scalefit.overtraining.RunSplit}); {@link org.scalefit.overtraining.OvertrainingFitter} fits
 * {@link org.scalefit.overtraining.OvertrainingLaw} on the loss-fit runs;
 * {@link org.scalefit.overtraining.DownstreamFitter} fits {@link org.scalefit.overtraining.DownstreamErrorLaw} on
 * the downstream-fit runs' observed losses; {@link org.scalefit.overtraining.OvertrainingAnalysis} predicts each
 * target's loss from (N, M) and its error from the <em>predicted</em> loss. Pure numerics, no I/O.
 *
 * <p>Also Bhagia et al. 2024's sigmoid accuracy law ({@link org.scalefit.overtraining.SigmoidAccuracyLaw},
 * {@link org.scalefit.overtraining.SigmoidAccuracyFitter}), and both downstream laws fitted to benchmark scores at
 * their losses ({@link org.scalefit.overtraining.BenchmarkLawFits}, Gemstones' benchmarks); every fit carries
 * curve_fit's {@link org.scalefit.overtraining.FitStatistics} (RSS, R², standard errors).
 */
package org.scalefit.overtraining;
