package org.scalefit.report.sections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.StartGrid;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.report.Block;
import org.scalefit.report.Section;
import org.scalefit.report.charts.Runs;
import org.scalefit.report.plot.RunStyles;

class LawFitSectionTest {

    private static final FittedLaw LAW = new FittedLaw(LawForm.CHINCHILLA,
            new double[] {0.34, 0.28, Math.log(406.4), Math.log(410.7), Math.log(1.69)});
    private static final double[][] INPUTS = {{1e8, 2e9}, {3e8, 6e9}, {1e9, 2e10}, {3e9, 6e10}};
    private static final Runs RUNS = Runs.named(List.of("small", "medium", "large", "huge"));

    private static Observations onTheLawExcept(int diverged) {
        double[] losses = new double[INPUTS.length];
        for (int i = 0; i < INPUTS.length; i++) {
            losses[i] = LAW.predict(INPUTS[i]) * (i == diverged ? 10 : 1);
        }
        return new Observations("test", List.of("params", "tokens"), INPUTS, losses);
    }

    private static List<Block.Fact> warnings(List<Block.Fact> facts) {
        return facts.stream().filter(fact -> fact.name().equals("warning")).toList();
    }

    @Test
    void aRunTenTimesAboveTheLawIsNamedInAWarning() {
        List<Block.Fact> facts = LawFitSection.residualFacts(LAW, onTheLawExcept(2), RUNS);

        assertThat(warnings(facts)).singleElement()
                .satisfies(fact -> assertThat(fact.value()).contains("1 of 4 points").contains("large"));
    }

    @Test
    void pointsOnTheLawRaiseNoWarning() {
        List<Block.Fact> facts = LawFitSection.residualFacts(LAW, onTheLawExcept(-1), RUNS);

        assertThat(warnings(facts)).isEmpty();
    }

    @Test
    void theLargestResidualIsReportedWithItsRun() {
        List<Block.Fact> facts = LawFitSection.residualFacts(LAW, onTheLawExcept(1), RUNS);

        assertThat(facts).anySatisfy(fact -> assertThat(fact.name()).isEqualTo("largest residual"))
                .filteredOn(fact -> fact.name().equals("largest residual")).singleElement()
                .satisfies(fact -> assertThat(fact.value() + " " + fact.detail()).contains("medium").contains("2.303"));
    }

    @Test
    void aCoefficientBeyondTheLargestDoubleIsShownInLogSpaceNotAsInfinity() {
        FittedLaw overflowing = new FittedLaw(LawForm.CHINCHILLA,
                new double[] {0.28, 44.7, Math.log(234.0), 837.3, Math.log(1.95)});

        List<Block.Fact> facts = LawFitSection.parameters(LawForm.CHINCHILLA, overflowing, null);

        assertThat(facts).filteredOn(fact -> fact.name().equals("B")).singleElement()
                .satisfies(fact -> assertThat(fact.value()).isEqualTo("exp(837.3)"));
    }

    @Test
    void aFitThatWasNotRunClaimsNoStarts() {
        double[][] collinear = new double[8][];
        double[] losses = new double[8];
        for (int i = 0; i < 8; i++) {
            double params = 1e8 * Math.pow(2, i);
            collinear[i] = new double[] {params, 20 * params};
            losses[i] = LAW.predict(collinear[i]);
        }
        Observations data = new Observations("test", List.of("params", "tokens"), collinear, losses);
        LawFit fit = FitProblem.of(LawForm.CHINCHILLA, data, 1e-3, StartGrid.gemstones(2))
                .fit(LocalParallelism.withThreads(1), FitProgress.silent());
        Runs runs = Runs.named(List.of("a", "b", "c", "d", "e", "f", "g", "h"));

        Section section = LawFitSection.of("approach-3", fit, data, runs, RunStyles.none(), null);

        assertThat(section.blocks()).filteredOn(Block.Facts.class::isInstance)
                .flatMap(block -> ((Block.Facts) block).facts())
                .noneSatisfy(fact -> assertThat(fact.name()).isEqualTo("starts"));
    }

    @Test
    void theResidualsCaptionNamesTheRunOffTheFiguresScale() {
        int n = 12;
        double[][] inputs = new double[n][];
        double[] losses = new double[n];
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            inputs[i] = new double[] {1e8 * Math.pow(10, (i % 4) / 2.0), 2e9 * Math.pow(10, (i / 4) / 2.0)};
            losses[i] = LAW.predict(inputs[i]) * (i == 5 ? 10 : 1 + 0.004 * Math.sin(7 * i));
            names.add("run " + i);
        }
        Observations data = new Observations("diverged", List.of("params", "tokens"), inputs, losses);

        String caption = LawFitSection.residualsCaption(LAW, data, Runs.named(names));

        assertThat(caption).contains("off its scale").contains("run 5: ln L − ln L̂ = 2.303");
        assertThat(LawFitSection.residualsCaption(LAW, onTheLawExcept(-1), RUNS)).doesNotContain("off its scale");
    }

    @Test
    void thePredictedCaptionNamesTheRunOffTheFiguresScale() {
        int n = 12;
        double[][] inputs = new double[n][];
        double[] losses = new double[n];
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            inputs[i] = new double[] {1e8 * Math.pow(10, (i % 4) / 2.0), 2e9 * Math.pow(10, (i / 4) / 2.0)};
            losses[i] = LAW.predict(inputs[i]) * (i == 5 ? 10 : 1 + 0.004 * Math.sin(7 * i));
            names.add("run " + i);
        }
        Observations data = new Observations("diverged", List.of("params", "tokens"), inputs, losses);

        String caption = LawFitSection.predictedCaption(LAW, data, Runs.named(names));

        assertThat(caption).contains("off their scale").contains("run 5: ln L − ln L̂ = 2.303");
        assertThat(LawFitSection.predictedCaption(LAW, onTheLawExcept(-1), RUNS)).doesNotContain("off their scale");
    }
}
