package org.scalefit.report.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.law.PowerLawAllocation;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.Series;
import org.scalefit.sensitivity.AllocationSlopes;
import org.scalefit.sensitivity.DeltaGridPoint;
import org.scalefit.sensitivity.DeltaGridSweep;
import org.scalefit.sensitivity.LineVariant;
import org.scalefit.sensitivity.RainbowLine;
import org.scalefit.sensitivity.RainbowTable;


class SensitivityFiguresTest {

    @Test
    void eachDeltaIsALineOfTheTokensSlopeAgainstTheActualGridSize() {
        var observations = SyntheticRuns.chinchilla(new double[] {1e8, 3e8, 1e9, 3e9}, new double[] {2e9, 8e9, 3e10});
        List<DeltaGridPoint> points = DeltaGridSweep.run(observations,
                DeltaGridSweep.configurations(List.of(1e-3, 1e-4), List.of(500L, 250L)),
                MultiStartFitter.Options.defaults(), LocalParallelism.withThreads(1),
                FitProgress.silent());

        Figure figure = SensitivityFigures.slopeAgainstGridSize("s", points);

        assertThat(figure.series()).extracting(Series::name).containsExactly("δ = 10⁻³", "δ = 10⁻⁴");
        Series first = figure.series("δ = 10⁻³");
        DeltaGridPoint small = points.get(1);
        DeltaGridPoint large = points.get(0);
        assertThat(small.grid().size()).isLessThan(large.grid().size());
        assertThat(first.x()).containsExactly(small.grid().size(), large.grid().size());
        assertThat(first.y()).containsExactly(small.slopes().tokens(), large.slopes().tokens());
        // the points follow the law exactly: every fit finds b = α/(α+β) of the generating law
        assertThat(first.y()[0]).isCloseTo(AllocationSlopes.ofExponents(0.34, 0.28).tokens(), within(1e-4));
        assertThat(first.pointLabel(0)).contains("best objective");
    }

    @Test
    void theRainbowDrawsTheLinesInTableOrderFromPurpleToRedAndTheReferencesAfter() {
        LineVariant base = LineVariant.ofGemstonesName("_100b+");
        RainbowLine steep = RainbowLine.ofRegression("steep", base, 0.6, Math.log(0.01));
        RainbowLine shallow = RainbowLine.ofRegression("shallow", LineVariant.ofGemstonesName(""), 0.4,
                Math.log(100));
        RainbowLine middle = RainbowLine.ofRegression("middle", LineVariant.ofGemstonesName("_cooldown"), 0.5,
                Math.log(1));
        RainbowLine kaplan = RainbowLine.ofReference("kaplan", new PowerLawAllocation(1.6e9, 1e15 * 86400, 0.88));
        RainbowTable table = RainbowTable.of(List.of(steep, shallow, middle, kaplan), 1e28);

        Figure figure = SensitivityFigures.rainbow("r", table, 1e18, 1e28);

        List<String> order = table.rows().stream().map(row -> row.line().label()).toList();
        assertThat(figure.series()).extracting(Series::name).containsExactly(order.get(0), order.get(1),
                order.get(2), "kaplan");
        assertThat(figure.series(order.get(0)).style().color()).isEqualTo(Palette.rainbow(0));
        assertThat(figure.series(order.get(2)).style().color()).isEqualTo(Palette.rainbow(1));
        Series line = figure.series("steep");
        assertThat(line.x()[0]).isEqualTo(1e18);
        assertThat(line.x()[line.size() - 1]).isEqualTo(1e28);
        for (int i = 0; i < line.size(); i++) {
            assertThat(line.y()[i]).isEqualTo(steep.paramsAt(line.x()[i]));
        }
        assertThat(figure.series("middle").pointLabel(0)).contains("Δ −0.1000");
    }

    @Test
    void sampledRunsPlotParametersAgainstTokensOfTheTableAndTheSample() {
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("params", new double[] {1e8, 1e8, 1e9});
        columns.put("tokens", new double[] {2e9, 4e9, 2e10});
        RunTable full = new RunTable("runs.csv", "0", columns, new int[] {2, 3, 4});
        Map<String, double[]> sample = new LinkedHashMap<>();
        sample.put("params", new double[] {1e9});
        sample.put("tokens", new double[] {2e10});
        RunTable reduced = new RunTable("runs.csv", "0", sample, new int[] {4});

        Figure figure = SensitivityFigures.sampledRuns("d", "t", full, "all", reduced, "sample");

        assertThat(figure.series("all (3)").x()).containsExactly(2e9, 4e9, 2e10);
        assertThat(figure.series("all (3)").y()).containsExactly(1e8, 1e8, 1e9);
        assertThat(figure.series("sample (1)").y()).containsExactly(1e9);
        assertThat(figure.series("sample (1)").pointLabel(0)).contains("line 4");
    }
}
