package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.StartGrid;
import org.scalefit.law.LawForm;
import org.scalefit.law.expr.ExpressionFit;
import org.scalefit.law.expr.ExpressionFitRequest;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.LawExpression;
import org.scalefit.law.expr.LawPoints;
import org.scalefit.law.expr.NamedLaws;
import org.scalefit.law.expr.ParameterSpec;
import org.scalefit.law.expr.Penalty;
import org.scalefit.parallel.LocalParallelism;


/**
 * Chinchilla's law written by a user, {@code E + A/N^alpha + B/D^beta} with A, B, E on the log scale and
 * Gemstones' start values, reaches the optimum of the built-in log-sum-exp objective on every bundled dataset with
 * params and tokens (δ = 10⁻³, Gemstones' 4 500-start grid), as does the named law written in the language
 * ({@link WidthDepthLawAsTextOnBundledDataTest}: the 3-input law).
 */
@Tag("exhaustive")
class ExpressionLawOnBundledDataTest {

    static Stream<String> twoInputSets() {
        return BundledDataset.ids().stream().filter(id -> !id.contains("fineweb") && !id.startsWith("datablations"));
    }

    static LawPoints points(Observations observations) {
        return LawPoints.of(observations);
    }

    /** The law as a user would write it, with Gemstones' grid expressed in the parameters' own units. */
    static ExpressionLaw userChinchilla() {
        double[] coefficients = new double[6];
        for (int i = 0; i < 6; i++) {
            coefficients[i] = Math.exp(5 * i);
        }
        double[] floors = new double[5];
        for (int i = 0; i < 5; i++) {
            floors[i] = Math.exp(-1 + 0.5 * i);
        }
        double[] exponents = {0, 0.5, 1, 1.5, 2};
        LawExpression expression = LawExpression.parse("E + A/N^alpha + B/D^beta", List.of("N", "D"),
                List.of("E", "A", "B", "alpha", "beta"));
        return ExpressionLaw.of("user-chinchilla", expression)
                .withColumn("N", "params").withColumn("D", "tokens")
                .withParameter(ParameterSpec.free("E").logScale().withStarts(floors))
                .withParameter(ParameterSpec.free("A").logScale().withStarts(coefficients))
                .withParameter(ParameterSpec.free("B").logScale().withStarts(coefficients))
                .withParameter(ParameterSpec.free("alpha").withStarts(exponents))
                .withParameter(ParameterSpec.free("beta").withStarts(exponents));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoInputSets")
    void aUserWrittenChinchillaLawReachesTheBuiltInOptimum(String id) {
        RunTable table = new TableReader().read(id, ColumnRequest.of("params", "tokens", "loss"));
        Observations observations = Observations.fromTable(table, List.of("params", "tokens"), "loss");
        LocalParallelism threads = LocalParallelism.withThreads(1);
        LawFit builtIn = FitProblem.of(LawForm.CHINCHILLA, observations, 1e-3, StartGrid.gemstones(2))
                .fit(threads, FitProgress.silent());
        double[] best = builtIn.parameters();

        ExpressionFit user = ExpressionFitRequest.of(userChinchilla(), points(observations))
                .run(threads, FitProgress.silent());
        assertThat(user.objective()).as("user law objective on %s", id)
                .isCloseTo(builtIn.loss(), within(1e-9 * builtIn.loss()));
        assertThat(Math.log(user.parameter("E"))).isCloseTo(best[4], within(1e-3 * Math.max(1, Math.abs(best[4]))));
        assertThat(user.parameter("alpha")).isCloseTo(best[0], within(1e-3));

        ExpressionFit named = ExpressionFitRequest.of(NamedLaws.named("chinchilla").withPenalty(Penalty.huber(1e-3)),
                points(observations)).run(threads, FitProgress.silent());
        assertThat(named.objective()).as("named law objective on %s", id)
                .isCloseTo(builtIn.loss(), within(1e-9 * builtIn.loss()));
    }
}
