package org.scalefit.report.sections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scalefit.report.Block;
import org.scalefit.report.Section;
import org.scalefit.uncertainty.LikelihoodRatioTest;
import org.scalefit.uncertainty.ParameterTests;
import org.scalefit.uncertainty.ResidualComparison;
import org.scalefit.uncertainty.TestStatistic;
import org.scalefit.uncertainty.TestsAgainstReference;
import org.scalefit.uncertainty.WaldTest;

class UncertaintySectionTest {

    private static ParameterTests parameterTests(boolean untransformed) {
        List<TestStatistic> tests = List.of(TestStatistic.studentTwoSided(0.5556, 235),
                TestStatistic.studentTwoSided(3.809, 235), TestStatistic.studentTwoSided(0.59, 235),
                TestStatistic.studentTwoSided(1.27, 235), TestStatistic.studentTwoSided(4.74, 235));
        return new ParameterTests(untransformed, new double[] {0.3478, 0.3659, 482, 2085, 1.817},
                new double[] {0.3392, 0.2849, 406.4, 410.7, 1.693}, new double[] {0.0156, 0.0213, 128, 1321, 0.026},
                tests);
    }

    private static TestsAgainstReference tests(Optional<LikelihoodRatioTest> allPoints) {
        return new TestsAgainstReference(parameterTests(true), parameterTests(false),
                new WaldTest(new double[5], TestStatistic.chiSquaredUpperTail(238.4, 5)),
                new ResidualComparison(0.0086, 0.0018, 1e-3, 9e-4, TestStatistic.studentTwoSided(2.908, 478)),
                new LikelihoodRatioTest(240, -3, 837.8, -3.1, 879.8, TestStatistic.chiSquaredUpperTail(84.0, 5)),
                allPoints);
    }

    @Test
    void theJointTestsAreKeyNumbersWithStatisticDegreesOfFreedomAndPValue() {
        Section section = UncertaintySection.testsAgainstReference("tests", tests(Optional.empty()), "Fit B",
                "Chinchilla");

        List<Block.Fact> facts = section.blocks().stream().filter(Block.Facts.class::isInstance)
                .flatMap(b -> ((Block.Facts) b).facts().stream()).toList();
        assertThat(facts).extracting(Block.Fact::name).containsExactly("Wald χ² (all parameters)",
                "residuals: two-sample t", "likelihood ratio, fitted points");
        assertThat(facts.get(0).value()).startsWith("238.4 (df 5, p ").contains("×10⁻⁴⁹");
        assertThat(facts.get(1).value()).isEqualTo("2.908 (df 478, p 0.00381)");
    }

    @Test
    void everyParameterIsTestedInBothParameterisations() {
        LikelihoodRatioTest all = new LikelihoodRatioTest(245, -3, 714.4, -3.1, 757.8,
                TestStatistic.chiSquaredUpperTail(86.75, 5));

        Section section = UncertaintySection.testsAgainstReference("tests", tests(Optional.of(all)), "Fit B",
                "Chinchilla");

        Block.Table table = section.blocks().stream().filter(Block.Table.class::isInstance)
                .map(Block.Table.class::cast).findFirst().orElseThrow();
        assertThat(table.rows()).extracting(row -> row.get(1)).containsExactly("α", "β", "A", "B", "E", "α", "β",
                "ln A", "ln B", "ln E");
        assertThat(table.rows().get(1)).containsExactly("untransformed", "β", "0.3659", "0.2849", "0.0213", "3.809",
                "235", "1.78×10⁻⁴");
        assertThat(section.blocks().stream().filter(Block.Facts.class::isInstance)
                .flatMap(b -> ((Block.Facts) b).facts().stream()).map(Block.Fact::name))
                .contains("likelihood ratio, all points");
    }
}
