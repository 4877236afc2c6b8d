package org.scalefit.fit;

import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A term of a fitted law that acts as a step in its input x: with s<sub>i</sub> = |term(x<sub>i</sub>)| /
 * |L̂(x<sub>i</sub>)| its share of point i's prediction, s<sub>i</sub> ≥ {@value #NEGLIGIBLE_SHARE} only at points
 * whose x takes at most {@value #MAX_VALUES} distinct values, all below (or all above) every x where s<sub>i</sub>
 * &lt; {@value #NEGLIGIBLE_SHARE} — of which there is at least one. Such a term fits the losses at those few values
 * alone and says x has no effect beyond them: a power term c·x<sup>−α</sup> has two parameters, so at two values or
 * fewer it passes through the losses whatever they are, and nothing in the data tests it (at one value only
 * c − α·ln x is determined).
 *
 * <p>A healthy term never qualifies: one with share s at its smallest x falls below 10⁻⁶ only over a range of x of
 * about (s/10⁻⁶)^(1/α), for a published exponent (α ≈ 0.3, s ≈ 0.1) a factor 10¹⁷, far beyond any data; at α ≈ 66
 * a factor 1.6 is enough. A term that qualifies while it is near 10⁻⁶ everywhere is no better determined.
 *
 * @param points           the points where the term's share is at least {@value #NEGLIGIBLE_SHARE}
 * @param values           their distinct values of x
 * @param edge             the largest (for a step at the smallest x; else the smallest) of those values
 * @param atSmallest       whether the term acts at the smallest values of x (it decreases with x), or the largest
 * @param largestShare     the term's largest share of a prediction
 * @param negligiblePoints the points beyond {@code edge}, where it is negligible
 */
public record StepTerm(int points, int values, double edge, boolean atSmallest, double largestShare,
                       int negligiblePoints) {

    /** A term below this share of the prediction at a point does not act there. */
    public static final double NEGLIGIBLE_SHARE = 1e-6;
    /** A term that acts at no more distinct values of its input than this can pass through their losses exactly. */
    public static final int MAX_VALUES = 2;

    /**
     * The step made by a term whose share of each point's prediction is {@code shares[i]} at input value
     * {@code input[i]}; empty if it is no step, or if a share is not a number.
     */
    public static Optional<StepTerm> of(double[] shares, double[] input) {
        if (shares.length != input.length) {
            throw new IllegalArgumentException(shares.length + " shares for " + input.length + " input values");
        }
        double actingLow = Double.POSITIVE_INFINITY;
        double actingHigh = Double.NEGATIVE_INFINITY;
        double negligibleLow = Double.POSITIVE_INFINITY;
        double negligibleHigh = Double.NEGATIVE_INFINITY;
        double largest = 0;
        int points = 0;
        SortedSet<Double> values = new TreeSet<>();
        for (int i = 0; i < shares.length; i++) {
            if (Double.isNaN(shares[i])) {
                return Optional.empty();
            }
            if (shares[i] >= NEGLIGIBLE_SHARE) {
                actingLow = Math.min(actingLow, input[i]);
                actingHigh = Math.max(actingHigh, input[i]);
                largest = Math.max(largest, shares[i]);
                values.add(input[i]);
                points++;
            } else {
                negligibleLow = Math.min(negligibleLow, input[i]);
                negligibleHigh = Math.max(negligibleHigh, input[i]);
            }
        }
        if (points == 0 || points == shares.length || values.size() > MAX_VALUES) {
            return Optional.empty();
        }
        int negligible = shares.length - points;
        if (actingHigh < negligibleLow) {
            return Optional.of(new StepTerm(points, values.size(), actingHigh, true, largest, negligible));
        }
        if (actingLow > negligibleHigh) {
            return Optional.of(new StepTerm(points, values.size(), actingLow, false, largest, negligible));
        }
        return Optional.empty();
    }

    /**
     * Where the term of {@code input} acts: "it is at most 0.0062 of the prediction, on the 1 point with tokens ≤
     * 5.774e+08 (1 distinct value), and below 1e-06 of it at every larger tokens (21 points)".
     */
    public String extent(String input) {
        return String.format(Locale.ROOT, "it is at most %.2g of the prediction, on the %s with %s %s %.4g (%s), "
                        + "and below %.0e of it at every %s %s (%s)", largestShare, count(points, "point"), input,
                atSmallest ? "≤" : "≥", edge, count(values, "distinct value"), NEGLIGIBLE_SHARE,
                atSmallest ? "larger" : "smaller", input, count(negligiblePoints, "point"));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
