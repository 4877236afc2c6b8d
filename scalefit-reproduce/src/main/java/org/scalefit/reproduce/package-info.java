/**
 * The study reproductions of {@code scalefit reproduce}: each study (Gemstones, Chinchilla as Epoch AI replicate it,
 * Gadre et al., Porian et al., Datablations) recomputes its published numbers from the bundled data with the library
 * and compares them with the published values, read through {@link org.scalefit.io.PublishedValues}
 * ({@link org.scalefit.reproduce.Comparison}: value, published, difference, tolerance, verdict), and adds the sections
 * of its report. Every study is registered in {@link org.scalefit.reproduce.Studies} (name, citation, what it
 * recomputes, the data it reads, how to run it); the command line takes its names from there.
 * <pre>{@code
 * ReproductionContext context = new ReproductionContext(LocalParallelism.allCores(), FitProgress.silent(), false);
 * for (Study study : Studies.select(List.of("chinchilla", "gadre"))) {
 *     StudyReproduction result = study.run(context);
 *     System.out.print(ReproductionTables.text(result));
 * }
 * }</pre>
 */
package org.scalefit.reproduce;
