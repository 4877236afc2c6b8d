/**
 * One class of figure builders per analysis family, each method a short pure function from an analysis result (a
 * core record) to a {@link org.scalefit.report.figure.Figure}: {@link org.scalefit.report.figures.FrontierFigures}
 * (Approach 1), {@link org.scalefit.report.figures.LawFitFigures} (Approach 3),
 * {@link org.scalefit.report.figures.AllocationFigures} (compute-optimal allocation and its bootstrap band),
 * {@link org.scalefit.report.figures.ShapeFigures} (shape search, feasible shapes),
 * {@link org.scalefit.report.figures.OvertrainingFigures} (Gadre et al.'s Figure 1),
 * {@link org.scalefit.report.figures.ParabolaFigures} (Gemstones' overtraining parabola),
 * {@link org.scalefit.report.figures.SensitivityFigures} (δ × grid size, the rainbow, reduced sampling),
 * {@link org.scalefit.report.figures.UncertaintyFigures} (Epoch AI's tokens-per-parameter policy band),
 * {@link org.scalefit.report.figures.BenchmarkFigures} (Gemstones' downstream benchmarks and validation sets),
 * {@link org.scalefit.report.figures.HeldOutFigures} (held-out model sizes) and
 * {@link org.scalefit.report.figures.IsoflopFigures} (Approach 2: IsoFLOP curves, optimal pairs and their laws, the
 * optimal loss, Porian et al.'s exponent against experiment cost). A new analysis adds its own
 * class here; its figures need nothing else to appear in PNG, SVG and the report.
 */
package org.scalefit.report.figures;
