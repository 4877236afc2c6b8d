package org.scalefit.accounting;

import org.scalefit.data.Labelled;

/**
 * Conventions for the training FLOPs a model spends per token (forward and backward pass).
 *
 * <ul>
 *   <li>{@link #SIX_N}: 6·N with N all parameters, embeddings included (Hoffmann et al. 2022; Gemstones' "6N").</li>
 *   <li>{@link #GEMSTONES_GQA}: Gemstones' exact count for its grouped-query-attention models
 *       ({@code flops_per_token_gqa}, {@code plotting_utils.py}). With s the sequence length, h the head size,
 *       q = w/h query heads, kv = 2q/g key and value heads, m·w the MLP width, V the vocabulary:
 * <pre>
 *   attention    = 2s(q + kv)·w·h + 3.5·s·(q + kv/2)·h                   (projections, RoPE)
 *   kq = s²·h·q,  softmax = 3s²·q,  reduction = 2s²·h·q,  out = 2s·w·h·q
 *   attention_bw = d·(2·attention + 2.5·(kq + softmax + reduction) + 2·out)
 *   dense = 6s·w·(m·w) + 10s·(m·w) + 2ws,  norm = 14ws,  final_norm = 7ws,  logits = 2s·w·V
 *   forward  = d·(attention + kq + softmax + reduction + out + dense + norm) + final_norm + logits
 *   backward = attention_bw + 2·(d·(dense + norm) + final_norm + logits)
 *   per token = (forward + backward)/s
 * </pre></li>
 *   <li>{@link #KAPLAN}: 6·N with N the non-embedding parameters (Kaplan et al. 2020, C ≈ 6N).</li>
 *   <li>{@link #ATTENTION_INCLUSIVE}: 6·(N_non-embedding + w·V) + 6·d·s·w, Kaplan's count with the output layer
 *       and the attention-score FLOPs added (Kaplan et al. 2020 Table 1; the count Porian et al. 2024 §3 argue for).</li>
 * </ul>
 */
public enum FlopCount implements Labelled {
    SIX_N,
    GEMSTONES_GQA,
    KAPLAN,
    ATTENTION_INCLUSIVE;

    /** FLOPs per training token of the model of {@code width} and {@code depth} in {@code architecture}. */
    public double perToken(Architecture architecture, int width, int depth) {
        Architecture.requireShape(width, depth);
        return switch (this) {
            case SIX_N -> 6 * architecture.parameters(width, depth);
            case GEMSTONES_GQA -> gemstonesGqa(architecture, width, depth);
            case KAPLAN -> 6 * architecture.nonEmbeddingParameters(width, depth);
            case ATTENTION_INCLUSIVE -> 6 * (architecture.nonEmbeddingParameters(width, depth)
                    + (double) width * architecture.vocabulary())
                    + 6.0 * depth * architecture.sequenceLength() * width;
        };
    }

    /** Gemstones' exact count, also for real-valued width and depth (the relaxed shape search). */
    public static double gemstonesGqa(Architecture architecture, double w, double d) {
        Architecture.requireShape(w, d);
        double s = architecture.sequenceLength();
        double h = architecture.headSize();
        double q = w / h;
        double kv = 2 * q / architecture.queriesPerGroup();
        double attention = 2 * s * (q + kv) * w * h + 3.5 * s * (q + kv / 2) * h;
        double kqLogits = s * s * h * q;
        double softmax = 3 * s * s * q;
        double softmaxReduction = 2 * s * s * h * q;
        double finalLinear = 2 * s * w * h * q;
        double attentionBackward = (2 * attention + 2.5 * (kqLogits + softmax + softmaxReduction) + 2 * finalLinear) * d;
        attention += kqLogits + softmax + softmaxReduction + finalLinear;
        double ffw = architecture.mlpExpansion() * w;
        double dense = 6 * s * w * ffw + 10 * s * ffw + 2 * w * s;
        double rmsNorm = 14 * w * s;
        double finalRms = 7 * w * s;
        double finalLogits = 2 * s * w * architecture.vocabulary();
        double nonAttentionBackward = 2 * (d * (dense + rmsNorm) + finalRms + finalLogits);
        double forward = d * (attention + dense + rmsNorm) + finalRms + finalLogits;
        return (forward + attentionBackward + nonAttentionBackward) / s;
    }

    /** The convention called {@code label} (see {@link #label()}). */
    public static FlopCount fromLabel(String label) {
        return Labelled.byLabel(FlopCount.class, label, "FLOP count");
    }
}
