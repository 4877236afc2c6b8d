package org.scalefit.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;

/**
 * Plain-language warnings about a fitted law whose optimum is degenerate, so that nobody reads a prescription off a
 * parameter the data do not determine. Each rule names what it saw:
 * <ul>
 *   <li>the irreducible error E = e<sup>e</sup> is negligible next to every observed loss (e → −∞: the law has no
 *       floor and E is not identified; Gemstones' width–depth fit ends at e ≈ −4555);</li>
 *   <li>an exponent is at 0 (its term is a constant that merges with E), negative (the predicted loss grows with
 *       that input, against every published scaling law) or very large;</li>
 *   <li>for a two-input law, a compute-optimal exponent a = β/(α+β) (N<sub>opt</sub> ∝ C<sup>a</sup>) or
 *       b = α/(α+β) (D<sub>opt</sub> ∝ C<sup>b</sup>) outside [0, 1] (Hoffmann et al. 2022, eq. 4): a model or
 *       data budget that shrinks as compute grows;</li>
 *   <li>a term carries a negligible share of the prediction at every point (its coefficient and exponent are not
 *       identified);</li>
 *   <li>a term acts as a step ({@link StepTerm}): with s<sub>ij</sub> = e<sup>c<sub>j</sub></sup>
 *       x<sub>ij</sub><sup>−α<sub>j</sub></sup> / L̂(x<sub>i</sub>) its share of point i's prediction, s<sub>ij</sub>
 *       ≥ {@value StepTerm#NEGLIGIBLE_SHARE} only at points whose x<sub>j</sub> takes at most
 *       {@value StepTerm#MAX_VALUES} distinct values, all below (or above) every x<sub>j</sub> where it is less: the
 *       term fits the losses at those few values alone and says x<sub>j</sub> has no effect beyond them;</li>
 *   <li>an input spans a <b>narrow range</b>, fewer than {@value #NARROW_DECADES} decades
 *       (Δ<sub>j</sub> = log<sub>10</sub>(max x<sub>j</sub> / min x<sub>j</sub>)), and its fitted term changes by less
 *       than a factor 10<sup>{@value #FLAT_TERM_DECADES}</sup> over it (α<sub>j</sub>·Δ<sub>j</sub> &lt;
 *       {@value #FLAT_TERM_DECADES}): over so short a range the data cannot tell a small exponent from a term that is
 *       nearly constant, so α<sub>j</sub> — and for a two-input law the compute-optimal allocation read off it — is
 *       not measured (six runs with tokens over 0.33 decades gave β = 0.028, N<sub>opt</sub> ∝ C<sup>0.075</sup>);
 *       published fits on narrow subsets, whose terms still change by a factor 2 or more, are not warned;</li>
 *   <li>a coefficient e<sup>c<sub>j</sub></sup> overflows a double (c<sub>j</sub> &gt; ln Double.MAX_VALUE ≈ 709.8):
 *       its natural-scale value reads as infinite, and only the log-space c<sub>j</sub> holds the fit;</li>
 *   <li>distinct optima as good as the best by the {@link EquallyGood} rule (within 10⁻⁹ of the best objective, or
 *       of rounding when the law fits the data exactly: the rule of laws written as text) lie far apart (a flat
 *       direction);</li>
 *   <li>another basin's optimum is within {@link MultiStartFitter#COMPETING_MARGIN} of the best objective
 *       ({@link #competing}): for a two-input law its compute-optimal exponent a = β/(α+β) (N_opt ∝ C^a) is given
 *       beside the best's, since it may prescribe otherwise.</li>
 * </ul>
 */
public final class FitDiagnostics {

    /** E below this fraction of the smallest loss counts as no floor at all. */
    public static final double NEGLIGIBLE_FLOOR = 1e-3;
    private static final double ZERO_EXPONENT = 1e-3;
    private static final double LARGE_EXPONENT = 3.0;
    private static final double NEGLIGIBLE_SHARE = StepTerm.NEGLIGIBLE_SHARE;
    /** An input spanning fewer decades than this is narrow ({@link #narrowRange}). */
    public static final double NARROW_DECADES = 0.5;
    /** A term whose log10 changes by less than this across a narrow input's range is not measured by it. */
    public static final double FLAT_TERM_DECADES = 0.05;
    /** Compute-optimal exponents closer than this prescribe the same allocation for practical purposes. */
    private static final double SAME_PRESCRIPTION = 5e-3;

