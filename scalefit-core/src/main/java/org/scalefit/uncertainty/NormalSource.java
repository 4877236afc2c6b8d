package org.scalefit.uncertainty;

/**
 * A sequential source of standard normal matrices, for noise bootstraps. Which matrices it returns depends only on
 * its seed and on the order and shapes of the calls; callers that parallelise draw every matrix first, in a fixed
 * order, so that results never depend on the number of threads. Stateful, not thread-safe.
 */
public interface NormalSource {

    /** The next rows × cols matrix of independent N(0, 1) values (row = replicate). */
    double[][] nextMatrix(int rows, int cols);
}
