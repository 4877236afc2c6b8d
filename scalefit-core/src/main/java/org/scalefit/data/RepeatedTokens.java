package org.scalefit.data;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * How many points of a table trained on repeated data: a point repeats its data when its tokens D exceed its
 * unique tokens U (D &gt; U·(1 + {@value #TOLERANCE})), i.e. it saw R = D/U &gt; 1 epochs of them. A law in D alone
 * (Chinchilla's L = E + A/N^α + B/D^β, Hoffmann et al. 2022 eq. 2) counts a repeated token as a fresh one, which
 * Muennighoff et al. (2023, "Scaling Data-Constrained Language Models", §3.1 eq. 5) find is worth less with every
 * epoch; their data-constrained law models it.
 *
 * <p>A point whose unique tokens are not a positive finite number (a blank or bad cell) is not counted either way.
 * Points are counted as such ({@link #of}), or by run ({@link #ofRuns}) when the table names each point's run: a
 * table of checkpoints has many points per run, and a run repeats its data when one of its points does.
 *
 * @param count      the points (or runs) examined
 * @param repeating  the points with D &gt; U (or the runs with such a point)
 * @param mostEpochs the largest D/U over the points with a known U (NaN when none has one)
 * @param byRun      whether {@code count} and {@code repeating} count runs rather than points
 */
public record RepeatedTokens(int count, int repeating, double mostEpochs, boolean byRun) {

    /** Relative margin by which D must exceed U for a point to count as repeating (rounding in stored counts). */
    public static final double TOLERANCE = 1e-9;

    /**
     * The revision of the caution's rule and words: part of the results store's key of a fit on data that repeats,
     * so that a fit stored before the caution is not served without it.
     */
    public static final String REVISION = "repeated-tokens-2";

    /**
     * The repetition at each point: {@code tokens[i]} trained tokens over {@code uniqueTokens[i]} unique ones.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static RepeatedTokens of(double[] tokens, double[] uniqueTokens) {
        int[] eachItsOwn = new int[tokens.length];
        java.util.Arrays.setAll(eachItsOwn, i -> i);
        return count(tokens, uniqueTokens, eachItsOwn, false);
    }

    /**
     * The repetition by run: {@code runs[i]} identifies the run of point i (equal values, one run); a run repeats when
     * one of its points does.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static RepeatedTokens ofRuns(double[] tokens, double[] uniqueTokens, double[] runs) {
        if (runs.length != tokens.length) {
            throw new IllegalArgumentException(tokens.length + " token counts but " + runs.length + " runs");
        }
        java.util.Map<Double, Integer> ids = new java.util.HashMap<>();
        int[] run = new int[runs.length];
        for (int i = 0; i < runs.length; i++) {
            run[i] = ids.computeIfAbsent(runs[i], key -> ids.size());
        }
        return count(tokens, uniqueTokens, run, true);
    }

    private static RepeatedTokens count(double[] tokens, double[] uniqueTokens, int[] run, boolean byRun) {
        if (tokens.length != uniqueTokens.length) {
            throw new IllegalArgumentException(tokens.length + " token counts but " + uniqueTokens.length
                    + " unique-token counts");
        }
        java.util.BitSet units = new java.util.BitSet();
        java.util.BitSet repeating = new java.util.BitSet();
        double most = Double.NaN;
        for (int i = 0; i < tokens.length; i++) {
            units.set(run[i]);
            double unique = uniqueTokens[i];
            if (!(unique > 0) || !Double.isFinite(unique)) {
                continue;
            }
            double epochs = tokens[i] / unique;
            most = Double.isNaN(most) ? epochs : Math.max(most, epochs);
            if (tokens[i] > unique * (1 + TOLERANCE)) {
                repeating.set(run[i]);
            }
        }
        return new RepeatedTokens(units.cardinality(), repeating.cardinality(), most, byRun);
    }

    /**
     * A caution for a fit of a law in tokens alone when some point repeats its data: how many points, up to how
     * many epochs, and which law models repetition; empty when none does.
     */
    public Optional<String> caution() {
        if (repeating == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "repeated data: %d of %d %s train on more tokens than their "
                + "unique tokens (up to %s epochs); this law counts a repeated token as a fresh one, which is worth "
                + "less with every epoch, so its exponents and allocation are not those of fresh data; "
                + "--law data-constrained (Muennighoff et al. 2023) models repetition", repeating, count, byRun ? "runs" : "points",
                threeDigits(mostEpochs)));
    }

    /** {@code value} to 3 significant digits without trailing zeros: 40, 4.5, 1.33. */
    private static String threeDigits(double value) {
        return new BigDecimal(String.format(Locale.ROOT, "%.3g", value)).stripTrailingZeros().toPlainString();
    }
}