    private FitDiagnostics() {
    }

    /**
     * The warnings for parameters {@code theta} of {@code law} on {@code observations} alone, without a search to
     * compare optima of (no flat-direction rule): e.g. a published law.
     */
    public static List<String> warnings(LawForm law, double[] theta, Observations observations) {
        return warnings(law, theta, observations, List.of(), EquallyGood.of(0, 0, 0));
    }

    /**
     * The warnings for parameters {@code theta} of {@code law} fitted to {@code observations}, the search's best
     * optima {@code leaders} (best first) compared by {@code equallyGood} ({@link #equallyGood}).
     */
    public static List<String> warnings(LawForm law, double[] theta, Observations observations,
                                        List<StartOutcome> leaders, EquallyGood equallyGood) {
        List<String> warnings = new ArrayList<>();
        int k = law.arity();
        double minLoss = smallestLoss(observations);
        double e = theta[2 * k];
        if (floorNegligible(theta, k, minLoss)) {
            warnings.add(String.format(Locale.ROOT, "degenerate: irreducible error E = exp(%.6g) is negligible next to "
                    + "the smallest loss %.4g; the law has no floor and E is not identified", e, minLoss));
        }
        for (int j = 0; j < k; j++) {
            String input = law.inputs().get(j);
            double alpha = theta[j];
            if (Math.abs(alpha) < ZERO_EXPONENT) {
                warnings.add(String.format(Locale.ROOT, "degenerate: the exponent of %s is %.3g, at 0; its term is a "
                        + "constant that merges with E", input, alpha));
            } else if (alpha < 0) {
                warnings.add(String.format(Locale.ROOT, "implausible: the exponent of %s is negative (%.4g); the "
                        + "predicted loss grows with %s", input, alpha, input));
            } else if (alpha > LARGE_EXPONENT) {
                warnings.add(String.format(Locale.ROOT, "suspicious: the exponent of %s is %.4g, far outside the usual "
                        + "0.1–1; its coefficient (log %.4g) is likely trading off against it", input, alpha, theta[k + j])
                        + narrowBeside(law, theta, observations, j));
            }
            if (termNegligible(law, theta, observations, j)) {
                warnings.add("degenerate: the " + input + " term is a negligible part of the prediction at every point; "
                        + "its coefficient and exponent are not identified");
            }
            Optional<StepTerm> step = stepOf(law, theta, observations, j);
            if (step.isPresent()) {
                warnings.add(String.format(Locale.ROOT, "degenerate: the %s term acts as a step: %s; its exponent "
                        + "(%.4g) and coefficient (log %.4g) fit those points alone and are not identified, and the law "
                        + "says %s has no effect beyond them", input, step.get().extent(input), alpha, theta[k + j],
                        input));
            }
            String narrow = narrowRange(law, theta, observations, j);
            if (narrow != null) {
                warnings.add(narrow);
            }
            if (Double.isInfinite(Math.exp(theta[k + j]))) {
                warnings.add(String.format(Locale.ROOT, "overflow: the coefficient of %s is exp(%.6g), beyond the "
                        + "largest double (about exp(709.8)): its natural-scale value reads Infinity; the log-space "
                        + "coefficient %.6g is the fitted value", input, theta[k + j], theta[k + j]));
            }
        }
        if (k == 2 && Math.abs(theta[0] + theta[1]) > 0) {
            double a = computeOptimalExponent(theta);
            if (!(a >= 0 && a <= 1)) {
                warnings.add(String.format(Locale.ROOT, "implausible: the compute-optimal allocation is "
                        + "%s_opt ∝ C^%.4f and %s_opt ∝ C^%.4f; an exponent outside [0, 1] shrinks a budget as compute "
                        + "grows", law.inputs().get(0), a, law.inputs().get(1), 1 - a));
            }
        }
        if (leaders.size() > 1) {
            StartOutcome best = leaders.get(0);
            double[] p = best.point();
            double worst = 0;
            int where = -1;
            for (StartOutcome other : leaders.subList(1, leaders.size())) {
                if (!equallyGood.equallyGood(best.value(), other.value())) {
                    continue;
                }
                double[] q = other.point();
                for (int i = 0; i < p.length; i++) {
                    double difference = Math.abs(p[i] - q[i]) / Math.max(1, Math.abs(p[i]));
                    if (difference > worst) {
                        worst = difference;
                        where = i;
                    }
                }
            }
            if (worst > 1e-2) {
                warnings.add(String.format(Locale.ROOT, "flat: optima %s differ by up to %.3g (relative) in parameter %s",
                        equallyGood.within("within 1e-9 of the best objective"), worst, parameterName(law, where)));
            }
        }
        return warnings;
    }

