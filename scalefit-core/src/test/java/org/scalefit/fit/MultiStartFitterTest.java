package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.parallel.SerializingParallelism;


/**
 * The contract of the multi-start engine on data it was not tuned on: the answer is the lowest end of any start, a
 * tested local minimum, and early recognition (a user's opt-in shortcut) ends where the default search, which runs
 * every start to its end, ends. One instance serves the whole class, so the default search on a corpus table is made
 * once and both the recognising and the trust-region Newton searches are held to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiStartFitterTest {

    private static final MultiStartFitter.Options DEFAULT = MultiStartFitter.Options.defaults();
    private static final MultiStartFitter.Options EXHAUSTIVE = DEFAULT;
    /** Early recognition, a user's opt-in: its contract checked on the 2-input corpus. */
    private static final MultiStartFitter.Options RECOGNISING = DEFAULT.withRecognition(true);

    /** The default search (every start to its end, L-BFGS) on a corpus table, by "table|δ": made once per class. */
    private final Map<String, LawFit> exhaustiveFits = new HashMap<>();

    private LawFit exhaustiveFit(String table, double delta) {
        return exhaustiveFits.computeIfAbsent(table + "|" + delta,
                key -> fit(AdversarialCorpus.table(table), delta, EXHAUSTIVE, 2));
    }

    static Stream<Arguments> corpusAtBothDeltas() {
        return AdversarialCorpus.TABLES.stream().flatMap(table -> Stream.of(Arguments.of(table, 1e-3),
                Arguments.of(table, 1e-4)));
    }

    /** The built-in Chinchilla law fitted from Gemstones' grid, as {@code scalefit fit} fits it. */
    static LawFit fit(Observations data, double delta, MultiStartFitter.Options options, int threads) {
        return fit(LawForm.CHINCHILLA, data, delta, options, threads);
    }

    /** The built-in law {@code form} fitted from Gemstones' grid for its arity, as {@code scalefit fit} fits it. */
    static LawFit fit(LawForm form, Observations data, double delta, MultiStartFitter.Options options, int threads) {
        return new FitProblem(form, data, delta, StartGrid.gemstones(form.arity()), options)
                .fit(LocalParallelism.withThreads(threads), FitProgress.silent());
    }

    @Tag("exhaustive") // the default against the exhaustive search on the whole corpus at both δ: CI (-Pall); the drawn tables below stay
    @ParameterizedTest(name = "{0}, δ = {1}")
    @MethodSource("corpusAtBothDeltas")
    void earlyRecognitionEndsWhereTheExhaustiveSearchEnds(String table, double delta) {
        LawFit fast = fit(AdversarialCorpus.table(table), delta, RECOGNISING, 2);
        LawFit exhaustive = exhaustiveFit(table, delta);
        assertThat(exhaustive.search().recognisedStarts()).isZero();
        assertThat(fast.loss()).isCloseTo(exhaustive.loss(), within(1e-9 * exhaustive.loss()));
        assertThat(fast.status()).isEqualTo(LawFit.Status.CONVERGED);
        assertThat(exhaustive.status()).isEqualTo(LawFit.Status.CONVERGED);
        assertThat(fast.search().stationarity().relativeDecrease()).isLessThanOrEqualTo(Stationarity.DECREASE_TOLERANCE);
    }

    static Stream<Arguments> corpusAtLargerDeltas() {
        return AdversarialCorpus.TABLES.stream().flatMap(table -> Stream.of(1e-2, 1e-1, 1.0)
                .map(delta -> Arguments.of(table, delta)));
    }

    @Tag("exhaustive") // δ the corpus was never looked at with (Huber towards least squares): CI (-Pall)
    @ParameterizedTest(name = "{0}, δ = {1}")
    @MethodSource("corpusAtLargerDeltas")
    void atLargerDeltasEarlyRecognitionNeverEndsAboveTheExhaustiveSearch(String table, double delta) {
        Observations data = AdversarialCorpus.table(table);
        LawFit fast = fit(data, delta, RECOGNISING, 2);
        LawFit exhaustive = fit(data, delta, EXHAUSTIVE, 2);
        assertThat(fast.loss()).isLessThanOrEqualTo(exhaustive.loss() * (1 + 1e-9));
        assertThat(fast.status()).isEqualTo(LawFit.Status.CONVERGED);
        assertThat(exhaustive.status()).isEqualTo(LawFit.Status.CONVERGED);
    }

    static Stream<Arguments> randomTablesAtBothDeltas() {
        return AdversarialCorpus.RANDOM_TABLES.stream().flatMap(table -> Stream.of(Arguments.of(table, 1e-3),
                Arguments.of(table, 1e-4)));
    }

    /**
     * The lowest value that any start of the grid reaches when L-BFGS runs from it alone to scipy's tolerance made
     * relative ({@link LbfgsSettings#scaleFree()}): the grid search's answer by its definition, computed without the
     * engine's waves, recognition or verification.
     */
    private static double lowestEndOfAnyStart(Observations data, double delta) {
        HuberLogLossObjective objective = HuberLogLossObjective.of(LawForm.CHINCHILLA, data, delta);
        StartGrid grid = StartGrid.gemstones(2);
        Lbfgs lbfgs = new Lbfgs(objective.dimension(),
                LbfgsSettings.scaleFree().withValueFloor(objective.roundingLevel()));
        double[] x = new double[objective.dimension()];
        double lowest = Double.POSITIVE_INFINITY;
        for (long start = 0; start < grid.size(); start++) {
            grid.start(start, x);
            LbfgsOutcome outcome = lbfgs.minimize(objective, x);
            if (outcome.success()) {
                lowest = Math.min(lowest, outcome.value());
            }
        }
        return lowest;
    }

    @ParameterizedTest(name = "{0}, δ = {1}")
    @MethodSource("randomTablesAtBothDeltas")
    void theAnswerIsAtMostTheLowestEndOfAnyStartRunOnItsOwn(String table, double delta) {
        Observations data = AdversarialCorpus.table(table);
        LawFit fit = fit(data, delta, DEFAULT, 2);
        assertThat(fit.loss()).isLessThanOrEqualTo(lowestEndOfAnyStart(data, delta) * (1 + 1e-9));
        assertThat(fit.status()).isEqualTo(LawFit.Status.CONVERGED);
    }

    @Test
    void everyStartRunsToItsEndByDefault() {
        assertThat(DEFAULT.recognition()).isFalse();
        assertThat(fit(AdversarialCorpus.table("ladder-00"), 1e-3, DEFAULT, 2).search().recognisedStarts()).isZero();
    }

    @Test
    void drawnTablesEndWhereTheExhaustiveSearchEnds() {
        qt().withFixedSeed(20261205L).withExamples(10).forAll(longs().all()).checkAssert(seed -> {
            Observations data = AdversarialCorpus.drawn(seed);
            LawFit fast = fit(data, 1e-3, RECOGNISING, 2);
            LawFit exhaustive = fit(data, 1e-3, EXHAUSTIVE, 2);
            assertThat(fast.loss()).as("seed %d", seed).isCloseTo(exhaustive.loss(), within(1e-9 * exhaustive.loss()));
            assertThat(fast.status()).as("seed %d", seed).isEqualTo(LawFit.Status.CONVERGED);
        });
    }

    @Test
    void aCompetingBasinIsReportedWithItsPrescription() {
        LawFit fit = fit(AdversarialCorpus.table("competing-170"), 1e-3, DEFAULT, 2);
        StartOutcome second = fit.search().secondBest();
        assertThat(second).isNotNull();
        double gap = (second.value() - fit.loss()) / fit.loss();
        assertThat(gap).isBetween(1e-9, MultiStartFitter.COMPETING_MARGIN);
        assertThat(Math.abs(FitDiagnostics.computeOptimalExponent(second.point())
                - FitDiagnostics.computeOptimalExponent(fit.parameters()))).isGreaterThan(0.1);
        assertThat(fit.warnings()).anyMatch(warning -> warning.startsWith("competing basin:")
                && warning.contains("prescribes N_opt"));
    }

    /** 21 runs (sizes 1e7 … 3e9, tokens/params 5, 20, 80), every loss 1.9: the law fits them exactly. */
    private static Observations constantLoss() {
        double[] sizes = {1e7, 2e7, 5e7, 1e8, 3e8, 1e9, 3e9};
        double[] ratios = {5, 20, 80};
        double[][] inputs = new double[sizes.length * ratios.length][];
        double[] losses = new double[inputs.length];
        for (int s = 0; s < sizes.length; s++) {
            for (int r = 0; r < ratios.length; r++) {
                inputs[s * ratios.length + r] = new double[] {sizes[s], sizes[s] * ratios[r]};
                losses[s * ratios.length + r] = 1.9;
            }
        }
        return new Observations("constant", java.util.List.of("params", "tokens"), inputs, losses);
    }

    @Test
    void roundingNoiseBesideAnExactFitIsNoCompetingBasin() {
        LawFit fit = fit(constantLoss(), 1e-3, DEFAULT, 2);
        assertThat(fit.search().secondBest()).isNull();
        assertThat(fit.warnings()).noneMatch(warning -> warning.startsWith("competing basin:"));
    }

    @Test
    void aTableWithASingleBasinReportsNoCompetitor() {
        LawFit fit = fit(AdversarialCorpus.table("ladder-00"), 1e-3, DEFAULT, 2);
        assertThat(fit.search().secondBest()).isNull();
        assertThat(fit.warnings()).noneMatch(warning -> warning.startsWith("competing basin:"));
    }

    @Test
    void anEvaluationBudgetOfFiveIsReportedAsNotConverged() {
        LawFit fit = fit(AdversarialCorpus.table("ladder-00"), 1e-3, DEFAULT.withMaxEvaluations(5), 2);
        assertThat(fit.status()).isEqualTo(LawFit.Status.NOT_STATIONARY);
        assertThat(fit.succeeded()).isFalse();
        assertThat(fit.hasOptimum()).isTrue();
        assertThat(fit.search().stationarity().holds()).isFalse();
        assertThat(fit.warnings()).anyMatch(warning -> warning.startsWith("not converged:"));
    }

    @Test
    void aSearchWhoseStartsTheBudgetStoppedIsNotReportedAsConvergedEvenAtATestedMinimum() {
        LawFit fit = fit(AdversarialCorpus.table("ladder-00"), 1e-3, DEFAULT.withMaxEvaluations(150), 2);
        assertThat(fit.search().stationarity().holds()).isTrue();
        assertThat(fit.search().budgetCutStarts()).isPositive();
        assertThat(fit.status()).isEqualTo(LawFit.Status.BUDGET_CUT);
        assertThat(fit.succeeded()).isFalse();
        assertThat(fit.hasOptimum()).isTrue();
        assertThat(fit.warnings()).anyMatch(warning -> warning.startsWith("budget cut: "
                + fit.search().budgetCutStarts() + " of 4500 starts were stopped by the evaluation limit (150 per "
                + "start)") && warning.contains("may not be") && warning.contains("--max-evaluations"));
    }

    @Test
    void aSearchThatFindsNothingWithinItsBudgetSaysTheBudgetStoppedIt() {
        LawFit fit = fit(AdversarialCorpus.table("ladder-00"), 1e-3, DEFAULT.withMaxEvaluations(2), 2);
        assertThat(fit.status()).isEqualTo(LawFit.Status.NO_START_CONVERGED);
        assertThat(fit.search().budgetCutStarts()).isEqualTo(4500);
        assertThat(fit.warnings()).anyMatch(warning -> warning.startsWith("budget cut: 4500 of 4500 starts"));
    }

    @Test
    void aStartThatRunsOffToTheDefaultLimitIsNotABudgetCut() {
        assertThat(DEFAULT.budgetLowered()).isFalse();
        assertThat(DEFAULT.withMaxEvaluations(15000).budgetLowered()).isFalse();
        assertThat(DEFAULT.withMaxEvaluations(14999).budgetLowered()).isTrue();
    }

    @Test
    void theDefaultBudgetStopsNoStart() {
        LawFit fit = fit(AdversarialCorpus.table("ladder-00"), 1e-3, DEFAULT, 2);
        assertThat(fit.search().budgetCutStarts()).isZero();
        assertThat(fit.status()).isEqualTo(LawFit.Status.CONVERGED);
        assertThat(fit.warnings()).noneMatch(warning -> warning.startsWith("budget cut:"));
    }

    /** What the search's tasks capture must serialise: another {@code Parallelism} (Spark) runs them elsewhere. */
    @Test
    void theSearchTasksCaptureOnlySerializableValues() {
        Observations data = AdversarialCorpus.table("ladder-00");
        LawFit fit = new FitProblem(LawForm.CHINCHILLA, data, 1e-3, StartGrid.gemstones(2), DEFAULT)
                .fit(new SerializingParallelism(), FitProgress.silent());
        assertThat(fit.loss()).isEqualTo(fit(data, 1e-3, DEFAULT, 1).loss());
    }

    @Test
    void theAnswerDoesNotDependOnTheNumberOfThreads() {
        Observations data = AdversarialCorpus.table("competing-083");
        LawFit one = fit(data, 1e-4, RECOGNISING, 1);
        LawFit two = fit(data, 1e-4, RECOGNISING, 2);
        assertThat(two.parameters()).containsExactly(one.parameters());
        assertThat(two.loss()).isEqualTo(one.loss());
        assertThat(two.search().recognisedStarts()).isEqualTo(one.search().recognisedStarts());
        assertThat(two.search().evaluations()).isEqualTo(one.search().evaluations());
        assertThat(two.warnings()).isEqualTo(one.warnings());
    }

    /**
     * The selectable trust-region Newton engine ends in the exhaustive L-BFGS search's basin, to 10⁻⁶ of its objective:
     * not always at or below it (competing-180 at δ = 10⁻⁴ ends 8·10⁻⁹ above), one reason it is not the default.
     */
    @Tag("exhaustive")
    @ParameterizedTest(name = "{0}, δ = {1}")
    @MethodSource("corpusAtBothDeltas")
    void theTrustRegionNewtonEngineEndsInTheBasinOfTheExhaustiveLbfgsSearch(String table, double delta) {
        LawFit newton = fit(AdversarialCorpus.table(table), delta,
                DEFAULT.withLocalMethod(MultiStartFitter.LocalMethod.TRUST_REGION_NEWTON), 2);
        LawFit exhaustive = exhaustiveFit(table, delta);
        assertThat(newton.loss()).isCloseTo(exhaustive.loss(), within(1e-6 * exhaustive.loss()));
        assertThat(newton.status()).isEqualTo(LawFit.Status.CONVERGED);
    }

    @Test
    void theTrustRegionNewtonAnswerDoesNotDependOnTheNumberOfThreads() {
        Observations data = AdversarialCorpus.table("competing-083");
        MultiStartFitter.Options newton = DEFAULT.withLocalMethod(MultiStartFitter.LocalMethod.TRUST_REGION_NEWTON);
        LawFit one = fit(data, 1e-4, newton, 1);
        LawFit two = fit(data, 1e-4, newton, 2);
        assertThat(two.parameters()).containsExactly(one.parameters());
        assertThat(two.loss()).isEqualTo(one.loss());
        assertThat(two.search().evaluations()).isEqualTo(one.search().evaluations());
        assertThat(two.search().recognisedStarts()).isEqualTo(one.search().recognisedStarts());
    }

    @Test
    void theDefaultLocalMethodIsLbfgs() {
        assertThat(DEFAULT.localMethod()).isEqualTo(MultiStartFitter.LocalMethod.LBFGS);
    }
}
