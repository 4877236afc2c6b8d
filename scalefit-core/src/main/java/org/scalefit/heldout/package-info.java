/**
 * Held-out evaluation of laws by model size: does a law fitted without some model sizes predict their
 * losses? Two splits ({@link org.scalefit.heldout.HoldOut}): <em>leave one size out</em> — for each size, fit on all
 * the others and predict the held-out one — and <em>roll-out</em> — sort the sizes, fit on the k smallest and predict
 * every larger one, the extrapolation check of scaling-law practice (Hoffmann et al. 2022 and Gadre et al. 2024 fit
 * on small runs and check on large ones).
 *
 * <p>The flow: points are grouped into {@link org.scalefit.heldout.ModelSizes} (runs of equal key, ordered by
 * size); {@link org.scalefit.heldout.HeldOutEvaluation} fits the law ({@link org.scalefit.heldout.HeldOutLaw}: a
 * built-in law, or one written in the law language) with the multi-start engine of {@code scalefit fit} on each
 * training split and scores the held-out points ({@link org.scalefit.heldout.SizeError});
 * the fits and scores are a {@link org.scalefit.heldout.HeldOutReport}. Pure numerics, no I/O.
 */
package org.scalefit.heldout;
