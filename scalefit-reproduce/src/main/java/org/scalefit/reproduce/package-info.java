/**
 * The study reproductions of {@code scalefit reproduce}: each study (Gemstones, Chinchilla as Epoch AI replicate it,
 * Gadre et al., Porian et al., Datablations) recomputes its published numbers from the bundled data with the library
 * and compares them with the published values ({@link org.scalefit.reproduce.Comparison}: value, published,
 * difference, tolerance, verdict), and adds the sections of its report.
 */
package org.scalefit.reproduce;
