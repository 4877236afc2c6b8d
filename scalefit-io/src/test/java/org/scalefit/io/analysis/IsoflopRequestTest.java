package org.scalefit.io.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;
import org.scalefit.io.DataSource;
import org.scalefit.io.InputException;
import org.scalefit.io.PorianConfiguration;
import org.scalefit.io.PorianData;
import org.scalefit.isoflop.FitVariant;
import org.scalefit.isoflop.SeedNoise;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.uncertainty.ResamplingStream;

class IsoflopRequestTest {

    private static final LocalParallelism WORKERS = LocalParallelism.withThreads(2);

    @TempDir
    Path folder;

    @Test
    void aPorianConfigurationInNumpysStreamGivesThePublishedExponentAndItsOwnNoise() {
        PorianConfiguration first = PorianData.configurations("summary_df").get(0);
        IsoflopRequest request = IsoflopRequest.of(DataSource.of(first.id()));
        request = new IsoflopRequest(request.data(), null, List.of(), 1000, 42, ResamplingStream.NUMPY_RANDOM_STATE,
                null, false, request.allocate());

        IsoflopResult result = request.run(WORKERS);

        double published = PorianData.storedFits("summary_df").get(0).get("bs_median_weighted").get("n_exponent")
                .asDouble();
        double ours = result.fitted().orElseThrow().point(FitVariant.BS_MEDIAN_WEIGHTED).n().exponent();
        assertThat(Math.abs(ours - published)).isLessThanOrEqualTo(1e-12 * Math.abs(published));
        assertThat(result.settings().noise()).isEqualTo(first.noise(SeedNoise.Rule.AS_IMPLEMENTED));
        assertThat(result.document().write()).contains("\"stream\" : \"numpy\"");
    }

    @Test
    void anOptimalLossFitAskedForOnRunsOutsideItsWindowIsExplainedInTheDocument() throws Exception {
        StringBuilder csv = new StringBuilder("flops,params,loss\n");
        for (double c : new double[] {1e18, 1e19, 1e20}) {
            double best = 1e8 * Math.pow(c / 1e18, 0.5);
            for (double f = 0.25; f <= 4.01; f *= 2) {
                double n = best * f;
                csv.append(String.format(Locale.ROOT, "%s,%s,%s%n", c, n,
                        3 - 0.1 * Math.log10(c / 1e18) + 0.05 * Math.pow(Math.log(f), 2)));
            }
        }
        Path runs = folder.resolve("runs.csv");
        Files.writeString(runs, csv);
        IsoflopRequest request = new IsoflopRequest(DataSource.of(runs.toString()), null, List.of(), 100, 42,
                ResamplingStream.SPLITTABLE, null, true, List.of());

        IsoflopResult result = request.run(WORKERS);

        assertThat(result.fitted().orElseThrow().lossFit()).isEmpty();
        assertThat(result.document().fits().warnings()).anyMatch(warning -> warning.contains("no optimal-loss fit"));
        assertThat(result.document().write()).contains("\"warnings\"");
        assertThat(result.csv()).containsPattern("(?m)^warning,.*no optimal-loss fit");
    }

    @Test
    void theRowConditionColumnMappingsAndBudgetsAreRecordedWithTheData() throws Exception {
        StringBuilder csv = new StringBuilder("C,size,val_loss\n");
        for (double c : new double[] {1e18, 1e19, 1e20}) {
            double best = 1e8 * Math.pow(c / 1e18, 0.5);
            for (double f = 0.25; f <= 4.01; f *= 2) {
                csv.append(String.format(Locale.ROOT, "%s,%s,%s%n", c, best * f,
                        3 - 0.1 * Math.log10(c / 1e18) + 0.05 * Math.pow(Math.log(f), 2)));
            }
        }
        Path runs = folder.resolve("renamed.csv");
        Files.writeString(runs, csv);
        DataSource data = new DataSource(runs.toString(), Map.of("flops", "C", "params", "size", "loss", "val_loss"),
                "size > 1e7");
        IsoflopRequest request = new IsoflopRequest(data, null, List.of(1e19, 1e20), 100, 42,
                ResamplingStream.SPLITTABLE, null, false, List.of());

        List<String> transforms = request.run(WORKERS).document().data().transforms();

        assertThat(transforms).contains("where(size > 1e7)", "column flops=C", "column loss=val_loss",
                "column params=size", "budgets=[1.0E19, 1.0E20]");
    }

