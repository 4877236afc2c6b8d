/**
 * What a training run costs: parameter counts of a shape ({@link org.scalefit.accounting.Architecture}), FLOPs per
 * token under the studies' conventions ({@link org.scalefit.accounting.FlopCount}: 6N, Gemstones' exact GQA count,
 * Kaplan's and the attention-inclusive count), FLOPs and GPU-hours of whole runs
 * ({@link org.scalefit.accounting.TrainingCompute}), and the one rule by which the frontier, the report and the
 * reproductions count the params, FLOPs and GPU-hours of a run table ({@link org.scalefit.accounting.RunCompute}).
 * Pure numerics, no I/O.
 */
package org.scalefit.accounting;
