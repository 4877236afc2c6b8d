/**
 * Where the analyses' independent tasks run (the blocks of starts of a multi-start search, the replicates of a
 * bootstrap): the contract {@link org.scalefit.parallel.Parallelism} — results in task order, never depending on the
 * number of threads or where the tasks ran — this machine's threads ({@link org.scalefit.parallel.LocalParallelism},
 * {@link org.scalefit.parallel.LocalEngine}), and engines found at run time
 * ({@link org.scalefit.parallel.EngineProvider}, e.g. the Spark engine of {@code scalefit-spark}). No I/O.
 */
package org.scalefit.parallel;
