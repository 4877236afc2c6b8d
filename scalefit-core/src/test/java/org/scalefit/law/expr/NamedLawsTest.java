package org.scalefit.law.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.HuberLogLossObjective;
import org.scalefit.law.LawForm;
import org.scalefit.overtraining.OvertrainingLaw;

/** Each named law, written in the law language, against its hand-coded form: value and gradient, to rounding. */
class NamedLawsTest {

    /** Runs on a grid of repeated input values, k inputs. */
    static Observations runs(int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] levels = {{1e7, 3e7, 1e8, 3e8}, {2e9, 6e9, 2e10}, {256, 512, 1024}, {4e9, 4e10}};
        int n = 40;
        double[][] inputs = new double[n][k];
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            double loss = 1.7;
            for (int j = 0; j < k; j++) {
                double[] values = levels[j];
                inputs[i][j] = values[random.nextInt(values.length)];
                loss += 300 / Math.pow(inputs[i][j], 0.3);
            }
            losses[i] = loss * (1 + 0.02 * random.nextGaussian());
        }
        List<String> names = List.of("x1", "x2", "x3", "x4").subList(0, k);
        return new Observations("test", names, inputs, losses);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chinchilla", "width-depth", "width-depth-params"})
    void logSumExpLawsEqualTheBuiltInObjective(String name) {
        ExpressionLaw law = NamedLaws.named(name);
        LawForm form = LawForm.named(name);
        Observations runs = runs(form.arity(), 7);
        LawPoints points = LawPoints.of(runs);
        for (int j = 0; j < form.arity(); j++) {
            law = law.withColumn(law.expression().inputs().get(j), runs.inputNames().get(j));
        }
        for (double delta : new double[] {1e-3, 1e-1}) {
            ExpressionObjective expression = ExpressionObjective.of(law.withPenalty(Penalty.huber(delta)), points);
            HuberLogLossObjective builtIn = HuberLogLossObjective.of(form, runs, delta);
            assertThat(expression.dimension()).isEqualTo(builtIn.dimension());
            SplittableRandom random = new SplittableRandom(11);
            for (int trial = 0; trial < 50; trial++) {
                double[] theta = new double[builtIn.dimension()];
                for (int j = 0; j < form.arity(); j++) {
                    theta[j] = random.nextDouble(0, 1);
                    theta[form.arity() + j] = random.nextDouble(0, 12);
                }
                theta[2 * form.arity()] = random.nextDouble(-1, 1);
                double[] expected = new double[theta.length];
                double[] actual = new double[theta.length];
                double f = builtIn.valueAndGradient(theta, expected);
                assertThat(expression.valueAndGradient(theta, actual)).isCloseTo(f, within(1e-12 * f));
                assertThat(expression.value(theta)).isCloseTo(f, within(1e-12 * f));
                double scale = 0;
                for (double g : expected) {
                    scale = Math.max(scale, Math.abs(g));
                }
                for (int p = 0; p < theta.length; p++) {
                    assertThat(actual[p]).as("%s ∂F/∂θ_%d at %s", name, p, java.util.Arrays.toString(theta))
                            .isCloseTo(expected[p], within(1e-11 * scale));
                }
            }
        }
    }

    @Test
    void kaplanEqualsItsHandCodedForm() {
        // Kaplan et al. 2020 eq. 1.5 with their fitted values (Table 2 / §4): N_c = 6.4e13, D_c = 1.8e13
        double[] theta = {6.4e13, 1.8e13, 0.076, 0.095};
        checkAgainst(NamedLaws.named("kaplan"), theta, new double[][] {{1e8, 1e9}, {3e9, 2e11}, {7e10, 1.4e12}},
                (x) -> kaplan(x, theta), x -> kaplanGradient(x, theta));
    }

    private static double kaplan(double[] x, double[] t) {
        return Math.pow(Math.pow(t[0] / x[0], t[2] / t[3]) + t[1] / x[1], t[3]);
    }

    private static double[] kaplanGradient(double[] x, double[] t) {
        double ratio = t[2] / t[3];
        double p = Math.pow(t[0] / x[0], ratio);
        double inner = p + t[1] / x[1];
        double outer = Math.pow(inner, t[3]);
        double dInner = t[3] * outer / inner;
        double logNc = Math.log(t[0] / x[0]);
        return new double[] {dInner * ratio * p / t[0], dInner / x[1], dInner * p * logNc / t[3],
                outer * Math.log(inner) - dInner * p * logNc * t[2] / (t[3] * t[3])};
    }

    @Test
    void saturatingComputeEqualsItsHandCodedForm() {
        double[] theta = {1.8, 2.5e3, 0.15};
        checkAgainst(NamedLaws.named("saturating-compute"), theta, new double[][] {{1e18}, {3e20}, {6e23}},
                x -> theta[0] + theta[1] * Math.pow(x[0], -theta[2]),
                x -> new double[] {1, Math.pow(x[0], -theta[2]),
                        -theta[1] * Math.pow(x[0], -theta[2]) * Math.log(x[0])});
    }

    @Test
    void gadreOvertrainingEqualsTheOvertrainingLaw() {
        double[] theta = {1.2e3, 2.1e2, -0.22, 1.9};
        OvertrainingLaw law = OvertrainingLaw.of(theta);
        checkAgainst(NamedLaws.named("gadre-overtraining"), theta, new double[][] {{1.1e7, 20}, {4e8, 320}, {7e9, 2}},
                x -> law.loss(x[0], x[1]),
                x -> {
                    double nb = Math.pow(x[0], theta[2]);
                    double tokens = Math.pow(6, theta[2] / 2) * Math.pow(x[0] * x[1], theta[2]);
                    return new double[] {nb, tokens,
                            theta[0] * nb * Math.log(x[0])
                                    + theta[1] * tokens * (0.5 * Math.log(6) + Math.log(x[0] * x[1])), 1};
                });
    }

    @Test
    void dataConstrainedEqualsItsHandCodedFormAndThePublishedCheckValues() {
        ExpressionLaw law = NamedLaws.named("data-constrained");
        double[] theta = {NamedLaws.DATA_CONSTRAINED_A, NamedLaws.DATA_CONSTRAINED_B, NamedLaws.DATA_CONSTRAINED_E,
                NamedLaws.DATA_CONSTRAINED_ALPHA, NamedLaws.DATA_CONSTRAINED_ALPHA, 15.387756, 5.309743};
        // Muennighoff et al. (2023), README of huggingface/datablations, "Parametric Fit"
        assertThat(law.predict(new double[] {6.34e9, 242e9, 25e9}, theta))
                .isCloseTo(2.2256440889984477, within(1e-12));
        assertThat(law.predict(new double[] {8.67e9, 178e9, 25e9}, theta))
                .isCloseTo(2.2269634075087867, within(1e-12));
        double[][] points = {{6.34e9, 242e9, 25e9}, {8.67e9, 178e9, 25e9}, {1e8, 1e9, 1e9}, {2.8e9, 5.5e10, 4e9},
                {8.7e9, 1.8e11, 1.1e10}, {1.4e8, 2.2e10, 1e8}, {1e9, 1e10, 1e12}};
        checkAgainst(law, theta, points, x -> dataConstrained(x, theta), x -> numericGradient(x, theta));
    }

    /**
     * U is the unique tokens a run saw, which cannot exceed the tokens D it trained on: a run of D tokens from a
     * larger corpus (U > D) repeats nothing, and its effective data is D — not U, which the README's form, applied
     * outside its domain (R_D = max(D/U − 1, 0) = 0, D′ = U), would credit it with.
     */
    @Test
    void dataConstrainedCountsAtMostTheTrainedTokensAsUniqueData() {
        ExpressionLaw law = NamedLaws.named("data-constrained");
        double[] theta = law.theta(java.util.Map.of("R_D_star", 15.387756, "R_N_star", 5.309743));

        double fromLargerCorpus = law.predict(new double[] {1e9, 1e10, 1e12}, theta);

        assertThat(fromLargerCorpus).isEqualTo(law.predict(new double[] {1e9, 1e10, 1e10}, theta));
    }

    /**
     * A named law's fixed parameters (the data-constrained law's C4 base a, b, e, α, β) take their fixed values when
     * no value is given: only the fitted R_D*, R_N* are needed to evaluate it.
     */
    @Test
    void valuesOfANamedLawDefaultItsFixedParametersToTheirFixedValues() {
        ExpressionLaw law = NamedLaws.named("data-constrained");
        double[] theta = law.theta(java.util.Map.of("R_D_star", 15.387756, "R_N_star", 5.309743));
        assertThat(law.predict(new double[] {6.34e9, 242e9, 25e9}, theta))
                .isCloseTo(2.2256440889984477, within(1e-12));
    }

    /**
     * As R_D*, R_N* → ∞ repeated data and parameters are worth as much as fresh ones: R*·(1 − e^(−R/R*)) → R, so
     * D′ → U_D·(1 + R_D) = D, N′ → U_N·(1 + R_N) = N, and the law is E + A/N^α + B/D^β (at R* = 1e15 the
     * difference, R²/(2R*) of R, is below 1e-14). Written as 1 − exp(−R/R*) the decay is rounding there
     * (e^(−9e-15) is 1 − 9e-15 only to 1.1e-16), which a fit with R* unbounded above can exploit.
     */
    @Test
    void dataConstrainedAtHugeDecayConstantsIsChinchillasLawOnAllTokensAndParameters() {
        ExpressionLaw law = NamedLaws.named("data-constrained");
        double[] theta = law.theta(java.util.Map.of("R_D_star", 1e15, "R_N_star", 1e15));
        double n = 1e9;
        double d = 1e11;
        double alpha = NamedLaws.DATA_CONSTRAINED_ALPHA;
        double chinchilla = Math.exp(NamedLaws.DATA_CONSTRAINED_E)
                + Math.exp(NamedLaws.DATA_CONSTRAINED_A) / Math.pow(n, alpha)
                + Math.exp(NamedLaws.DATA_CONSTRAINED_B) / Math.pow(d, alpha);

        // U = 1e10 unique tokens: R_D = 9 epochs repeated; N_opt(U) ≈ 5e8 < N, so R_N ≈ 1
        double predicted = law.predict(new double[] {n, d, 1e10}, theta);

        assertThat(predicted).isCloseTo(chinchilla, within(1e-12 * chinchilla));
    }

    /**
     * The law as Muennighoff et al.'s README states it, term by term, with U_D = min(U, D) (their U ≤ D), and
     * 1 − e^(−x) computed as −expm1(−x).
     */
    static double dataConstrained(double[] x, double[] t) {
        double n = x[0];
        double d = x[1];
        double u = Math.min(x[2], d);
        double a = Math.exp(t[0]);
        double b = Math.exp(t[1]);
        double e = Math.exp(t[2]);
        double alpha = t[3];
        double beta = t[4];
        double g = Math.pow(alpha * a / (beta * b), 1 / (alpha + beta));
        double computeForU = 6 * Math.pow(g * u, (alpha + beta) / alpha);
        double nOpt = g * Math.pow(computeForU / 6, beta / (alpha + beta));
        double uN = Math.min(n, nOpt);
        double rD = Math.max(d / u - 1, 0);
        double rN = Math.max(n / uN - 1, 0);
        double dEff = u - u * t[5] * Math.expm1(-rD / t[5]);
        double nEff = uN - uN * t[6] * Math.expm1(-rN / t[6]);
        return e + a / Math.pow(nEff, alpha) + b / Math.pow(dEff, beta);
    }

    private static double[] numericGradient(double[] x, double[] theta) {
        double[] gradient = new double[theta.length];
        for (int p = 0; p < theta.length; p++) {
            double h = 1e-5 * Math.max(1, Math.abs(theta[p]));
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[p] += h;
            down[p] -= h;
            // fourth-order central difference
            double[] up2 = theta.clone();
            double[] down2 = theta.clone();
            up2[p] += 2 * h;
            down2[p] -= 2 * h;
            gradient[p] = (8 * (dataConstrained(x, up) - dataConstrained(x, down)) - dataConstrained(x, up2)
                    + dataConstrained(x, down2)) / (12 * h);
        }
        return gradient;
    }

    private static void checkAgainst(ExpressionLaw law, double[] theta, double[][] points,
                                     ToDoubleFunction<double[]> value,
                                     java.util.function.Function<double[], double[]> gradient) {
        for (double[] x : points) {
            double[] actual = new double[theta.length];
            double v = law.expression().evaluate(x, theta, actual);
            assertThat(v).as("%s at %s", law.name(), java.util.Arrays.toString(x))
                    .isCloseTo(value.applyAsDouble(x), within(1e-14 * Math.abs(v)));
            double[] expected = gradient.apply(x);
            for (int p = 0; p < theta.length; p++) {
                assertThat(actual[p]).as("%s ∂L/∂%s at %s", law.name(), law.parameterNames().get(p),
                        java.util.Arrays.toString(x)).isCloseTo(expected[p], within(1e-8 * Math.abs(expected[p]) + 1e-14));
            }
        }
    }
}
