package org.scalefit.reproduce;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One number a study published beside scalefit's value for it, the rule by which the two are judged, and the
 * verdict. The rules are the tolerances of the published-value tests: a tolerance relative or absolute to
 * the published value, equality at the printed precision, or, for a minimised objective, "no higher than".
 *
 * @param analysis which analysis of the study (e.g. "Approach 3 hot, δ 1e-3")
 * @param quantity the quantity (e.g. "loss", "α")
 * @param ours scalefit's value
 * @param published the published value (NaN when the study did not publish it)
 * @param rule the rule, in words (e.g. "±1e-3 relative")
 * @param verdict the verdict
 * @param note why the verdict, when it is not plain agreement (empty otherwise)
 */
public record Comparison(String analysis, String quantity, double ours, double published, String rule,
                         Verdict verdict, String note) {

    /** How scalefit's value stands against the published one. */
    public enum Verdict {
        /** Within the rule. */
        AGREES,
        /** A minimised objective lower than the published one: the published search stopped short. */
        LOWER_OBJECTIVE,
        /** Outside the rule, along a direction in which the objective is flat (the note says how flat). */
        FLAT_DIRECTION,
        /** Outside the rule. */
        DIFFERS,
        /** The study did not publish this number; scalefit's value is shown alone. */
        NOT_PUBLISHED;

        /** Whether the verdict counts as a successful reproduction. */
        public boolean reproduced() {
            return this != DIFFERS;
        }
    }

    /** |ours − published| ≤ tolerance·|published|. */
    public static Comparison relative(String analysis, String quantity, double ours, double published,
                                      double tolerance) {
        boolean agrees = Math.abs(ours - published) <= tolerance * Math.abs(published);
        return new Comparison(analysis, quantity, ours, published, "±" + shown(tolerance) + " relative",
                agrees ? Verdict.AGREES : Verdict.DIFFERS, "");
    }

    /** |ours − published| ≤ tolerance. */
    public static Comparison absolute(String analysis, String quantity, double ours, double published,
                                      double tolerance) {
        boolean agrees = Math.abs(ours - published) <= tolerance;
        return new Comparison(analysis, quantity, ours, published, "±" + shown(tolerance),
                agrees ? Verdict.AGREES : Verdict.DIFFERS, "");
    }

    /**
     * Equal at the precision the study printed: ours rounded half-up to the decimals of {@code printed} reads the same.
     */
    public static Comparison printed(String analysis, String quantity, double ours, String printed) {
        BigDecimal shown = new BigDecimal(printed);
        String rounded = new BigDecimal(ours).setScale(Math.max(shown.scale(), 0), RoundingMode.HALF_UP)
                .toPlainString();
        boolean agrees = rounded.equals(shown.toPlainString());
        return new Comparison(analysis, quantity, ours, shown.doubleValue(), "equal to " + shown.scale()
                + " decimals", agrees ? Verdict.AGREES : Verdict.DIFFERS, agrees ? "" : "ours rounds to " + rounded);
    }

    /**
     * A minimised objective: agrees when ours ≤ published + slack, and says so when ours is lower by more than the
     * slack.
     */
    public static Comparison objective(String analysis, double ours, double published, double slack) {
        Verdict verdict = ours > published + slack ? Verdict.DIFFERS
                : ours < published - slack ? Verdict.LOWER_OBJECTIVE : Verdict.AGREES;
        return new Comparison(analysis, "objective", ours, published, "≤ published + " + shown(slack), verdict, "");
    }

    /** A value the study did not publish. */
    public static Comparison unpublished(String analysis, String quantity, double ours, String note) {
        return new Comparison(analysis, quantity, ours, Double.NaN, "—", Verdict.NOT_PUBLISHED, note);
    }

    /** This comparison with another verdict and its reason. */
    public Comparison judged(Verdict newVerdict, String reason) {
        return new Comparison(analysis, quantity, ours, published, rule, newVerdict, reason);
    }

    /** A tolerance as a person writes it: 1e-9, 0.002. */
    private static String shown(double tolerance) {
        return new BigDecimal(Double.toString(tolerance)).stripTrailingZeros().toString().replace("E", "e");
    }

    /** ours − published (NaN when not published). */
    public double difference() {
        return ours - published;
    }
}
