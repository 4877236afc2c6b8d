package org.scalefit.shapes;

import org.scalefit.accounting.Architecture;
import org.scalefit.data.Labelled;

/**
 * Which parameter count a shape search feeds to a law's {@code params} input, as Gemstones' brute-force script
 * chooses it ({@code approach_3_brute_force.py}, {@code add_cols_to_df_apply}; counts of
 * {@link Architecture}):
 *
 * <ul>
 *   <li>{@link #EXACT}: {@code param_counter(w, d)}, integer head counts, embedding and LM head included (the
 *       default; the count the published laws were fitted on, {@code params_active_precise});</li>
 *   <li>{@link #NO_EMBEDS}: {@code param_counter(w, d, vocab_size=0)} ({@code --no_embeds});</li>
 *   <li>{@link #RELAXED_NO_EMBEDS}: {@code param_counter_relaxed(w, d, vocab_size=0)}, real-valued head counts
 *       ({@code --relaxed}, which also switches the SLSQP refinement on);</li>
 *   <li>{@link #RELAXED}: {@code param_counter_relaxed(w, d)}, real-valued heads with embeddings.</li>
 * </ul>
 * The continuous refinement ({@link RelaxedShape}) always uses the relaxed count with the same vocabulary.
 */
public enum ParameterCount implements Labelled {
    EXACT,
    NO_EMBEDS,
    RELAXED_NO_EMBEDS,
    RELAXED;

    /** The count of the integer shape w × d. */
    public double of(Architecture architecture, int width, int depth) {
        Architecture counted = embeddings() ? architecture : architecture.withVocabulary(0);
        return relaxedHeads() ? counted.relaxedParameters(width, depth) : counted.parameters(width, depth);
    }

    /** The smooth count of a real-valued shape: real-valued heads, this count's vocabulary. */
    public double relaxed(Architecture architecture, double width, double depth) {
        Architecture counted = embeddings() ? architecture : architecture.withVocabulary(0);
        return counted.relaxedParameters(width, depth);
    }

    /** Whether embedding and LM head are counted. */
    public boolean embeddings() {
        return this == EXACT || this == RELAXED;
    }

    /** Whether head counts are real-valued (w/h) rather than ⌊w/h⌋. */
    public boolean relaxedHeads() {
        return this == RELAXED || this == RELAXED_NO_EMBEDS;
    }

    /** The count called {@code label} (see {@link #label()}). */
    public static ParameterCount fromLabel(String label) {
        return Labelled.byLabel(ParameterCount.class, label, "parameter count");
    }
}
