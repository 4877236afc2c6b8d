/**
 * Report sections: for each analysis, a function from its results to a {@link org.scalefit.report.Section} (text,
 * key numbers with their uncertainty, tables, figures from {@code org.scalefit.report.charts}). A command composes
 * the sections it computed into a {@link org.scalefit.report.Report} and writes it with
 * {@link org.scalefit.report.HtmlReport#write}.
 */
package org.scalefit.report.sections;