    /** The warning that names a competing basin {@code second} beside the {@code best} optimum of {@code law}. */
    public static String competing(LawForm law, StartOutcome best, StartOutcome second) {
        double gap = (second.value() - best.value()) / Math.abs(best.value());
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "competing basin: another optimum (start %d) "
                + "has an objective only %.3g %% above the best (%.6g vs %.6g) with other parameters",
                second.start(), 100 * gap, second.value(), best.value()));
        if (law.arity() == 2) {
            double theirs = computeOptimalExponent(second.point());
            double ours = computeOptimalExponent(best.point());
            if (Math.abs(theirs - ours) < SAME_PRESCRIPTION) {
                return text.append(String.format(Locale.ROOT, ", but the same compute-optimal exponent (N_opt ∝ C^%.4f)",
                        ours)).toString();
            }
            text.append(String.format(Locale.ROOT, "; it prescribes N_opt ∝ C^%.4f where the best prescribes C^%.4f",
                    theirs, ours));
        }
        return text.append("; the data barely prefer one law over the other").toString();
    }

    /**
     * The narrow-range warning for input j: its values span Δ &lt; {@value #NARROW_DECADES} decades and its fitted
     * term changes by less than {@value #FLAT_TERM_DECADES} decades across them (0 &lt; α_j·Δ &lt;
     * {@value #FLAT_TERM_DECADES}; a zero or negative exponent has its own warning); null otherwise.
     */
    private static String narrowRange(LawForm law, double[] theta, Observations observations, int j) {
        double decades = decades(observations, j);
        double alpha = theta[j];
        if (!(decades > 0 && decades < NARROW_DECADES && alpha >= ZERO_EXPONENT
                && alpha * decades < FLAT_TERM_DECADES)) {
            return null;
        }
        String input = law.inputs().get(j);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < observations.size(); i++) {
            min = Math.min(min, observations.input(i, j));
            max = Math.max(max, observations.input(i, j));
        }
        String text = String.format(Locale.ROOT, "narrow range: %s spans only %.2f decades (%.3g to %.3g), too "
                + "narrow to identify its exponent: at %.4g the %s term changes by %.1f %% across the data, which "
                + "cannot tell so small an exponent from a constant merged with E, so exponent[%s] is not measured",
                input, decades, min, max, alpha, input, 100 * (Math.pow(10, alpha * decades) - 1), input);
        if (law.arity() != 2) {
            return text + String.format(Locale.ROOT, "; widen the range of %s before reading anything off it", input);
        }
        double a = computeOptimalExponent(theta);
        return text + String.format(Locale.ROOT, "; the compute-optimal allocation %s_opt ∝ C^%.4f, %s_opt ∝ C^%.4f "
                + "rests on it and is a guess, not a measurement: widen the range of %s before choosing how to split "
                + "compute", law.inputs().get(0), a, law.inputs().get(1), 1 - a, input);
    }

    /**
     * What a large exponent of input j owes to a narrow range (fewer than {@value #NARROW_DECADES} decades), to be
     * appended to its warning; empty when the range is wide enough.
     */
    private static String narrowBeside(LawForm law, double[] theta, Observations observations, int j) {
        double decades = decades(observations, j);
        if (!(decades < NARROW_DECADES)) {
            return "";
        }
        String input = law.inputs().get(j);
        String text = String.format(Locale.ROOT, "; %s spans only %.2f decades, too narrow to identify it", input,
                decades);
        return law.arity() != 2 ? text : text + String.format(Locale.ROOT, ", so the compute-optimal allocation "
                + "%s_opt ∝ C^%.4f read off it is a guess, not a measurement: widen the range of %s before choosing "
                + "how to split compute", law.inputs().get(0), computeOptimalExponent(theta), input);
    }

    /** log10(max x_j / min x_j) over the points: the orders of magnitude input j spans. */
    private static double decades(Observations observations, int j) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < observations.size(); i++) {
            min = Math.min(min, observations.input(i, j));
            max = Math.max(max, observations.input(i, j));
        }
        return Math.log10(max / min);
    }

    /** a = β/(α+β) of a two-input law θ = [α, β, …]: N_opt ∝ C^a (Hoffmann et al. 2022, eq. 4). */
    public static double computeOptimalExponent(double[] theta) {
        return theta[1] / (theta[0] + theta[1]);
    }

    /**
     * The indices in θ = [α_1 … α_k, c_1 … c_k, e] of the parameters that the rules above find not identified: e when
     * E is below {@value #NEGLIGIBLE_FLOOR} of the smallest loss, α_j and c_j when term j is below
     * {@value #NEGLIGIBLE_SHARE} of the prediction at every point or acts as a step ({@link StepTerm}: at one value of
     * x_j only c_j − α_j·ln x_j is determined, at two the pair passes through two losses with nothing to test it,
     * and a resample that misses those points leaves them free); in ascending order.
     */
    public static int[] unidentified(LawForm law, double[] theta, Observations observations) {
        int k = law.arity();
        boolean[] unidentified = new boolean[2 * k + 1];
        for (int j = 0; j < k; j++) {
            unidentified[j] = termNegligible(law, theta, observations, j)
                    || stepOf(law, theta, observations, j).isPresent();
            unidentified[k + j] = unidentified[j];
        }
        unidentified[2 * k] = floorNegligible(theta, k, smallestLoss(observations));
        return IntStream.range(0, 2 * k + 1).filter(i -> unidentified[i]).toArray();
    }

    private static double smallestLoss(Observations observations) {
        double minLoss = Double.POSITIVE_INFINITY;
        for (int i = 0; i < observations.size(); i++) {
            minLoss = Math.min(minLoss, observations.loss(i));
        }
        return minLoss;
    }

    private static boolean floorNegligible(double[] theta, int k, double minLoss) {
        return Math.exp(theta[2 * k]) < NEGLIGIBLE_FLOOR * minLoss;
    }

    private static boolean termNegligible(LawForm law, double[] theta, Observations observations, int j) {
        return maxShare(law, theta, observations, j) < NEGLIGIBLE_SHARE;
    }

    /** The largest share term j has of the prediction over all points. */
    private static double maxShare(LawForm law, double[] theta, Observations observations, int j) {
        return Arrays.stream(shares(law, theta, observations, j)).max().orElse(0);
    }

    /** s_ij = e^(c_j) x_ij^(−α_j) / L̂(x_i), term j's share of each point's prediction. */
    private static double[] shares(LawForm law, double[] theta, Observations observations, int j) {
        int k = law.arity();
        double[] logs = new double[k];
        double[] shares = new double[observations.size()];
        for (int i = 0; i < observations.size(); i++) {
            for (int m = 0; m < k; m++) {
                logs[m] = Math.log(observations.input(i, m));
            }
            double logTotal = law.logPrediction(theta, logs);
            double logTerm = theta[k + j] - theta[j] * logs[j];
            shares[i] = Math.exp(logTerm - logTotal);
        }
        return shares;
    }

    /** Term j of θ as a step ({@link StepTerm}), if it is one. */
    private static Optional<StepTerm> stepOf(LawForm law, double[] theta, Observations observations, int j) {
        double[] input = new double[observations.size()];
        for (int i = 0; i < input.length; i++) {
            input[i] = observations.input(i, j);
        }
        return StepTerm.of(shares(law, theta, observations, j), input);
    }

    /** α_j, c_j or e, named by input. */
    public static String parameterName(LawForm law, int index) {
        int k = law.arity();
        if (index < 0) {
            return "?";
        }
        if (index < k) {
            return "exponent[" + law.inputs().get(index) + "]";
        }
        if (index < 2 * k) {
            return "coefficient[" + law.inputs().get(index - k) + "]";
        }
        return "irreducible_error";
    }
}
