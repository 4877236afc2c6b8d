/**
 * The chart-drawing primitives: figures as values and their two renderers. Nothing here knows an analysis; the study
 * and analysis figures built from these are in {@code org.scalefit.report.charts}.
 *
 * <p>A {@link org.scalefit.report.plot.Figure} is an immutable description — id, title, two
 * {@link org.scalefit.report.plot.Axis axes} (linear or log, with a label) and
 * {@link org.scalefit.report.plot.Series series} (name, x, y, {@link org.scalefit.report.plot.SeriesStyle style},
 * optional {@link org.scalefit.report.plot.Band band} and per-point labels), and optionally a
 * {@link org.scalefit.report.plot.ColorKey colour key} for series coloured by a quantity (model size) rather than
 * named one by one in the legend — built by chaining:
 * <pre>{@code
 * Figure figure = Figure.of("loss-vs-flops", "Loss against FLOPs", Axis.log("training FLOPs"), Axis.log("loss"))
 *         .with(Series.of("1024x28", flops, loss, styles.forRun("1024x28", 0)).withPointLabels(labels))
 *         .with(Series.of("fit", c, fitted, SeriesStyle.dashed("#1f77b4")).withBand(new Band(low, high)));
 * }</pre>
 * {@link org.scalefit.report.plot.XChartRenderer} draws it to PNG and SVG files;
 * {@link org.scalefit.report.plot.InteractiveSvg} to an SVG fragment for the HTML report (hover labels, legend
 * toggles). Both use the same {@link org.scalefit.report.plot.PlotFrame ranges} and
 * {@link org.scalefit.report.plot.AxisTicks tick labels}, and both draw the colour key beside the plot.
 * {@link org.scalefit.report.plot.RunStyles} gives each run
 * the colour and line of Gemstones' plots.
 */
package org.scalefit.report.plot;
