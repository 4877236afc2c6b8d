/**
 * The {@code scalefit} command line (picocli): each command parses its options, calls the library
 * ({@code org.scalefit.io.analysis} and scalefit-core), writes the result document and prints a summary. Option
 * groups shared by several commands are mixins ({@code DataOptions}, {@code TransformOptions}, {@code SearchOptions},
 * {@code ThreadsOptions}, {@code EngineOptions}, {@code StoreOptions}, {@code ComputeOptions}); failures become exit
 * codes in one execution-exception handler ({@code Failures}: 1 I/O, 2 usage, 3 bad input data, 4 fit failed, 130
 * interrupted).
 */
package org.scalefit.cli;
