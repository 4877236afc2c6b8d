/**
 * One class of figure builders per analysis family, each method a short pure function from an analysis result (a
 * core record) to a {@link org.scalefit.report.figure.Figure}: {@link org.scalefit.report.figures.FrontierFigures}
 * (Approach 1), {@link org.scalefit.report.figures.LawFitFigures} (Approach 3),
 * {@link org.scalefit.report.figures.AllocationFigures} (compute-optimal allocation and its bootstrap band),
 * {@link org.scalefit.report.figures.ShapeFigures} (shape search, feasible shapes) and
 * {@link org.scalefit.report.figures.OvertrainingFigures} (Gadre et al.'s Figure 1). A new analysis adds its own
 * class here; its figures need nothing else to appear in PNG, SVG and the report.
 */
package org.scalefit.report.figures;
