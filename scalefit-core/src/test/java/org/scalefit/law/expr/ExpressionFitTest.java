package org.scalefit.law.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.scalefit.fit.FitProgress;
import org.scalefit.parallel.LocalParallelism;


class ExpressionFitTest {

    private static final LawExpression CHINCHILLA = LawExpression.parse("E + A/N^alpha + B/D^beta",
            List.of("N", "D"), List.of("E", "A", "B", "alpha", "beta"));

    /** A 6 × 6 grid of (N, D) with losses from {@code law}, times e^(noise·z). */
    static LawPoints synthetic(ToDoubleFunction<double[]> law, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] sizes = {1e7, 3e7, 1e8, 3e8, 1e9, 3e9};
        double[] tokens = {1e9, 3e9, 1e10, 3e10, 1e11, 3e11};
        int n = sizes.length * tokens.length;
        double[][] columns = new double[2][n];
        double[] losses = new double[n];
        int i = 0;
        for (double size : sizes) {
            for (double count : tokens) {
                columns[0][i] = size;
                columns[1][i] = count;
                losses[i] = law.applyAsDouble(new double[] {size, count}) * Math.exp(noise * random.nextGaussian());
                i++;
            }
        }
        return LawPoints.of("synthetic", List.of("N", "D"), columns, losses);
    }

    private static ExpressionFit fit(ExpressionLaw law, LawPoints data) {
        return ExpressionFitRequest.of(law, data).run(LocalParallelism.sequential(), FitProgress.silent());
    }

    /** Chinchilla's law with A, B on the log scale and a 3-value start grid per parameter. */
    static ExpressionLaw logScaleChinchilla() {
        return ExpressionLaw.of("test", CHINCHILLA)
                .withParameter(ParameterSpec.free("E").withStarts(0.5, 1, 2))
                .withParameter(ParameterSpec.free("A").logScale().withStarts(1e1, 1e3, 1e5))
                .withParameter(ParameterSpec.free("B").logScale().withStarts(1e1, 1e3, 1e5))
                .withParameter(ParameterSpec.free("alpha").withStarts(0.1, 0.3, 0.6))
                .withParameter(ParameterSpec.free("beta").withStarts(0.1, 0.3, 0.6));
    }

    @Test
    void aTiedExponentFitRecoversTheCommonExponent() {
        ToDoubleFunction<double[]> truth = x -> 1.8 + 420 / Math.pow(x[0], 0.32) + 900 / Math.pow(x[1], 0.32);
        ExpressionLaw tied = logScaleChinchilla().withParameter(ParameterSpec.free("beta").tiedTo("alpha"));
        ExpressionFit exact = fit(tied, synthetic(truth, 0, 1));
        assertThat(exact.succeeded()).isTrue();
        assertThat(exact.search().grid().dimension()).isEqualTo(4);
        assertThat(exact.parameter("alpha")).isCloseTo(0.32, within(1e-7));
        assertThat(exact.parameter("beta")).isEqualTo(exact.parameter("alpha"));
        assertThat(exact.parameter("E")).isCloseTo(1.8, within(1e-6));
        assertThat(exact.parameter("A")).isCloseTo(420, within(420 * 1e-5));
        assertThat(exact.parameter("B")).isCloseTo(900, within(900 * 1e-5));
        assertThat(exact.objective()).isLessThan(1e-20);

        ExpressionFit noisy = fit(tied, synthetic(truth, 0.003, 2));
        assertThat(noisy.parameter("alpha")).isCloseTo(0.32, within(0.02));
        assertThat(noisy.parameter("E")).isCloseTo(1.8, within(0.05));
    }

    @Test
    void aBoundedFitRecoversParametersInsideTheBoundsAndFlagsOneOnItsBound() {
        ToDoubleFunction<double[]> truth = x -> 2.1 + 310 / Math.pow(x[0], 0.29) + 1500 / Math.pow(x[1], 0.33);
        ExpressionLaw nonNegative = ExpressionLaw.of("ladder", CHINCHILLA);
        for (String name : CHINCHILLA.parameters()) {
            nonNegative = nonNegative.withParameter(ParameterSpec.free(name)
                    .withBounds(0, Double.POSITIVE_INFINITY).withStarts(name.startsWith("a") || name.startsWith("b")
                            ? new double[] {0.1, 0.3, 0.6} : name.equals("E") ? new double[] {0.5, 1, 2}
                            : new double[] {1e1, 1e3, 1e5}));
        }
        nonNegative = nonNegative.withParameter(ParameterSpec.free("alpha").withBounds(0, 1).withStarts(0.1, 0.3, 0.6))
                .withParameter(ParameterSpec.free("beta").withBounds(0, 1).withStarts(0.1, 0.3, 0.6));
        ExpressionFit fit = fit(nonNegative, synthetic(truth, 0, 3));
        assertThat(fit.parameter("E")).isCloseTo(2.1, within(1e-6));
        assertThat(fit.parameter("alpha")).isCloseTo(0.29, within(1e-7));
        assertThat(fit.parameter("beta")).isCloseTo(0.33, within(1e-7));
        assertThat(fit.parameter("A")).isCloseTo(310, within(310 * 1e-5));
        assertThat(fit.warnings()).isEmpty();

        // data from a negative floor: E ≥ 0 is active, the fit ends on the bound and says so
        ToDoubleFunction<double[]> below = x -> -0.3 + 310 / Math.pow(x[0], 0.29) + 1500 / Math.pow(x[1], 0.33);
        ExpressionFit onBound = fit(nonNegative, synthetic(below, 0, 4));
        assertThat(onBound.parameter("E")).isBetween(0.0, 1e-6);
        assertThat(onBound.warnings()).anyMatch(w -> w.startsWith("parameter E = ") && w.contains("bound 0.0"));
    }

    @Test
    void fixedParametersStayAndZeroWeightsDropPoints() {
        ToDoubleFunction<double[]> truth = x -> 1.8 + 420 / Math.pow(x[0], 0.32) + 900 / Math.pow(x[1], 0.28);
        LawPoints data = synthetic(truth, 0, 5);
        double[] losses = data.losses();
        double[] weights = data.weights();
        losses[3] *= 1.5;
        losses[17] *= 0.7;
        weights[3] = 0;
        weights[17] = 0;
        LawPoints withOutliers = new LawPoints("outliers", data.columnNames(), data.columns(), losses, weights);
        ExpressionLaw law = logScaleChinchilla().withParameter(ParameterSpec.free("E").fixedAt(1.8));
        ExpressionFit fit = fit(law, withOutliers);
        assertThat(fit.search().grid().dimension()).isEqualTo(4);
        assertThat(fit.parameter("E")).isEqualTo(1.8);
        assertThat(fit.parameter("beta")).isCloseTo(0.28, within(1e-7));
        assertThat(fit.predict(1e8, 1e10)).isCloseTo(truth.applyAsDouble(new double[] {1e8, 1e10}), within(1e-9));
    }

    /**
     * A point of weight 0 adds nothing to F, so it is left out: four weighted points cannot identify five parameters,
     * however many points of weight 0 lie beside them.
     */
    @Test
    void pointsOfWeightZeroDoNotCountTowardsIdentifyingTheLaw() {
        ToDoubleFunction<double[]> truth = x -> 1.8 + 420 / Math.pow(x[0], 0.32) + 900 / Math.pow(x[1], 0.28);
        LawPoints data = synthetic(truth, 0.003, 5);
        double[] weights = new double[data.size()];
        for (int i : new int[] {0, 7, 14, 21}) {
            weights[i] = 1;
        }
        ExpressionFit fit = fit(logScaleChinchilla(), data.withWeights(weights));
        assertThat(fit.identification().identified()).isFalse();
        assertThat(fit.points()).isEqualTo(4);
    }

    @Test
    void rawSquaredResidualsFitGadresOvertrainingLaw() {
        double[] truth = {1.2e3, 2.1e2, -0.22, 1.9};
        ExpressionLaw law = NamedLaws.named("gadre-overtraining").withColumn("N", "N").withColumn("M", "M");
        double[] sizes = {1.1e7, 7.9e7, 1.5e8, 4.1e8, 1.4e9};
        double[] ratios = {5, 10, 20, 40, 80, 160, 320, 640};
        double[][] columns = new double[2][sizes.length * ratios.length];
        double[] losses = new double[columns[0].length];
        int i = 0;
        for (double n : sizes) {
            for (double m : ratios) {
                columns[0][i] = n;
                columns[1][i] = m;
                losses[i++] = law.predict(new double[] {n, m}, truth);
            }
        }
        ExpressionFit fit = fit(law, LawPoints.of("gadre-like", List.of("N", "M"), columns, losses));
        assertThat(fit.parameter("b")).isCloseTo(-0.22, within(1e-6));
        assertThat(fit.parameter("E")).isCloseTo(1.9, within(1e-5));
        assertThat(fit.objective()).isLessThan(1e-12);
    }

    @Test
    void gradientOfTheObjectiveWithControlsIsExact() {
        ToDoubleFunction<double[]> truth = x -> 1.8 + 420 / Math.pow(x[0], 0.32) + 900 / Math.pow(x[1], 0.28);
        LawPoints data = synthetic(truth, 0.05, 6);
        ExpressionLaw law = ExpressionLaw.of("test", CHINCHILLA)
                .withParameter(ParameterSpec.free("E").withBounds(0.5, 3))
                .withParameter(ParameterSpec.free("A").logScale())
                .withParameter(ParameterSpec.free("B").logScale().withBounds(10, 1e5))
                .withParameter(ParameterSpec.free("beta").tiedTo("alpha"))
                .withPenalty(Penalty.huber(0.02));
        for (Residual residual : Residual.values()) {
            for (Penalty penalty : List.of(Penalty.huber(0.02), Penalty.squared())) {
                ExpressionObjective objective = ExpressionObjective.of(law.withResidual(residual)
                        .withPenalty(penalty), data.withWeights(data.column("N")));
                assertGradientIsCentralDifferences(objective, new double[] {0.3, 6.1, -0.4, 0.27},
                        residual + " " + penalty);
            }
        }
    }

    /** ∇F at u equals central differences (step 1e-6) to 1e-5 relative, 1e-9 absolute, per coordinate. */
    static void assertGradientIsCentralDifferences(ExpressionObjective objective, double[] u, String label) {
        double[] gradient = new double[u.length];
        objective.valueAndGradient(u, gradient);
        for (int k = 0; k < u.length; k++) {
            double h = 1e-6;
            double[] up = u.clone();
            double[] down = u.clone();
            up[k] += h;
            down[k] -= h;
            double numeric = (objective.value(up) - objective.value(down)) / (2 * h);
            assertThat(gradient[k]).as("%s ∂F/∂u_%d", label, k)
                    .isCloseTo(numeric, within(1e-5 * Math.abs(numeric) + 1e-9));
        }
    }

    @Test
    void aMissingColumnOrADivisionByZeroAtADataPointIsReportedInTheExpression() {
        LawPoints data = LawPoints.of("two points", List.of("N", "T"), new double[][] {{1e8, 2e8}, {1e9, 1e9}},
                new double[] {3, 2.9});
        assertThatThrownBy(() -> ExpressionObjective.of(ExpressionLaw.of("x", CHINCHILLA), data))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("input 'D' reads column 'D', which the data (two points) does not have")
                .hasMessageContaining("column 19");
        LawExpression divides = LawExpression.parse("E + A*alpha/(N - 2e8)", List.of("N"),
                List.of("E", "A", "alpha"));
        assertThatThrownBy(() -> ExpressionObjective.of(ExpressionLaw.of("x", divides), data))
                .isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("division by zero at data point 1 (N = 2.0E8) at column 12");
        LawExpression logarithm = LawExpression.parse("E + A*log(N - 2e8)^alpha", List.of("N"),
                List.of("E", "A", "alpha"));
        assertThatThrownBy(() -> ExpressionObjective.of(ExpressionLaw.of("x", logarithm), data))
                .isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("a sub-expression of the data evaluates to NaN at data point 0 (N = 1.0E8) at column 7");
        LawExpression ratio = LawExpression.parse("E + A*(N/(T - 1e9))^alpha", List.of("N", "T"),
                List.of("E", "A", "alpha"));
        assertThatThrownBy(() -> ExpressionObjective.of(ExpressionLaw.of("x", ratio), data))
                .isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("division by zero at data point 0 (N = 1.0E8, T = 1.0E9) at column 9");
    }

    @Test
    void aCoefficientFittedOnTheLinearScaleFarBeyondItsStartsIsFlagged() {
        ToDoubleFunction<double[]> truth = x -> 1.9 + 380 / Math.pow(x[0], 0.31) + 1100 / Math.pow(x[1], 0.29);
        LawPoints data = synthetic(truth, 0.002, 5);

        ExpressionFit linear = fit(ExpressionLaw.of("linear", CHINCHILLA), data);
        assertThat(linear.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("parameter A = ")
                .contains("ended far beyond its start values (0 … 1, linear scale)").contains("--log A"));

        ExpressionFit logScale = fit(logScaleChinchilla(), data);
        assertThat(logScale.warnings()).noneSatisfy(warning -> assertThat(warning).contains("far beyond"));
    }

    @Test
    void aLawThatTurnsNegativeBeyondTheDataIsFlaggedWithWhereItDoes() {
        ToDoubleFunction<double[]> negativeFloor = x -> -0.05 + 400 / Math.pow(x[0], 0.3) + 1200 / Math.pow(x[1], 0.3);
        ExpressionFit negative = fit(logScaleChinchilla(), synthetic(negativeFloor, 0, 6));
        assertThat(negative.parameter("E")).isCloseTo(-0.05, within(1e-6));
        assertThat(negative.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("the fitted law predicts a non-positive value (").contains("beyond the data, at N = "));

        ToDoubleFunction<double[]> positiveFloor = x -> 1.8 + 400 / Math.pow(x[0], 0.3) + 1200 / Math.pow(x[1], 0.3);
        ExpressionFit positive = fit(logScaleChinchilla(), synthetic(positiveFloor, 0, 6));
        assertThat(positive.warnings()).noneSatisfy(warning -> assertThat(warning).contains("non-positive"));
    }

    @Test
    void aLogScaleParameterTheObjectiveDoesNotDependOnIsReportedAsNotIdentified() {
        ToDoubleFunction<double[]> noFloor = x -> 400 / Math.pow(x[0], 0.3) + 1200 / Math.pow(x[1], 0.3);
        ExpressionLaw logFloor = logScaleChinchilla()
                .withParameter(ParameterSpec.free("E").logScale().withStarts(0.5, 1, 2));
        ExpressionFit fit = fit(logFloor, synthetic(noFloor, 0.003, 7));
        assertThat(fit.parameter("E")).isLessThan(1e-6);
        assertThat(fit.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("parameter E = ").contains("is not identified").contains("read it as negligible"));

        ToDoubleFunction<double[]> floor = x -> 1.8 + 400 / Math.pow(x[0], 0.3) + 1200 / Math.pow(x[1], 0.3);
        assertThat(fit(logFloor, synthetic(floor, 0.003, 7)).warnings())
                .noneSatisfy(warning -> assertThat(warning).contains("not identified"));
    }

    /**
     * A fitted law whose loss grows with the model size at every point (here the data's own trend: the losses rise
     * with N) contradicts every published scaling law: the fit must say so, naming the input and its column; the
     * same law on losses that fall with N must not.
     */
    @Test
    void aFittedLossThatGrowsWithASizeColumnAtEveryPointIsFlagged() {
        ExpressionLaw law = logScaleChinchilla().withColumn("N", "params").withColumn("D", "tokens");
        ToDoubleFunction<double[]> rising = x -> 1.0 + 0.4 * Math.pow(x[0], 0.05) + 1200 / Math.pow(x[1], 0.3);
        LawPoints risingData = synthetic(rising, 0.002, 9);
        ExpressionFit grows = fit(law, LawPoints.of("rising", List.of("params", "tokens"),
                new double[][] {risingData.column("N"), risingData.column("D")}, risingData.losses()));
        assertThat(grows.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("implausible: the fitted loss grows with N (column params) at every point"));

        ToDoubleFunction<double[]> falling = x -> 1.8 + 400 / Math.pow(x[0], 0.3) + 1200 / Math.pow(x[1], 0.3);
        LawPoints fallingData = synthetic(falling, 0.002, 9);
        ExpressionFit falls = fit(law, LawPoints.of("falling", List.of("params", "tokens"),
                new double[][] {fallingData.column("N"), fallingData.column("D")}, fallingData.losses()));
        assertThat(falls.warnings()).noneSatisfy(warning -> assertThat(warning).contains("grows with"));
    }

    /**
     * A linear-scale parameter whose term vanishes at every point (k of k·e^(−N/τ) with τ = 1 next to N ≥ 10⁷: the
     * term is exactly 0) leaves the objective unchanged whatever its value; with one start value every optimum holds
     * it at that start, so only moving it tells that the data do not determine it. Kaplan's law written as text ends
     * so (α_D held at its start, D_c/D negligible) from the default linear starts.
     */
    @Test
    void aLinearScaleParameterTheObjectiveDoesNotDependOnIsReportedAsNotIdentified() {
        ToDoubleFunction<double[]> truth = x -> 1.8 + 400 / Math.pow(x[0], 0.3) + 1200 / Math.pow(x[1], 0.3);
        LawExpression vanishing = LawExpression.parse("E + A/N^alpha + B/D^beta + k*exp(-N/tau)",
                List.of("N", "D"), List.of("E", "A", "B", "alpha", "beta", "k", "tau"));
        ExpressionLaw law = ExpressionLaw.of("test", vanishing)
                .withParameter(ParameterSpec.free("E").withStarts(1, 2))
                .withParameter(ParameterSpec.free("A").logScale().withStarts(1e2, 1e3))
                .withParameter(ParameterSpec.free("B").logScale().withStarts(1e2, 1e3))
                .withParameter(ParameterSpec.free("alpha").withStarts(0.3))
                .withParameter(ParameterSpec.free("beta").withStarts(0.3))
                .withParameter(ParameterSpec.free("k").withStarts(0.5))
                .withParameter(ParameterSpec.free("tau").fixedAt(1));
        ExpressionFit fit = fit(law, synthetic(truth, 0.003, 8));
        assertThat(fit.parameter("k")).isEqualTo(0.5);
        assertThat(fit.notIdentified()).containsExactly("k");
        assertThat(fit.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("parameter k = 0.500000 is not identified").contains("its value is arbitrary"));
    }

    /**
     * Gadre et al.'s downstream law on errors that are the same at every run (every model at chance): k·e^(−γ·L) fits
     * them at k = 0 whatever γ is, so starts end equally well at different rates, which the fit must say.
     */
    @Test
    void equallyGoodOptimaAtDifferentParametersAreReportedAsAFlatDirection() {
        ExpressionLaw decay = ExpressionLaw.of("user", LawExpression.parse("eps - k*exp(-gamma*L)", List.of("L"),
                        List.of("eps", "k", "gamma")))
                .withResidual(Residual.RAW).withPenalty(Penalty.squared())
                .withParameter(ParameterSpec.free("eps").withStarts(0.5, 1))
                .withParameter(ParameterSpec.free("k").withStarts(0.5, 1, 2))
                .withParameter(ParameterSpec.free("gamma").withStarts(0.3, 1, 3));
        double[] loss = {5.4, 5.1, 4.9, 3.9, 3.7, 3.6, 3.5, 3.4, 3.3, 3.1};
        double[] chance = new double[loss.length];
        java.util.Arrays.fill(chance, 0.75);
        ExpressionFit fit = fit(decay, LawPoints.of("chance", List.of("L"), new double[][] {loss}, chance));
        assertThat(fit.warnings()).anySatisfy(warning -> assertThat(warning).startsWith("flat:"));
    }

    /**
     * A and K enter only as their product: on losses the law fits exactly, F at the best optimum is rounding noise
     * (≈ 10⁻³¹), and other starts' optima with another split of A·K are just as good though their F, also noise,
     * is many times the best's. The fit must still say that A and K are not determined.
     */
    @Test
    void equallyGoodOptimaOnDataTheLawFitsExactlyAreReportedAsAFlatDirection() {
        ExpressionLaw product = ExpressionLaw.of("user", LawExpression.parse("E + A*K/N^alpha + B/D^beta",
                List.of("N", "D"), List.of("E", "A", "K", "alpha", "B", "beta")));
        ToDoubleFunction<double[]> truth = x -> 1.7 + 400 / Math.pow(x[0], 0.34) + 410 / Math.pow(x[1], 0.28);
        ExpressionFit fit = fit(product, synthetic(truth, 0, 1));
        assertThat(fit.objective()).isLessThan(1e-20);
        assertThat(fit.warnings()).anySatisfy(warning -> assertThat(warning).startsWith("flat: optima within rounding")
                .contains("the law fitting the data exactly"));
        assertThat(fit.notIdentified()).contains("A", "K");
    }

    @Test
    void aFixedFloorAboveEveryLossIsReportedWithThePointsAllOnOneSide() {
        ToDoubleFunction<double[]> truth = x -> 1.8 + 400 / Math.pow(x[0], 0.3) + 1200 / Math.pow(x[1], 0.3);
        LawPoints data = synthetic(truth, 0.003, 8);
        ExpressionFit fixedHigh = fit(logScaleChinchilla().withFixed(java.util.Map.of("E", 10.0)), data);
        assertThat(fixedHigh.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("every point lies below the fitted law (log residuals -").contains("(E = 10)"));

        assertThat(fit(logScaleChinchilla(), data).warnings())
                .noneSatisfy(warning -> assertThat(warning).contains("every point lies"));
    }
}
