package org.scalefit.fit;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * When two optima of an objective F = Σ_i w_i·ρ(r_i) fit the data equally well: their objectives differ by at most
 * max({@value #RELATIVE}·max(|F*|, ρ<sub>F</sub>), F<sub>exact</sub>), with F* the best objective, ρ<sub>F</sub> the
 * objective's rounding level ({@link DifferentiableObjective#roundingLevel()}) and F<sub>exact</sub> its exact-fit
 * level ({@link #exactFitLevel}). The rule of the flat-direction warnings of the built-in laws ({@link
 * FitDiagnostics}) and of laws written as text.
 *
 * <p>On data with any noise F* is some 10¹⁵ times F<sub>exact</sub> and the relative threshold rules. On losses the
 * law fits exactly every residual at the best optimum is rounding noise, so F* (≈ 10⁻³¹) is noise too, and a
 * threshold relative to it would call equally exact optima, whose F is other noise many times larger, different;
 * there F<sub>exact</sub> rules.
 *
 * @param relative {@value #RELATIVE}·|F*|
 * @param rounding max({@value #RELATIVE}·ρ<sub>F</sub>, F<sub>exact</sub>): what rounding alone makes of objectives
 */
public record EquallyGood(double relative, double rounding) {

    /** Optima whose objectives differ by at most this fraction of the best are equally good. */
    public static final double RELATIVE = 1e-9;
    /** The rounding of a residual, in units of ε times the loss's size ({@link #exactFitLevel}). */
    public static final double ROUNDING_ULPS = 64;

    /** The rule for a best objective {@code best} of an objective with rounding level {@code roundingLevel}. */
    public static EquallyGood of(double best, double roundingLevel, double exactFitLevel) {
        return new EquallyGood(RELATIVE * Math.abs(best), Math.max(RELATIVE * roundingLevel, exactFitLevel));
    }

    /**
     * F at residuals of rounding size, Σ_i w_i·ρ(u_i) with u_i = {@value #ROUNDING_ULPS}ε·max(1, |log L_i|) (log
     * residuals; the rounding of {@link HuberLogLossObjective}'s residuals) or {@value #ROUNDING_ULPS}ε·|L_i| (raw):
     * the least difference of objectives that means anything, whatever F is.
     *
     * @param losses      the losses L_i
     * @param weights     their weights w_i
     * @param logResidual whether the residuals are of log L (else of L)
     * @param penalty     ρ(u) for u ≥ 0
     */
    public static double exactFitLevel(double[] losses, double[] weights, boolean logResidual,
                                       DoubleUnaryOperator penalty) {
        double sum = 0;
        for (int i = 0; i < losses.length; i++) {
            double u = ROUNDING_ULPS * Math.ulp(1.0) * (logResidual ? Math.max(1, Math.abs(Math.log(losses[i])))
                    : Math.abs(losses[i]));
            sum += weights[i] * penalty.applyAsDouble(u);
        }
        return sum;
    }

    /** Huber's ρ(u) = u²/2 for |u| ≤ δ, δ(|u| − δ/2) beyond. */
    public static double huber(double delta, double u) {
        double a = Math.abs(u);
        return a <= delta ? a * a / 2 : delta * (a - delta / 2);
    }

    /** The largest difference of objectives that is no difference. */
    public double threshold() {
        return Math.max(relative, rounding);
    }

    /** An optimum of objective {@code other} is as good as the best, of {@code best}. */
    public boolean equallyGood(double best, double other) {
        return other - best <= threshold();
    }

    /** Rounding, not {@value #RELATIVE} of the best objective, decides: the law fits the data exactly. */
    public boolean byRounding() {
        return rounding > relative;
    }

    /**
     * How a warning names the rule: "within rounding (…) of the best objective, the law fitting the data exactly,"
     * when rounding decides, else {@code relativeWording}.
     */
    public String within(String relativeWording) {
        return byRounding() ? String.format(Locale.ROOT, "within rounding (%.1e) of the best objective, the law "
                + "fitting the data exactly,", rounding) : relativeWording;
    }
}
