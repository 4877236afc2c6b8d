package org.scalefit.report.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;
import org.scalefit.data.BenchmarkScores;
import org.scalefit.data.RunTable;
import org.scalefit.data.ScoresAtLoss;
import org.scalefit.overtraining.BenchmarkLawFits;
import org.scalefit.overtraining.DownstreamErrorLaw;
import org.scalefit.overtraining.DownstreamFitter;
import org.scalefit.report.Numbers;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.RunStyles;
import org.scalefit.report.plot.Series;

class BenchmarkFiguresTest {

    private static final Architecture GEMSTONES = Architecture.gemstones();
    private static final double TOKENS_PER_STEP = 2048.0 * 2048.0;

    private static BenchmarkScores scores(int width, int depth, long step, double first, double second) {
        Map<String, Double> accuracy = new LinkedHashMap<>();
        accuracy.put("arc:easy", first);
        accuracy.put("piqa", second);
        Map<String, Double> errors = new LinkedHashMap<>();
        errors.put("arc:easy", 0.01);
        errors.put("piqa", 0.02);
        return new BenchmarkScores("Gemstone-" + width + "x" + depth + "-step_" + step, width, depth,
                "step_" + step, step, step * TOKENS_PER_STEP, accuracy, errors);
    }

    @Test
    void eachModelIsALineOfItsAverageAccuracyAgainstItsFlopsOrderedByParameters() {
        List<BenchmarkScores> checkpoints = List.of(scores(1024, 28, 4770, 0.5, 0.7), scores(256, 23, 4770, 0.3, 0.5),
                scores(1024, 28, 2385, 0.4, 0.6));

        Figure figure = BenchmarkFigures.averageAccuracyAgainstCompute("a", checkpoints, GEMSTONES,
                FlopCount.GEMSTONES_GQA, RunStyles.gemstones());

        assertThat(figure.series()).extracting(Series::name).containsExactly("256x23", "1024x28");
        Series big = figure.series("1024x28");
        double perToken = FlopCount.GEMSTONES_GQA.perToken(GEMSTONES, 1024, 28);
        assertThat(big.x()).containsExactly(perToken * 2385 * TOKENS_PER_STEP, perToken * 4770 * TOKENS_PER_STEP);
        assertThat(big.y()[0]).isCloseTo(0.5, within(1e-15));
        assertThat(big.y()[1]).isCloseTo(0.6, within(1e-15));
        assertThat(big.style().color()).isEqualTo(RunStyles.gemstones().forRun("1024x28", 1).color());
        // avg_stderr = √(0.01² + 0.02²) / 2
        assertThat(big.pointLabel(1)).contains("± 0.0112");
    }

    @Test
    void moreModelsThanThePaletteHasColoursAreColouredByParameterCountOnAKey() {
        List<BenchmarkScores> checkpoints = new ArrayList<>();
        for (int depth = 2; depth <= 14; depth++) {
            checkpoints.add(scores(512, depth, 4770, 0.3 + depth / 100.0, 0.5));
        }

        Figure figure = BenchmarkFigures.averageAccuracyAgainstCompute("a", checkpoints, GEMSTONES,
                FlopCount.GEMSTONES_GQA, RunStyles.gemstones());

        double largest = GEMSTONES.parameters(512, 14);
        assertThat(figure.colorKey().high()).isEqualTo(largest);
        assertThat(figure.series("512x14").style().color()).isEqualTo(figure.colorKey().color(largest));
        assertThat(figure.series()).noneMatch(Series::inLegend);
        assertThat(figure.series("512x14").pointLabel(0)).contains("N = " + Numbers.format(largest, 4));
    }

