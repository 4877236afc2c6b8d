/**
 * Step one of the scalefit flow: reading run tables. Files (JSONL, CSV, Parquet) and the bundled studies
 * ({@code gemstones:<set>}, {@code chinchilla:epoch}) are read through DuckDB, every requested value is checked
 * (present, numeric, finite, positive, no duplicated rows), and the result is handed to the analyses as an
 * immutable {@link org.scalefit.data.RunTable} that remembers where each row came from.
 *
 * <p>Entry points: {@link org.scalefit.io.TableReader} with a {@link org.scalefit.io.ColumnRequest};
 * bundled data via {@link org.scalefit.io.BundledDataset}; bad input surfaces as
 * {@link org.scalefit.io.InputException}.
 */
package org.scalefit.io;
