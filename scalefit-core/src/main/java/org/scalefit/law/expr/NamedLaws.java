package org.scalefit.law.expr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The laws scalefit knows by name, each written in the law language (so they fit, bootstrap and predict exactly as
 * a user's law does), with the controls and start grids of the studies that fit them:
 * <ul>
 *   <li>{@code chinchilla} — Hoffmann et al. (2022) eq. 2, L(N, D) = E + A/N^α + B/D^β, fitted in log space as
 *       {@code exp(e) + exp(a − alpha·log N) + exp(b − beta·log D)}; θ = (α, β, a, b, e) in the order of
 *       {@link org.scalefit.law.LawForm}, Gemstones' 4 500-start grid; N = params, D = tokens.</li>
 *   <li>{@code width-depth}, {@code width-depth-params} — Gemstones' log-sum-exp laws in (width, depth, tokens) and
 *       (width, depth, params, tokens), θ = (α_1…α_k, c_1…c_k, e), the 5^k·6^k·5-start grids.</li>
 *   <li>{@code kaplan} — Kaplan et al. (2020) eq. 1.5, L(N, D) = ((N_c/N)^(α_N/α_D) + D_c/D)^α_D; N_c and D_c on the
 *       log scale.</li>
 *   <li>{@code data-constrained} — Muennighoff et al. (2023) eqs. 5–7 with their C4 base law: L = E + A/N′^α +
 *       B/D′^β with effective data D′ = U_D + U_D·R_D*·(1 − e^(−R_D/R_D*)), R_D = max(D/U_D − 1, 0), and
 *       effective parameters N′ = U_N + U_N·R_N*·(1 − e^(−R_N/R_N*)), U_N = min(N, N_opt(U_D)),
 *       R_N = max(N/U_N − 1, 0), where N_opt(U_D) = G·(C_U/6)^(β/(α+β)), G = (αA/(βB))^(1/(α+β)),
 *       C_U = 6·(G·U_D)^((α+β)/α) (Chinchilla eq. 4 at the compute for which U_D tokens are compute-optimal). U_D,
 *       the unique tokens the run saw, is min(U, D): the paper's U_D never exceeds D (their README's code uses U, all
 *       of whose runs have U ≤ D, so both agree there), and a run of D tokens from a larger corpus repeats nothing
 *       and learns from D tokens, not U. The base (a, b, e, α, β) is fixed at the paper's values and only R_D*,
 *       R_N* are fitted, from their grid {0, 20/3, 40/3, 20}²; U = unique_tokens. R_D* and R_N* are decay constants,
 *       meaningful when positive ({@link ParameterMeaning}): the engine does not bound them (the law computes for
 *       R* &lt; 0), but a fit that ends at a negative one warns that the law then says repetition beats fresh data
 *       (or excess parameters beat compute-optimal ones).</li>
 *   <li>{@code saturating-compute} — L(C) = E + A·C^−α, a power law in training compute with a floor; A on the log
 *       scale.</li>
 *   <li>{@code gadre-overtraining} — Gadre et al. (2024) {@code powlaw_ours}: L(N, M) = E + α·N^b + β·6^(b/2)·(M·N)^b,
 *       M = D/N tokens per parameter; fitted as they fit it, least squares on raw losses (unweighted) from their
 *       128 starts (see {@link org.scalefit.overtraining.OvertrainingLaw}).</li>
 * </ul>
 */
public final class NamedLaws {

    /** The C4 base law of Muennighoff et al. (2023) (their README, "Parametric Fit"): α = β. */
    public static final double DATA_CONSTRAINED_A = 6.255414;
    public static final double DATA_CONSTRAINED_B = 7.3049974;
    public static final double DATA_CONSTRAINED_E = 0.6254804;
    public static final double DATA_CONSTRAINED_ALPHA = 0.3526596;

    private static final double[] EXPONENTS = {0, 0.5, 1, 1.5, 2};
    private static final double[] COEFFICIENTS = {0, 5, 10, 15, 20, 25};
    private static final double[] IRREDUCIBLE = {-1, -0.5, 0, 0.5, 1};

    private static final Map<String, Supplier<ExpressionLaw>> LAWS = new LinkedHashMap<>();

    static {
        LAWS.put("chinchilla", () -> logSumExp("chinchilla", List.of("N", "D"), List.of("params", "tokens")));
        LAWS.put("width-depth", () -> logSumExp("width-depth", List.of("w", "d", "D"),
                List.of("width", "depth", "tokens")));
        LAWS.put("width-depth-params", () -> logSumExp("width-depth-params", List.of("w", "d", "N", "D"),
                List.of("width", "depth", "params", "tokens")));
        LAWS.put("kaplan", NamedLaws::kaplan);
        LAWS.put("data-constrained", NamedLaws::dataConstrained);
        LAWS.put("saturating-compute", NamedLaws::saturatingCompute);
        LAWS.put("gadre-overtraining", NamedLaws::gadreOvertraining);
    }