    @Test
    void theErrorLawIsDrawnOverTheFittedLossesBesideEveryCheckpoint() {
        DownstreamErrorLaw truth = new DownstreamErrorLaw(14.9, 1.8, 0.68);
        List<ScoresAtLoss> points = new ArrayList<>();
        double[] losses = {2.5, 2.7, 2.9, 3.1, 3.3, 3.6};
        for (int i = 0; i < losses.length; i++) {
            double accuracy = 1 - truth.error(losses[i]);
            points.add(new ScoresAtLoss(scores(i < 3 ? 2048 : 256, i < 3 ? 27 : 23, 2385L * (i + 1), accuracy,
                    accuracy), losses[i]));
        }
        BenchmarkLawFits fits = BenchmarkLawFits.of(points, Optional.of(DownstreamFitter.gadre()), Optional.empty());

        Figure figure = BenchmarkFigures.errorAgainstLoss("e", fits, GEMSTONES, RunStyles.gemstones());

        assertThat(figure.series()).extracting(Series::name).startsWith("256x23", "2048x27");
        assertThat(figure.series("256x23").x()).containsExactly(3.1, 3.3, 3.6);
        Series law = figure.series().stream().filter(s -> s.name().startsWith("Err(L)")).findFirst().orElseThrow();
        assertThat(law.x()[0]).isEqualTo(2.5);
        assertThat(law.x()[law.size() - 1]).isEqualTo(3.6);
        for (int i = 0; i < law.size(); i++) {
            assertThat(law.y()[i]).isEqualTo(fits.errorLaw().orElseThrow().law().error(law.x()[i]));
            assertThat(law.y()[i]).isCloseTo(truth.error(law.x()[i]), within(1e-6));
        }
        assertThat(figure.series()).extracting(Series::name).noneMatch(name -> name.contains("sigmoid"));
    }

    @Test
    void validationSetsAreComparedAtTheCheckpointsEverySetHasForModelsLargeEnough() {
        Map<String, RunTable> sets = new LinkedHashMap<>();
        sets.put("Dolma", table(new double[] {1024, 1024, 1024, 256}, new double[] {28, 28, 28, 23},
                new double[] {1e10, 2e10, 3e10, 1e10}, new double[] {3.0, 2.9, 2.8, 3.5}));
        sets.put("DCLM", table(new double[] {1024, 1024, 256}, new double[] {28, 28, 23},
                new double[] {2e10, 1e10, 1e10}, new double[] {3.1, 3.2, 3.7}));

        Figure figure = BenchmarkFigures.lossOnValidationSets("v", sets, GEMSTONES, FlopCount.GEMSTONES_GQA, 5e8);

        assertThat(figure.series()).extracting(Series::name).containsExactly("Dolma", "DCLM");
        double perToken = FlopCount.GEMSTONES_GQA.perToken(GEMSTONES, 1024, 28);
        assertThat(figure.series("Dolma").x()).containsExactly(perToken * 1e10, perToken * 2e10);
        assertThat(figure.series("Dolma").y()).containsExactly(3.0, 2.9);
        assertThat(figure.series("DCLM").y()).containsExactly(3.2, 3.1);
        assertThat(figure.series("DCLM").style().stroke()).isNotEqualTo(figure.series("Dolma").style().stroke());
    }

    @Test
    void everyModelOfASetAfterTheFirstHasNoLegendEntryOfItsOwn() {
        Map<String, RunTable> sets = new LinkedHashMap<>();
        sets.put("Dolma", table(new double[] {1024, 2048}, new double[] {28, 27}, new double[] {1e10, 1e10},
                new double[] {3.0, 2.7}));

        Figure figure = BenchmarkFigures.lossOnValidationSets("v", sets, GEMSTONES, FlopCount.GEMSTONES_GQA, 0);

        assertThat(figure.series("Dolma").inLegend()).isTrue();
        assertThat(figure.series("Dolma, 2048x27").inLegend()).isFalse();
    }

    private static RunTable table(double[] width, double[] depth, double[] tokens, double[] loss) {
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("width", width);
        columns.put("depth", depth);
        columns.put("tokens", tokens);
        columns.put("loss", loss);
        int[] lines = new int[width.length];
        java.util.Arrays.setAll(lines, i -> i + 1);
        return new RunTable("test", "0", columns, lines);
    }
}
