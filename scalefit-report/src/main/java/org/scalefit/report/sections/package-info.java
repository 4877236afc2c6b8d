/**
 * Report sections: for each analysis, a function from its results to a {@link org.scalefit.report.Section} (text,
 * key numbers with their uncertainty, tables, figures from {@code org.scalefit.report.charts}). A command composes
 * the sections it computed into a {@link org.scalefit.report.Report} and writes it with
 * {@link org.scalefit.report.HtmlReport#write}. A section computes nothing: analyses that combine several steps have
 * their entry point in {@code org.scalefit.io.analysis} (e.g. {@code GemstonesParabolas}, {@code
 * GemstonesBenchmarkLaws}), and the section renders the typed value it returns.
 */
package org.scalefit.report.sections;
