package org.scalefit.law.expr;

import java.util.List;
import java.util.Locale;
import org.scalefit.law.Allocation;
import org.scalefit.law.AllocationRule;

/**
 * The compute-optimal allocation of a two-input law L(N, D) under the budget C = 6·N·D (Kaplan et al. 2020 §2.1;
 * Hoffmann et al. 2022 eq. 3): N_opt(C) = argmin_N L(N, C/(6N)), D_opt = C/(6·N_opt), found numerically, so it
 * holds for any law in the language (for Chinchilla's form it agrees with the closed form, Hoffmann et al. eq. 4).
 * A law of N and tokens per parameter M = D/N (Gadre et al. 2024's over-training law) is split the same way, its M
 * being D/N = C/(6·N²) along the budget line.
 *
 * <p>The search: L along the budget line as a function of x = log N, scanned at 1 201 points over
 * N ∈ [10⁻⁶, 10⁶]·√(C/6) (tokens per parameter from 10⁻¹² to 10¹²), then refined by golden-section search in the
 * bracket of the best scanned point (a search on values alone: N is found to about 10⁻⁸ relative, as the loss is
 * flat to second order at its minimum; the loss itself to rounding). A law whose smallest scanned value is at
 * either end of the range has no compute-optimal allocation: along the budget line it keeps improving towards all
 * parameters or all tokens (a non-positive exponent, a negative coefficient), and the end of the scan is an artefact
 * of the range, not an optimum — that is an error, as for {@link org.scalefit.law.ComputeOptimalAllocation}'s
 * non-positive exponents.
 */
public final class ExpressionAllocation {

    private static final int SCAN = 1201;
    /** The column of tokens per parameter, M = D/N. */
    private static final String TOKENS_PER_PARAM = "tokens_per_param";
    private static final double HALF_RANGE = 6 * Math.log(10);

    private ExpressionAllocation() {
    }

    /**
     * The allocation minimising the law at compute C.
     *
     * @param law     a law of two inputs
     * @param params  which input is the parameter count N (the other is D)
     * @param theta   the law's parameters
     * @param compute C
     */
    public static Allocation optimal(ExpressionLaw law, int params, double[] theta, double compute) {
        if (law.expression().inputs().size() != 2) {
            throw new IllegalArgumentException("a compute-optimal allocation needs a law of two inputs (N, D); law "
                    + law.name() + " has " + law.expression().inputs());
        }
        if (!(compute > 0) || Double.isInfinite(compute)) {
            throw new IllegalArgumentException("compute must be positive and finite, was " + compute);
        }
        double centre = 0.5 * Math.log(compute / 6);
        double lo = centre - HALF_RANGE;
        double step = 2 * HALF_RANGE / (SCAN - 1);
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i < SCAN; i++) {
            double value = along(law, params, theta, compute, lo + i * step);
            if (value < bestValue) {
                bestValue = value;
                best = i;
            }
        }
        if (Double.isInfinite(bestValue)) {
            throw new IllegalArgumentException("law " + law.name() + " is not finite anywhere along C = " + compute);
        }
        if (best == 0 || best == SCAN - 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "law %s has no compute-optimal "
                    + "allocation at C = %.6g: along C = 6·N·D its loss keeps falling towards %s, to the end of the "
                    + "range searched (D/N from 1e-12 to 1e12), with parameters %s (a non-positive exponent or a "
                    + "negative coefficient makes the allocation degenerate)", law.name(), compute,
                    best == 0 ? "fewer parameters and more tokens" : "more parameters and fewer tokens",
                    law.named(theta)));
        }
        double a = lo + Math.max(0, best - 1) * step;
        double b = lo + Math.min(SCAN - 1, best + 1) * step;
        double ratio = 0.5 * (Math.sqrt(5) - 1);
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        double fc = along(law, params, theta, compute, c);
        double fd = along(law, params, theta, compute, d);
        while (b - a > 1e-12) {
            if (fc <= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = along(law, params, theta, compute, c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = along(law, params, theta, compute, d);
            }
        }
        double x = 0.5 * (a + b);
        double n = Math.exp(x);
        double tokens = compute / (6 * n);
        return new Allocation(compute, n, tokens, law.predict(inputs(law, params, n, tokens), theta));
    }

    /**
     * The allocation rule of {@code law} at parameters {@code theta}: {@link #optimal} at each budget, N the input
     * reading params ({@link #paramsInput}).
     *
     * @throws IllegalArgumentException if the law is not a law of params and tokens
     */
    public static AllocationRule rule(ExpressionLaw law, double[] theta) {
        int params = paramsInput(law);
        double[] values = theta.clone();
        return compute -> optimal(law, params, values, compute);
    }

    /**
     * Which of the two inputs of {@code law} is the parameter count N: the budget C = 6·N·D splits a law of
     * parameters and tokens, so one input must read the column {@code params} and the other {@code tokens}, or
     * {@code tokens_per_param} (M = D/N, given D/N along the budget line, not D); a law of N and unique tokens is
     * not split as if its second input were D.
     *
     * @throws IllegalArgumentException if the law does not have exactly two inputs reading params and tokens (or
     *                                  tokens per parameter)
     */
    public static int paramsInput(ExpressionLaw law) {
        List<String> columns = law.columns();
        if (columns.size() != 2) {
            throw new IllegalArgumentException("a compute-optimal allocation needs a law of two inputs (N, D); law "
                    + law.name() + " has " + law.expression().inputs());
        }
        int params = columns.indexOf("params");
        if (params < 0 || !(columns.get(1 - params).equals("tokens")
                || columns.get(1 - params).equals(TOKENS_PER_PARAM))) {
            throw new IllegalArgumentException("a compute-optimal allocation splits C = 6·N·D into parameters and "
                    + "tokens, so it needs a law whose inputs read the columns params and tokens (or "
                    + TOKENS_PER_PARAM + ", D/N); law " + law.name()
                    + "'s inputs " + law.expression().inputs() + " read " + columns + " (fit it with --column "
                    + "params=FILE_COLUMN, or --input NAME=params and --input NAME=tokens)");
        }
        return params;
    }

    private static double along(ExpressionLaw law, int params, double[] theta, double compute, double x) {
        double n = Math.exp(x);
        double value = law.predict(inputs(law, params, n, compute / (6 * n)), theta);
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
    }

    /** The law's inputs at N = {@code n} parameters trained on {@code tokens}: D, or M = D/N for a law of M. */
    private static double[] inputs(ExpressionLaw law, int params, double n, double tokens) {
        double other = law.columns().get(1 - params).equals(TOKENS_PER_PARAM) ? tokens / n : tokens;
        return params == 0 ? new double[] {n, other} : new double[] {other, n};
    }
}
