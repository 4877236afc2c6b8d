package org.scalefit.shapes;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.scalefit.law.FittedLaw;

/**
 * A fitted law whose inputs are drawn from width, depth, params and tokens, evaluated as Gemstones'
 * {@code our_pred_func} sums it: the terms exp(c<sub>j</sub> − α<sub>j</sub>·ln x<sub>j</sub>) one after another in
 * input order (numpy's {@code sum} of a short row), then + exp(e):
 * <pre>
 *   L̂ = ((…(T_1 + T_2) + …) + T_tokens) + exp(e)
 * </pre>
 * Tokens, when an input, must come last (true of all three laws the studies fit), so a search can hold the sum of
 * the shape's terms fixed and add each token count's term to it.
 */
final class ShapeLaw implements Serializable {

    static final int WIDTH = 0;
    static final int DEPTH = 1;
    static final int PARAMS = 2;
    static final int TOKENS = 3;

    private final FittedLaw law;
    private final int[] kinds;
    private final double[] alpha;
    private final double[] logCoefficient;
    private final double irreducible;
    private final boolean usesParams;
    private final boolean usesTokens;

    private ShapeLaw(FittedLaw law) {
        this.law = law;
        List<String> inputs = law.form().inputs();
        int k = inputs.size();
        kinds = new int[k];
        alpha = new double[k];
        logCoefficient = new double[k];
        boolean params = false;
        boolean tokens = false;
        for (int j = 0; j < k; j++) {
            kinds[j] = switch (inputs.get(j)) {
                case "width" -> WIDTH;
                case "depth" -> DEPTH;
                case "params" -> PARAMS;
                case "tokens" -> TOKENS;
                default -> throw new IllegalArgumentException("law " + law.form().name() + " has input '"
                        + inputs.get(j) + "'; a shape search knows width, depth, params and tokens");
            };
            if (kinds[j] == TOKENS && j != k - 1) {
                throw new IllegalArgumentException("law " + law.form().name() + ": tokens must be its last input");
            }
            params |= kinds[j] == PARAMS;
            tokens |= kinds[j] == TOKENS;
            alpha[j] = law.exponent(j);
            logCoefficient[j] = law.logCoefficient(j);
        }
        usesParams = params;
        usesTokens = tokens;
        irreducible = Math.exp(law.logIrreducibleError());
    }

    static ShapeLaw of(FittedLaw law) {
        return new ShapeLaw(Objects.requireNonNull(law, "law"));
    }

    FittedLaw law() {
        return law;
    }

    boolean usesParams() {
        return usesParams;
    }

    /** Σ of the width, depth and params terms, in input order (0 if the law has none). */
    double shapeTerms(double width, double depth, double params) {
        double sum = 0;
        for (int j = 0; j < kinds.length; j++) {
            double x = switch (kinds[j]) {
                case WIDTH -> width;
                case DEPTH -> depth;
                case PARAMS -> params;
                default -> Double.NaN;
            };
            if (kinds[j] != TOKENS) {
                sum += term(j, x);
            }
        }
        return sum;
    }

    /** The tokens term (0 if the law has no tokens input). */
    double tokensTerm(double tokens) {
        return usesTokens ? term(kinds.length - 1, tokens) : 0;
    }

    /** exp(e). */
    double irreducible() {
        return irreducible;
    }

    /** L̂(w, d, N, t) in Gemstones' order of summation. */
    double loss(double width, double depth, double params, double tokens) {
        return combine(shapeTerms(width, depth, params), tokensTerm(tokens));
    }

    /** (shape terms + tokens term) + exp(e). */
    double combine(double shapeTerms, double tokensTerm) {
        return shapeTerms + tokensTerm + irreducible;
    }

    private double term(int j, double x) {
        return Math.exp(logCoefficient[j] - alpha[j] * Math.log(x));
    }
}
