package org.scalefit.sensitivity;

import java.util.Objects;

/**
 * What distinguishes one allocation line of the rainbow from the base line of its family (Gemstones
 * {@code plotters/rainbow.py}, {@code df_cols}): the token range of the data, whether it is the cooldown
 * or the learning-rate ablation, whether parameters count the embeddings, and whether it may serve as a base at all
 * (reduced or single-width samples may not: the original's "Not Base").
 *
 * <p>A line is the base of its (approach, embeddings) family when it uses all tokens, is neither cooldown nor LR
 * ablation, and may serve as a base.
 *
 * @param tokens        {@link #ALL_TOKENS}, {@link #UP_TO_100B}, {@link #ONLY_ABOVE_120B} or {@link #UNKNOWN}
 * @param cooldown      fitted on the cooldown runs
 * @param lrAblation    fitted on the learning-rate ablation runs
 * @param embeddings    parameters include the embedding and head
 * @param baseCandidate may serve as the base of its family
 */
public record LineVariant(String tokens, boolean cooldown, boolean lrAblation, boolean embeddings,
                          boolean baseCandidate) {

    /** Every checkpoint, to 350B tokens ({@code hot_100b+}). */
    public static final String ALL_TOKENS = "all";
    /** Checkpoints up to 100B tokens ({@code hot}). */
    public static final String UP_TO_100B = "<=100b";
    /** Only checkpoints beyond 120B tokens ({@code hot_120b+_only}). */
    public static final String ONLY_ABOVE_120B = ">120b";
    /** A name the Gemstones convention does not describe. */
    public static final String UNKNOWN = "unknown";

    private static final String NO_EMBEDS = "_no_embeds";

    public LineVariant {
        Objects.requireNonNull(tokens, "tokens");
    }

    /** Whether this line is the base its family's Δ are measured from. */
    public boolean isBase() {
        return tokens.equals(ALL_TOKENS) && !cooldown && !lrAblation && baseCandidate;
    }

    /**
     * The variant a Gemstones file name describes, from the part that names the data: an Approach-3 set
     * ({@code hot}, {@code hot_100b+}, {@code hot_120b+_only}, {@code cool_end}, {@code lr_ablation_hot},
     * {@code hot_sampled_like_chinchilla}, {@code lr_ablation_hot_sampled_like_chinchilla}, {@code slim_chinchilla},
     * {@code hot_100b+_512x}) or an Approach-1 postfix ({@code ""}, {@code _100b+}, {@code _120b+_only},
     * {@code _cooldown}, {@code _lr_ablation}), each optionally ending in {@code _no_embeds}. The properties are the
     * original table's ({@code names_to_props}): cooldown and LR-ablation lines count as "all" tokens; reduced
     * samples and the single-width {@code 512x} set are never a base. Other names give {@link #UNKNOWN} tokens and
     * are never a base.
     */
    public static LineVariant ofGemstonesName(String name) {
        boolean embeddings = !name.endsWith(NO_EMBEDS);
        String data = embeddings ? name : name.substring(0, name.length() - NO_EMBEDS.length());
        if (data.startsWith("_")) {
            data = data.substring(1);
        }
        boolean lrAblation = data.startsWith("lr_ablation");
        if (data.contains("sampled_like_chinchilla") || data.contains("slim_chinchilla") || data.endsWith("_512x")) {
            return new LineVariant(ALL_TOKENS, false, lrAblation, embeddings, false);
        }
        return switch (data) {
            case "", "hot" -> new LineVariant(UP_TO_100B, false, false, embeddings, true);
            case "100b+", "hot_100b+" -> new LineVariant(ALL_TOKENS, false, false, embeddings, true);
            case "120b+_only", "hot_120b+_only" -> new LineVariant(ONLY_ABOVE_120B, false, false, embeddings, true);
            case "cooldown", "cool_end" -> new LineVariant(ALL_TOKENS, true, false, embeddings, true);
            case "lr_ablation", "lr_ablation_hot" -> new LineVariant(ALL_TOKENS, false, true, embeddings, true);
            default -> new LineVariant(UNKNOWN, false, lrAblation, embeddings, false);
        };
    }
}
