package org.scalefit.law;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A log-sum-exp power law in k inputs, the parametric form of Chinchilla's Approach 3 as generalised by Gemstones.
 *
 * <p>With inputs x<sub>1</sub>…x<sub>k</sub> and the 2k+1 parameters θ = [α<sub>1</sub>…α<sub>k</sub>,
 * c<sub>1</sub>…c<sub>k</sub>, e] (always in this order):
 * <pre>
 *   log L̂(x) = logsumexp(c_1 − α_1·log x_1, …, c_k − α_k·log x_k, e)
 *        L̂(x) = Σ_j exp(c_j)·x_j^(−α_j) + exp(e)
 * </pre>
 * For k = 2 on [params, tokens] this is Hoffmann et al. (2022) eq. 2, L = E + A/N^α + B/D^β with A = e^{c_1},
 * B = e^{c_2}, E = e^e (Gemstones {@code depth_width.py}).
 *
 * @param name   the law's name on the command line ({@code chinchilla}, {@code width-depth}, …)
 * @param inputs the logical input columns, in the order of the exponents
 */
public record LawForm(String name, List<String> inputs) implements Serializable {

    /** L(N, D) = E + A·N^−α + B·D^−β on parameters and tokens (Chinchilla eq. 2). */
    public static final LawForm CHINCHILLA = new LawForm("chinchilla", List.of("params", "tokens"));
    /** L(w, d, D) on width, depth and tokens (Gemstones' width–depth law). */
    public static final LawForm WIDTH_DEPTH = new LawForm("width-depth", List.of("width", "depth", "tokens"));
    /** L(w, d, N, D) on width, depth, parameters and tokens (Gemstones' width–depth–params law). */
    public static final LawForm WIDTH_DEPTH_PARAMS =
            new LawForm("width-depth-params", List.of("width", "depth", "params", "tokens"));

    public LawForm {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a law needs at least one input");
        }
    }

    /**
     * The three laws the studies fit, by their command-line name.
     *
     * @throws IllegalArgumentException for any other name: a law of the law language (named, e.g. kaplan, or
     *                                  written as text) is said to be fitted by {@code scalefit fit --law}
     */
    public static LawForm named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "chinchilla" -> CHINCHILLA;
            case "width-depth" -> WIDTH_DEPTH;
            case "width-depth-params" -> WIDTH_DEPTH_PARAMS;
            default -> throw new IllegalArgumentException("law '" + name + "': this analysis takes the built-in laws "
                    + "chinchilla, width-depth or width-depth-params; the other laws of the law language (kaplan, "
                    + "data-constrained, saturating-compute, gadre-overtraining) and laws written as text are "
                    + "fitted by scalefit fit --law, with --bootstrap B for their intervals");
        };
    }

    /** k, the number of inputs. */
    public int arity() {
        return inputs.size();
    }

    /** 2k + 1, the length of the parameter vector. */
    public int parameterCount() {
        return 2 * inputs.size() + 1;
    }

    /**
     * The names of θ's 2k+1 entries, in θ's order: under Chinchilla's names (α, β, A, B, E of eq. 2) for the
     * params/tokens law, else {@code alpha_<input>} and {@code coefficient_<input>}; the coefficients and E with a
     * {@code log_} prefix unless {@code natural} (e^c_j and e^e).
     */
    public List<String> parameterNames(boolean natural) {
        List<String> names = new ArrayList<>();
        boolean chinchilla = inputs.equals(List.of("params", "tokens"));
        for (int j = 0; j < arity(); j++) {
            names.add(chinchilla ? (j == 0 ? "alpha" : "beta") : "alpha_" + inputs.get(j));
        }
        for (int j = 0; j < arity(); j++) {
            String coefficient = chinchilla ? (j == 0 ? "A" : "B") : "coefficient_" + inputs.get(j);
            names.add(natural ? coefficient : "log_" + coefficient);
        }
        names.add(natural ? "E" : "log_E");
        return List.copyOf(names);
    }

    /** log L̂ at one point given the logs of its inputs; stable for any finite θ. */
    public double logPrediction(double[] theta, double[] logInputs) {
        int k = arity();
        double max = theta[2 * k];
        for (int j = 0; j < k; j++) {
            max = Math.max(max, theta[k + j] - theta[j] * logInputs[j]);
        }
        double sum = Math.exp(theta[2 * k] - max);
        for (int j = 0; j < k; j++) {
            sum += Math.exp(theta[k + j] - theta[j] * logInputs[j] - max);
        }
        return max + Math.log(sum);
    }

    /** L̂ at one point given its inputs. */
    public double predict(double[] theta, double... inputValues) {
        double[] logs = new double[inputValues.length];
        for (int j = 0; j < logs.length; j++) {
            logs[j] = Math.log(inputValues[j]);
        }
        return Math.exp(logPrediction(theta, logs));
    }
}
