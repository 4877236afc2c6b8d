package org.scalefit.overtraining;

/**
 * Gadre et al. 2024's over-training law of loss in parameters N and tokens per parameter M = D/N
 * ({@code scaling/laws.py}, {@code powlaw_ours(x, alpha, beta, b, E)}):
 * <pre>
 *   L(N, M) = E + α·N^b + β·6^(b/2)·(M·N)^b          (b &lt; 0 for a law that falls with scale)
 * </pre>
 * The same law in two other parametrisations (pure algebra, with D = M·N and C = 6·N·D = 6·M·N²):
 * <ul>
 *   <li>parameters and tokens, Chinchilla's form with one exponent: L = E + A·N^−a + B·D^−a, with A = α,
 *       B = β·6^(b/2), a = −b ({@link #tokensCoefficient()}, {@link #exponent()});</li>
 *   <li>compute and tokens per parameter, the paper's form: L(C, M) = E + (a_C·M^η + b_C·M^−η)·C^−η, with
 *       η = −b/2, a_C = α·6^η and b_C = β ({@link #computeForm()}, {@link #lossAtCompute(double, double)}).</li>
 * </ul>
 * The parameter order (α, β, b, E) is the code's; the notebook unpacks it as {@code (a, b, alpha_c, E)}, so its
 * {@code alpha_c} is the raw exponent b, not the compute exponent η.
 *
 * @param alpha       α, the coefficient of N^b
 * @param beta        β, the coefficient of 6^(b/2)·(M·N)^b
 * @param exponent    b, the exponent (negative)
 * @param irreducible E, the loss as N and M·N grow without bound
 */
public record OvertrainingLaw(double alpha, double beta, double exponent, double irreducible) {

    /** ln 6 / 2, the log of the 6^(1/2) factor in the tokens term. */
    static final double HALF_LN_SIX = 0.5 * Math.log(6.0);

    /** The law with parameters in the code's order (α, β, b, E). */
    public static OvertrainingLaw of(double[] parameters) {
        if (parameters.length != 4) {
            throw new IllegalArgumentException("the over-training law has 4 parameters (alpha, beta, b, E), got "
                    + parameters.length);
        }
        return new OvertrainingLaw(parameters[0], parameters[1], parameters[2], parameters[3]);
    }

    /** The parameters in the code's order (α, β, b, E). */
    public double[] parameters() {
        return new double[] {alpha, beta, exponent, irreducible};
    }

    /** L(N, M) = E + α·N^b + β·6^(b/2)·(M·N)^b. */
    public double loss(double params, double tokensPerParam) {
        return irreducible + reducibleLoss(params, tokensPerParam);
    }

    /** L(N, M) − E = α·N^b + β·6^(b/2)·(M·N)^b, the part that training can still remove. */
    public double reducibleLoss(double params, double tokensPerParam) {
        return alpha * Math.exp(exponent * Math.log(params))
                + beta * Math.exp(exponent * (HALF_LN_SIX + Math.log(tokensPerParam * params)));
    }

    /** The loss at training compute C = 6·N·D and tokens per parameter M: L at N = √(C/(6M)). */
    public double lossAtCompute(double compute, double tokensPerParam) {
        return computeForm().loss(compute, tokensPerParam);
    }

    /** B = β·6^(b/2), the coefficient of D^b in the parameters-and-tokens form E + A·N^b + B·D^b. */
    public double tokensCoefficient() {
        return beta * Math.exp(exponent * HALF_LN_SIX);
    }

    /** The law as L(C, M) = E + (a_C·M^η + b_C·M^−η)·C^−η. */
    public ComputeForm computeForm() {
        double eta = -exponent / 2;
        return new ComputeForm(alpha * Math.pow(6.0, eta), beta, eta, irreducible);
    }

    /**
     * The over-training law in the paper's compute form L(C, M) = E + (a·M^η + b·M^−η)·C^−η, with C = 6·N·D the
     * training compute, M = D/N the tokens per parameter and η &gt; 0 the compute exponent.
     *
     * @param a           a = α·6^η, the coefficient of M^η
     * @param b           b = β, the coefficient of M^−η
     * @param eta         η = −b_NM/2, the compute exponent (positive for a falling law)
     * @param irreducible E
     */
    public record ComputeForm(double a, double b, double eta, double irreducible) {

        /** L(C, M) = E + (a·M^η + b·M^−η)·C^−η. */
        public double loss(double compute, double tokensPerParam) {
            double mEta = Math.pow(tokensPerParam, eta);
            return irreducible + (a * mEta + b / mEta) * Math.pow(compute, -eta);
        }

        /** The same law in the parameters-and-tokens-per-parameter form L(N, M). */
        public OvertrainingLaw toParamsForm() {
            return new OvertrainingLaw(a * Math.pow(6.0, -eta), b, -2 * eta, irreducible);
        }
    }
}
