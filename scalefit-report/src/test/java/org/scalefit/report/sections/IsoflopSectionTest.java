package org.scalefit.report.sections;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.DataSource;
import org.scalefit.io.analysis.DatasetAnalysisResult.Approach2;
import org.scalefit.io.analysis.IsoflopDesign;
import org.scalefit.io.analysis.IsoflopRequest;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.report.Block;
import org.scalefit.report.Section;

/**
 * Approach 2 on runs of Chinchilla's law L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28 (Hoffmann et al. 2022, eq. 10) at
 * given budgets, N from 1/5 to 5 times the law's N_opt(C) (G = 1.345, a = 0.4516), D = C/(6N).
 */
class IsoflopSectionTest {

    @TempDir
    Path folder;

    private Approach2 analysed(double[] budgets, double lastBudgetShift) throws Exception {
        StringBuilder csv = new StringBuilder("flops,params,loss\n");
        for (int b = 0; b < budgets.length; b++) {
            double c = budgets[b];
            double optimal = 1.345 * Math.pow(c / 6, 0.4516) * (b == budgets.length - 1 ? lastBudgetShift : 1);
            for (int k = -3; k <= 3; k++) {
                double n = optimal * Math.pow(5, k / 3.0);
                double d = c / (6 * n);
                csv.append(String.format(Locale.ROOT, "%g,%.6g,%.5f%n", c, n,
                        1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28)));
            }
        }
        Path file = Files.writeString(folder.resolve("runs.csv"), csv);
        return new Approach2(new IsoflopDesign(budgets.length, 7, 7),
                IsoflopRequest.of(DataSource.of(file.toString())).run(LocalParallelism.withThreads(1)), null);
    }

    private static List<String> texts(Section section) {
        return section.blocks().stream().filter(Block.Text.class::isInstance).map(b -> ((Block.Text) b).text())
                .toList();
    }

    @Test
    void aBudgetWhoseMinimumIsAtTheEndOfItsSizesIsNamedInACaution() throws Exception {
        Approach2 analysis = analysed(new double[] {1e18, 1e19, 1e20, 1e21}, 1.0 / 30);

        Section section = IsoflopSection.of("approach-2", analysis, "loss", List.of());

        assertThat(texts(section)).anySatisfy(text -> assertThat(text).startsWith("Caution")
                .contains("C = 10²¹"));
        assertThat(section.figures()).hasSize(3);
    }

    @Test
    void runsThatCannotBeReadAsIsoflopPointsGetTheReasonAndNoFigures() {
        Approach2 refused = new Approach2(new IsoflopDesign(3, 3, 4), null, "runs.csv:7: column 'tokens': "
                + "expected a number of training tokens, at least 1, found 0.5");

        Section section = IsoflopSection.of("approach-2", refused, "loss", List.of());

        assertThat(texts(section)).anySatisfy(text -> assertThat(text)
                .startsWith("Approach 2 cannot be computed: runs.csv:7"));
        assertThat(section.figures()).isEmpty();
    }

    @Test
    void fewerThanTwoBudgetsWithAnOptimumGiveTheCurvesAndSayWhyThereAreNoLaws() throws Exception {
        Approach2 analysis = analysed(new double[] {1e18, 1e19}, 1.0 / 30);

        Section section = IsoflopSection.of("approach-2", analysis, "loss", List.of());

        assertThat(texts(section)).anySatisfy(text -> assertThat(text).startsWith("No power laws: 1 budget has"));
        assertThat(section.figures()).hasSize(1);
    }

    /** 4 budgets of 5 sizes of the law, each size run twice with losses ∓ 0.005 about the law (s = 0.00707). */
    private Path seedRuns() throws Exception {
        StringBuilder csv = new StringBuilder("flops,params,seed,loss\n");
        for (double c : new double[] {1e18, 1e19, 1e20, 1e21}) {
            double optimal = 1.345 * Math.pow(c / 6, 0.4516);
            for (int k = -2; k <= 2; k++) {
                double n = optimal * Math.pow(5, k / 2.0);
                double d = c / (6 * n);
                double loss = 1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28);
                for (int seed = 0; seed < 2; seed++) {
                    csv.append(String.format(Locale.ROOT, "%g,%.6g,%d,%.6f%n", c, n, seed,
                            loss + (seed == 0 ? -0.005 : 0.005)));
                }
            }
        }
        return Files.writeString(folder.resolve("seeds.csv"), csv);
    }

    @Test
    void theSectionNamesTheSigmaGivenAndThePooledDeviationOfTheSeedReplicates() throws Exception {
        DataSource data = DataSource.of(seedRuns().toString());
        IsoflopRequest porian = IsoflopRequest.of(data);
        IsoflopRequest given = new IsoflopRequest(data, null, List.of(), porian.replicates(), porian.seed(),
                porian.stream(), IsoflopRequest.constantNoise(0.007), false, porian.allocate());

        Section section = IsoflopSection.of("approach-2", new Approach2(new IsoflopDesign(4, 10, 10),
                given.run(LocalParallelism.withThreads(1)), null), "loss", List.of());

        assertThat(String.join(" ", texts(section))).contains("σ = 0.007")
                .contains("pooled standard deviation of 0.00707 (20 degrees of freedom)");
    }

    @Test
    void withoutRepeatedSizesTheSectionSaysNothingOfAPooledDeviation() throws Exception {
        Approach2 analysis = analysed(new double[] {1e18, 1e19, 1e20}, 1);

        assertThat(String.join(" ", texts(IsoflopSection.of("approach-2", analysis, "loss", List.of()))))
                .doesNotContain("pooled");
    }
}