    /** Three budgets of five sizes; the row {@code bad} (0-based, of 15) gets loss {@code nan}. */
    private Path profiles(String name, String header, int bad, int repeated) throws Exception {
        StringBuilder csv = new StringBuilder(header).append('\n');
        int row = 0;
        for (double c : new double[] {1e18, 1e19, 1e20}) {
            double best = 1e8 * Math.pow(c / 1e18, 0.5);
            for (double f = 0.25; f <= 4.01; f *= 2) {
                double loss = 3 - 0.1 * Math.log10(c / 1e18) + 0.05 * Math.pow(Math.log(f), 2);
                csv.append(String.format(Locale.ROOT, "%s,%s,%s%n", c, best * f, row == bad ? "nan" : loss));
                if (row == repeated) {
                    csv.append(String.format(Locale.ROOT, "%s,%s,%s%n", c, best * f, loss + 0.002));
                }
                row++;
            }
        }
        return Files.writeString(folder.resolve(name), csv);
    }

    @Test
    void aDroppedBadLossNamesTheFilesLossColumn() throws Exception {
        Path runs = profiles("val-loss.csv", "flops,params,val_loss", 6, -1);
        DataSource data = new DataSource(runs.toString(), Map.of("loss", "val_loss"), null);
        IsoflopRequest request = new IsoflopRequest(data, null, List.of(), 100, 42, ResamplingStream.SPLITTABLE,
                null, false, List.of());

        List<String> issues = request.run(WORKERS).optima().get(1).issues();

        assertThat(issues).contains("1 point dropped: val_loss missing, not a number or not positive (line 8)");
    }

    @Test
    void theCsvCountsTheRunsEachPointAveragesWhenASizeWasRunMoreThanOnce() throws Exception {
        Path runs = profiles("repeated.csv", "flops,params,loss", -1, 7);
        IsoflopRequest request = new IsoflopRequest(DataSource.of(runs.toString()), null, List.of(), 100, 42,
                ResamplingStream.SPLITTABLE, null, false, List.of());

        IsoflopResult result = request.run(WORKERS);

        String[] lines = result.csv().split("\n");
        List<String> header = List.of(lines[0].split(","));
        assertThat(header).endsWith("replicates");
        assertThat(result.document().budgets().get(1).replicates()).containsExactly(1, 1, 2, 1, 1);
        assertThat(lines[2]).startsWith("budget,1.0E19,").endsWith(",1;1;2;1;1");
        assertThat(lines[1]).startsWith("budget,1.0E18,").endsWith(",");
    }

    @Test
    void tokensThatDisagreeWithTheFlopsAreAWarningOfTheFits() throws Exception {
        StringBuilder csv = new StringBuilder("flops,params,tokens,loss\n");
        for (double c : new double[] {1e18, 1e19, 1e20}) {
            double best = 1e8 * Math.pow(c / 1e18, 0.5);
            for (double f = 0.25; f <= 4.01; f *= 2) {
                double loss = 3 - 0.1 * Math.log10(c / 1e18) + 0.05 * Math.pow(Math.log(f), 2);
                csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s%n", c, best * f, c / (6 * best * f) / 1e9, loss));
            }
        }
        Path runs = Files.writeString(folder.resolve("billions.csv"), csv);
        IsoflopRequest request = new IsoflopRequest(DataSource.of(runs.toString()), null, List.of(), 100, 42,
                ResamplingStream.SPLITTABLE, null, false, List.of());

        assertThat(request.run(WORKERS).fits().warnings()).anyMatch(w -> w.contains("15 of 15 rows")
                && w.contains("billions"));
    }

