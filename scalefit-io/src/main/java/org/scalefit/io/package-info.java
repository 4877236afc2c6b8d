/**
 * Step one of the scalefit flow: reading run tables. Files (JSONL, CSV, Parquet) and the bundled studies
 * ({@code gemstones:<set>}, {@code chinchilla:epoch}) are read through DuckDB, every requested value is checked
 * (present, numeric, finite, positive, no duplicated rows), and the result is handed to the analyses as an
 * immutable {@link org.scalefit.data.RunTable} that remembers where each row came from.
 *
 * <p>Entry points: {@link org.scalefit.io.TableReader} with a {@link org.scalefit.io.ColumnRequest};
 * bundled data via {@link org.scalefit.io.BundledDataset}; bad input surfaces as
 * {@link org.scalefit.io.InputException}.
 *
 * <p>The last step, writing results: every result document is a record ({@link org.scalefit.io.ResultDocument})
 * written and read by the one mapper {@link org.scalefit.io.Documents}, and says how it was made through one
 * {@link org.scalefit.io.Envelope}; hand-written formats are only foreign ones (Gemstones' parameter files,
 * {@link org.scalefit.io.FitResultJson}, {@link org.scalefit.io.FrontierResultJson}; Parquet).
 */
package org.scalefit.io;
