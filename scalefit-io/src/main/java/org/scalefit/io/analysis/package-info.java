/**
 * The library's entry points: one request value per analysis, which reads its data, runs the analysis of
 * scalefit-core and returns a typed result that writes its document — data → analysis → document, the flow every
 * command and study reproduction follows.
 * <ul>
 *   <li>{@link org.scalefit.io.analysis.FitRequest}: an Approach-3 fit of a run table
 *       ({@code prepare} → {@link org.scalefit.io.analysis.PreparedFit}, with the results store's key →
 *       {@code fit} → {@link org.scalefit.io.analysis.FitOutcome} → {@link org.scalefit.io.FitDocument});</li>
 *   <li>{@link org.scalefit.io.analysis.PreparedExpressionFit}: a fit of a law of the law language with its data
 *       read and the results store's key ({@code request()} → {@link org.scalefit.law.expr.ExpressionFitRequest},
 *       {@code document} → {@link org.scalefit.io.ExpressionFitDocument});</li>
 *   <li>{@link org.scalefit.io.analysis.FrontierRequest}: Approach 1 with the runs' params, FLOPs and GPU-hours
 *       ({@link org.scalefit.io.analysis.CostRequest});</li>
 *   <li>{@link org.scalefit.io.analysis.IsoflopRequest}: Approach 2, IsoFLOP profiles of a run table, a checkpoint
 *       table or a Porian et al. configuration → {@link org.scalefit.io.analysis.IsoflopResult};</li>
 *   <li>{@link org.scalefit.io.analysis.FitBootstrapRequest}: the bootstrap of a stored fit, its data reloaded and
 *       checked;</li>
 *   <li>{@link org.scalefit.io.analysis.EpochRequest}: Epoch AI's Fit B, bootstrap, tests and policy;</li>
 *   <li>{@link org.scalefit.io.analysis.HeldOutRequest}: held-out evaluation by model size ({@code prepare} →
 *       {@link org.scalefit.io.analysis.PreparedHeldOut} → {@link org.scalefit.io.analysis.HeldOutResult});</li>
 *   <li>{@link org.scalefit.io.analysis.ShapeSearchRequest} and {@link org.scalefit.io.analysis.FeasibleShapesRequest}:
 *       width–depth prescriptions and feasible shapes; {@link org.scalefit.io.analysis.ParabolaRequest}: the
 *       overtraining parabola;</li>
 *   <li>{@link org.scalefit.io.analysis.RainbowRequest} and {@link org.scalefit.io.analysis.SamplingRequest}: the
 *       allocation-line rainbow and the reduced-sampling study;</li>
 *   <li>{@link org.scalefit.io.analysis.BenchmarksRequest}: downstream laws of benchmark accuracy in loss;</li>
 *   <li>{@link org.scalefit.io.analysis.DatasetAnalysisRequest}: every analysis {@code scalefit report} shows of one
 *       run table (Approach 1, the Approach-3 fit, its bootstrap and allocation bands, and the optional shape
 *       search, parabola, benchmark and over-training laws) → {@link org.scalefit.io.analysis.DatasetAnalysisResult},
 *       which a report only lays out.</li>
 * </ul>
 * Allocation needs no request: {@link org.scalefit.io.AllocationRules#named} gives the rule of a fit file or a
 * reference law, and {@link org.scalefit.law.AllocationRule#at(double...)} splits budgets.
 * <pre>{@code
 * FitOutcome outcome = FitRequest.of(DataSource.of("runs.csv"), LawForm.CHINCHILLA).prepare()
 *         .fit(LocalParallelism.allCores(), FitProgress.silent());
 * Files.writeString(Path.of("fit.json"), outcome.document().write());
 * }</pre>
 */
package org.scalefit.io.analysis;
