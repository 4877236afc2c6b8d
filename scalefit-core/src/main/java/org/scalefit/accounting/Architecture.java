package org.scalefit.accounting;

import java.io.Serializable;

/**
 * The constants of a decoder-only transformer family that parameter and FLOP counts depend on, and those counts
 * (Gemstones {@code plotting_utils.py}; McLeish et al. 2025 §2).
 *
 * <p>Parameters of a model of width w and depth d, with n_h = ⌊w/h⌋ query heads of size h, n_g = ⌊n_h/g⌋ key-value
 * groups (g query heads a group) and a gated MLP of three w×(m·w) matrices:
 * <pre>
 *   attention = w·(n_h + 2·n_g)·h + h·n_h·w        (Q, K, V projections; output projection)
 *   mlp       = 3·w·(m·w)
 *   block     = attention + mlp + 2w               (two norms)
 *   total     = d·block + V·w + w + w·V             (embedding, final norm, untied LM head)
 * </pre>
 * The relaxed count takes n_h = w/h and n_g = n_h/g as real numbers, so it is smooth in w and d.
 *
 * @param vocabulary      V, vocabulary size (0 leaves out embedding and head)
 * @param sequenceLength  s, tokens per sequence
 * @param headSize        h
 * @param queriesPerGroup g, query heads sharing one key-value head (grouped-query attention)
 * @param mlpExpansion    m, MLP hidden size over width
 */
public record Architecture(int vocabulary, int sequenceLength, int headSize, int queriesPerGroup, int mlpExpansion)
        implements Serializable {

    public Architecture {
        if (vocabulary < 0 || sequenceLength <= 0 || headSize <= 0 || queriesPerGroup <= 0 || mlpExpansion <= 0) {
            throw new IllegalArgumentException("architecture constants must be positive (vocabulary ≥ 0): "
                    + "vocabulary " + vocabulary + ", sequence length " + sequenceLength + ", head size " + headSize
                    + ", queries per group " + queriesPerGroup + ", MLP expansion " + mlpExpansion);
        }
    }

    /** The Gemstones models: vocabulary 50 304, sequence length 2048, head size 128, 2 queries a group, MLP ×4. */
    public static Architecture gemstones() {
        return new Architecture(50304, 2048, 128, 2, 4);
    }

    /** The same family with another vocabulary (0: count without embedding and head). */
    public Architecture withVocabulary(int next) {
        return new Architecture(next, sequenceLength, headSize, queriesPerGroup, mlpExpansion);
    }

    /** Exact parameter count (integer head counts), as a double: counts of large models exceed 2⁵³ only far out. */
    public double parameters(int width, int depth) {
        requireShape(width, depth);
        long heads = width / headSize;
        long groups = heads / queriesPerGroup;
        return count(width, depth, heads, groups);
    }

    /** Parameter count with real-valued head and group counts (w/h and w/(h·g)). */
    public double relaxedParameters(double width, double depth) {
        if (!(width > 0) || !(depth > 0)) {
            throw new IllegalArgumentException("width and depth must be positive, were " + width + " and " + depth);
        }
        double heads = width / headSize;
        return count(width, depth, heads, heads / queriesPerGroup);
    }

    /** Parameters outside embedding and LM head: the blocks and the final norm (Kaplan et al.'s N). */
    public double nonEmbeddingParameters(int width, int depth) {
        return withVocabulary(0).parameters(width, depth);
    }

    private double count(double w, double d, double heads, double groups) {
        double attention = w * (heads + 2 * groups) * headSize + headSize * heads * w;
        double mlp = 3 * w * (mlpExpansion * w);
        double block = attention + mlp + 2 * w;
        return d * block + (double) vocabulary * w + w + w * (double) vocabulary;
    }

    static void requireShape(double width, double depth) {
        if (!(width > 0) || !(depth > 0) || Double.isInfinite(width) || Double.isInfinite(depth)) {
            throw new IllegalArgumentException("width and depth must be positive and finite, were " + width + " and "
                    + depth);
        }
    }
}
