/**
 * The results store, the step after the analyses in the scalefit flow: an embedded DuckDB file that keeps every
 * result an analysis computed, with the provenance needed to reproduce it, so that the same analysis of the same
 * data with the same options is served from the file instead of recomputed.
 *
 * <p>Entry point: {@link org.scalefit.io.store.ResultsStore}. A result is filed under a
 * {@link org.scalefit.io.store.CacheKey} — the SHA-256 of the analysis kind, the data's SHA-256, the canonical
 * options and the scalefit version — and comes back as a {@link org.scalefit.io.store.StoredResult}; the run table
 * it was computed from is recorded as a {@link org.scalefit.io.store.StoredRunTable}. Failures to open or write the
 * file surface as {@link org.scalefit.io.store.ResultsStoreException}.
 */
package org.scalefit.io.store;
