/**
 * The analyses' and studies' charts: one class of figure builders per analysis family, each method a short pure
 * function from an analysis result (a core record, computed by scalefit-core or {@code org.scalefit.io.analysis}) to a
 * {@link org.scalefit.report.plot.Figure} drawn with the primitives of {@code org.scalefit.report.plot}:
 * {@link org.scalefit.report.charts.FrontierFigures} (Approach 1), {@link org.scalefit.report.charts.LawFitFigures} (Approach 3),
 * {@link org.scalefit.report.charts.AllocationFigures} (compute-optimal allocation and its bootstrap band),
 * {@link org.scalefit.report.charts.ShapeFigures} (shape search, feasible shapes),
 * {@link org.scalefit.report.charts.OvertrainingFigures} (Gadre et al.'s Figure 1),
 * {@link org.scalefit.report.charts.ParabolaFigures} (Gemstones' overtraining parabola),
 * {@link org.scalefit.report.charts.SensitivityFigures} (δ × grid size, the rainbow, reduced sampling),
 * {@link org.scalefit.report.charts.UncertaintyFigures} (Epoch AI's tokens-per-parameter policy band),
 * {@link org.scalefit.report.charts.BenchmarkFigures} (Gemstones' downstream benchmarks and validation sets),
 * {@link org.scalefit.report.charts.HeldOutFigures} (held-out model sizes) and
 * {@link org.scalefit.report.charts.IsoflopFigures} (Approach 2: IsoFLOP curves, optimal pairs and their laws, the
 * optimal loss, Porian et al.'s exponent against experiment cost). A new analysis adds its own
 * class here; its figures need nothing else to appear in PNG, SVG and the report.
 */
package org.scalefit.report.charts;
