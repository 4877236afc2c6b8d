/**
 * JMH benchmarks of the hot paths (the Approach-3 multi-start fit, the shape search, laws written as text); their
 * measured medians and the machine's load at the time are recorded in {@code benchmarks/BENCHMARKS.md}, never
 * asserted in unit tests.
 */
package org.scalefit.bench;
