/**
 * The last step of the flow: figures and the self-contained HTML report.
 *
 * <ul>
 *   <li>{@code org.scalefit.report.plot}: an immutable description of a 2-D figure ({@link
 *       org.scalefit.report.plot.Figure}: title, log/linear axes, styled series with optional bands and per-point
 *       labels) and its renderers: XChart to PNG and SVG files, and an interactive inline SVG for HTML.</li>
 *   <li>{@code org.scalefit.report.charts}: one class per analysis family, each a set of short pure functions from
 *       an analysis result to figure descriptions.</li>
 *   <li>{@code org.scalefit.report.sections}: one function per analysis from its results to a report section.</li>
 *   <li>{@code org.scalefit.report.dataset}: the report of one run table as a request ({@link
 *       org.scalefit.report.dataset.DatasetReportRequest}: data and options in, a report out), which runs
 *       scalefit-io's {@link org.scalefit.io.analysis.DatasetAnalysisRequest} and lays its typed result out with the
 *       sections above.</li>
 *   <li>{@code org.scalefit.report}: the report model ({@link org.scalefit.report.Report}, {@link
 *       org.scalefit.report.Section}, {@link org.scalefit.report.Provenance}) and {@link
 *       org.scalefit.report.HtmlReport}, which writes it as one directory.</li>
 * </ul>
 * Nothing here implements or runs an analysis step: typed results come in (the dataset report gets them from
 * {@code DatasetAnalysisRequest.run}), pictures and text go out.
 */
package org.scalefit.report;
