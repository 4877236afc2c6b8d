package org.scalefit.reproduce;

import org.scalefit.fit.FitProgress;
import org.scalefit.parallel.Parallelism;

/**
 * What every study's reproduction runs with: the workers, a listener for long fits, and whether to include the fits
 * that take most of an hour (the 4-input width–depth laws' 4 050 000-start grids).
 *
 * @param parallelism the workers
 * @param progress hears how far long fits have got
 * @param full whether to run the hour-long fits as well
 */
public record ReproductionContext(Parallelism parallelism, FitProgress progress, boolean full) {
}