    @Test
    void theCsvHasNoReplicatesColumnWhenEveryPointIsOneRun() throws Exception {
        Path runs = profiles("single.csv", "flops,params,loss", -1, -1);
        IsoflopRequest request = new IsoflopRequest(DataSource.of(runs.toString()), null, List.of(), 100, 42,
                ResamplingStream.SPLITTABLE, null, false, List.of());

        assertThat(request.run(WORKERS).csv().lines().findFirst().orElseThrow()).doesNotContain("replicates");
    }

    @Test
    void budgetsOfOneRunEachFromAPerRowFlopsColumnSayOnceToLeaveTheColumnOut() throws Exception {
        StringBuilder csv = new StringBuilder("flops,params,tokens,loss\n");
        for (double c : new double[] {1e18, 1e19, 1e20}) {
            double best = 1e8 * Math.pow(c / 1e18, 0.5);
            for (double f = 0.25; f <= 4.01; f *= 2) {
                double n = Math.round(best * f * 1.03);
                double d = Math.ceil(c / (6 * n) / 1e6) * 1e6;
                csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s%n", 6 * n * d, n, d,
                        3 - 0.1 * Math.log10(c / 1e18) + 0.05 * Math.pow(Math.log(f), 2)));
            }
        }
        Path runs = folder.resolve("runs.csv");
        Files.writeString(runs, csv);
        IsoflopRequest request = new IsoflopRequest(DataSource.of(runs.toString()), null, List.of(), 100, 42,
                ResamplingStream.SPLITTABLE, null, false, List.of());

        IsoflopResult result = request.run(WORKERS);

        assertThat(result.fits()).isNull();
        assertThat(result.failure()).contains("11 of 13 budgets have a single run")
                .containsOnlyOnce("leave the FLOPs column 'flops' out");
    }

    @Test
    void anAllocationBudgetThatIsNotAPositiveNumberOfFlopsIsRefused() {
        DataSource data = DataSource.of("runs.csv");

        for (double c : new double[] {0, -1e21, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new IsoflopRequest(data, null, List.of(), 1000, 42, ResamplingStream.SPLITTABLE,
                    null, false, List.of(1e21, c))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--allocate");
        }
    }

    @Test
    void columnMappingsAreRefusedForAPorianConfiguration() {
        String id = PorianData.configurations("summary_df").get(0).id();
        IsoflopRequest request = IsoflopRequest.of(new DataSource(id, Map.of("loss", "val_loss")));

        assertThatThrownBy(() -> request.run(WORKERS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--column");
    }

    @Test
    void aCheckpointWithAFractionalDepthIsAnInputExceptionAtItsLineAndColumn() throws Exception {
        StringBuilder csv = new StringBuilder("width,layers,tokens,loss\n");
        for (double d = 1e9; d < 1e10; d *= 1.5) {
            csv.append(String.format(Locale.ROOT, "96,%s,%s,3.5%n", d > 3e9 && d < 4e9 ? "3.5" : "3", d));
        }
        Path data = Files.writeString(folder.resolve("checkpoints.csv"), csv);
        IsoflopRequest request = new IsoflopRequest(new DataSource(data.toString(), Map.of("depth", "layers")),
                new IsoflopRequest.Checkpoints(FlopCount.KAPLAN, Architecture.gemstones()), List.of(), 10, 1,
                ResamplingStream.SPLITTABLE, null, false, List.of());

        assertThatThrownBy(() -> request.run(WORKERS)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.line()).hasValue(5);
            assertThat(e.column()).hasValue("layers");
            assertThat(e.expected()).contains("whole number");
            assertThat(e.found()).isEqualTo("3.5");
        });
    }
}