    private NamedLaws() {
    }

    /** The names, in order. */
    public static List<String> names() {
        return List.copyOf(LAWS.keySet());
    }

    /** Whether {@code name} is a named law. */
    public static boolean exists(String name) {
        return LAWS.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The law of this name.
     *
     * @throws IllegalArgumentException if there is none (the message lists the names)
     */
    public static ExpressionLaw named(String name) {
        Supplier<ExpressionLaw> law = LAWS.get(name.toLowerCase(Locale.ROOT));
        if (law == null) {
            throw new IllegalArgumentException("unknown law '" + name + "'; the named laws are "
                    + String.join(", ", LAWS.keySet()));
        }
        return law.get();
    }

    /** log L̂ = logsumexp(c_j − α_j·log x_j, e): θ = (α_1…α_k, c_1…c_k, e), Gemstones' grid. */
    private static ExpressionLaw logSumExp(String name, List<String> inputs, List<String> columns) {
        int k = inputs.size();
        StringBuilder text = new StringBuilder("exp(e)");
        String[] alphas = new String[k];
        String[] coefficients = new String[k];
        for (int j = 0; j < k; j++) {
            String suffix = k == 2 ? "" : "_" + inputs.get(j);
            alphas[j] = k == 2 ? (j == 0 ? "alpha" : "beta") : "alpha" + suffix;
            coefficients[j] = k == 2 ? (j == 0 ? "a" : "b") : "c" + suffix;
            text.append(" + exp(").append(coefficients[j]).append(" - ").append(alphas[j]).append("*log(")
                    .append(inputs.get(j)).append("))");
        }
        List<String> parameters = new java.util.ArrayList<>(List.of(alphas));
        parameters.addAll(List.of(coefficients));
        parameters.add("e");
        ExpressionLaw law = ExpressionLaw.of(name, LawExpression.parse(text.toString(), inputs, parameters));
        for (int j = 0; j < k; j++) {
            law = law.withColumn(inputs.get(j), columns.get(j))
                    .withParameter(ParameterSpec.free(alphas[j]).withStarts(EXPONENTS))
                    .withParameter(ParameterSpec.free(coefficients[j]).withStarts(COEFFICIENTS));
        }
        return law.withParameter(ParameterSpec.free("e").withStarts(IRREDUCIBLE));
    }

    private static ExpressionLaw kaplan() {
        LawExpression expression = LawExpression.parse("((N_c/N)^(alpha_N/alpha_D) + D_c/D)^alpha_D",
                List.of("N", "D"), List.of("N_c", "D_c", "alpha_N", "alpha_D"));
        return ExpressionLaw.of("kaplan", expression)
                .withColumn("N", "params").withColumn("D", "tokens")
                .withParameter(ParameterSpec.free("N_c").logScale().withStarts(1e11, 1e13, 1e15))
                .withParameter(ParameterSpec.free("D_c").logScale().withStarts(1e11, 1e13, 1e15))
                .withParameter(ParameterSpec.free("alpha_N").withStarts(0.03, 0.08, 0.2, 0.5))
                .withParameter(ParameterSpec.free("alpha_D").withStarts(0.03, 0.1, 0.3, 0.6));
    }

    /**
     * The text of the data-constrained law (Muennighoff et al. 2023 eqs. 5–7), with named steps. The decay
     * U·R*·(1 − e^(−R/R*)) is written −U·R*·expm1(−R/R*): the same value, but exact to rounding for R ≪ R*, where
     * 1 − e^(−R/R*) is all rounding (at R* = 1e15 it is off by ~1 %, and a fit with R* unbounded above minimised
     * the rounding).
     */
    public static final String DATA_CONSTRAINED_TEXT = String.join("\n",
            "A = exp(a); B = exp(b); E = exp(e);",
            "G = (alpha*A/(beta*B))^(1/(alpha + beta));",
            "U_D = min(U, D);",
            "C_U = 6*(G*U_D)^((alpha + beta)/alpha);",
            "N_opt = G*(C_U/6)^(beta/(alpha + beta));",
            "U_N = min(N, N_opt);",
            "R_D = max(D/U_D - 1, 0);",
            "R_N = max(N/U_N - 1, 0);",
            "D_eff = U_D - U_D*R_D_star*expm1(-R_D/R_D_star);",
            "N_eff = U_N - U_N*R_N_star*expm1(-R_N/R_N_star);",
            "E + A/N_eff^alpha + B/D_eff^beta");

    private static ExpressionLaw dataConstrained() {
        LawExpression expression = LawExpression.parse(DATA_CONSTRAINED_TEXT, List.of("N", "D", "U"),
                List.of("a", "b", "e", "alpha", "beta", "R_D_star", "R_N_star"));
        double[] grid = {0, 20.0 / 3, 40.0 / 3, 20};
        return ExpressionLaw.of("data-constrained", expression)
                .withColumn("N", "params").withColumn("D", "tokens").withColumn("U", "unique_tokens")
                .withParameter(ParameterSpec.free("a").fixedAt(DATA_CONSTRAINED_A))
                .withParameter(ParameterSpec.free("b").fixedAt(DATA_CONSTRAINED_B))
                .withParameter(ParameterSpec.free("e").fixedAt(DATA_CONSTRAINED_E))
                .withParameter(ParameterSpec.free("alpha").fixedAt(DATA_CONSTRAINED_ALPHA))
                .withParameter(ParameterSpec.free("beta").fixedAt(DATA_CONSTRAINED_ALPHA))
                .withParameter(ParameterSpec.free("R_D_star").withStarts(grid))
                .withParameter(ParameterSpec.free("R_N_star").withStarts(grid))
                .withMeaning(ParameterMeaning.above("R_D_star", 0, "the decay constant of repeated data's worth "
                        + "(Muennighoff et al. 2023, eq. 5: the R-th repetition of the unique tokens is worth "
                        + "e^(−R/R_D*) of an epoch of fresh ones)", "below 0 the law says the opposite of a decay: "
                        + "the R-th repetition is worth e^(R/|R_D*|) times an epoch of fresh tokens, so the effective "
                        + "data D′ exceed the tokens trained on (D′ > D) and grow exponentially with the repetitions "
                        + "(infinite once e^(R_D/|R_D*|) overflows, where the data term B/D′^β vanishes): repeated "
                        + "data would be worth more than fresh data, the more the more it is repeated. Do not read it as a worth of "
                        + "repeated data; fit R_D_star kept positive (--log R_D_star) to see where the data put it"))
                .withMeaning(ParameterMeaning.above("R_N_star", 0, "the decay constant of excess parameters' worth "
                        + "(Muennighoff et al. 2023, eq. 6: parameters beyond N_opt(U_D), the compute-optimal size "
                        + "for the unique data, R_N = N/U_N − 1 multiples of it, are worth e^(−R_N/R_N*) of "
                        + "compute-optimal ones at the margin)", "below 0 the law says the opposite of a decay: "
                        + "the excess parameters count for more than their number, so the effective parameters N′ "
                        + "exceed the parameters (N′ > N) and grow exponentially with the excess (infinite once "
                        + "e^(R_N/|R_N*|) overflows, where the parameter term A/N′^α vanishes): a model larger than "
                        + "its unique data warrant would gain more per parameter than one its data fit. Do not read "
                        + "it as a worth of excess parameters; fit R_N_star kept positive (--log R_N_star) to see "
                        + "where the data put it"));
    }

    private static ExpressionLaw saturatingCompute() {
        LawExpression expression = LawExpression.parse("E + A*C^(-alpha)", List.of("C"),
                List.of("E", "A", "alpha"));
        return ExpressionLaw.of("saturating-compute", expression)
                .withColumn("C", "FLOPs")
                .withParameter(ParameterSpec.free("E").withStarts(0, 1, 2))
                .withParameter(ParameterSpec.free("A").logScale().withStarts(1, 1e2, 1e4, 1e6))
                .withParameter(ParameterSpec.free("alpha").withStarts(0.02, 0.05, 0.1, 0.2, 0.4));
    }

    private static ExpressionLaw gadreOvertraining() {
        LawExpression expression = LawExpression.parse("E + alpha*N^b + beta*6^(b/2)*(M*N)^b", List.of("N", "M"),
                List.of("alpha", "beta", "b", "E"));
        return ExpressionLaw.of("gadre-overtraining", expression)
                .withColumn("N", "params").withColumn("M", "tokens_per_param")
                .withResidual(Residual.RAW).withPenalty(Penalty.squared())
                .withParameter(ParameterSpec.free("alpha").withStarts(1e2, 3e2, 1e3, 3e3))
                .withParameter(ParameterSpec.free("beta").withStarts(1e2, 3e2, 1e3, 3e3))
                .withParameter(ParameterSpec.free("b").withStarts(-0.1, -0.3))
                .withParameter(ParameterSpec.free("E").withStarts(0, 1, 2, 10));
    }
}
