/**
 * The data every analysis reads, as immutable values: a {@link org.scalefit.data.RunTable} of named numeric
 * columns with each row's source line (for error messages), the points of a fit
 * ({@link org.scalefit.data.Observations}: inputs and losses, with Epoch AI's rule of dropping the highest losses),
 * run keys grouping checkpoints into runs ({@link org.scalefit.data.RunKeys}), and benchmark scores
 * ({@link org.scalefit.data.BenchmarkScores}); the means and centred moments summed alike everywhere
 * ({@link org.scalefit.data.CentredMoments}) and the labels of choices ({@link org.scalefit.data.Labelled}).
 * Reading files is scalefit-io's job; this package holds no I/O.
 */
package org.scalefit.data;
