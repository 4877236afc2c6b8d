/**
 * The Apache Spark engine ({@code --engine spark}): an {@link org.scalefit.parallel.EngineProvider} found at run time
 * whose {@link org.scalefit.parallel.Parallelism} runs the same tasks as the local engine on Spark executors, serialised
 * with Java serialisation, so that results are the same bytes whatever the engine ({@code SparkParallelism});
 * data on Hadoop file systems is copied to the driver first ({@code HadoopLocalCopy}).
 */
package org.scalefit.spark;

