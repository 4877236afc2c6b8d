package org.scalefit.report.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.fit.FitProgress;
import org.scalefit.io.DataSource;
import org.scalefit.io.analysis.CostRequest;
import org.scalefit.io.analysis.DatasetAnalysisRequest;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.report.Block;
import org.scalefit.report.HtmlReport;
import org.scalefit.report.Report;
import org.scalefit.report.Section;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Series;

/**
 * The report of a user's run table: 30 runs (6 sizes × 5 token counts) of Chinchilla's law L = 1.69 + 406.4/N^0.34
 * + 410.7/D^0.28 (Hoffmann et al. 2022, eq. 10) with a deterministic ±0.4 % wobble, as the README's "Your own runs".
 */
class DatasetReportTest {

    private static final double[] SIZES = {1e7, 2e7, 5e7, 1e8, 2e8, 5e8};
    private static final String[] NAMES = {"tiny", "small", "base", "large", "xl", "xxl"};

    @TempDir
    Path folder;

    /** The CSV, with a first column {@code header} holding {@code name.apply(size index)} when header is not null. */
    private Path runs(String header, IntFunction<String> name) throws Exception {
        StringBuilder csv = new StringBuilder(header == null ? "" : header + ",").append("params,tokens,loss\n");
        int i = 0;
        for (int s = 0; s < SIZES.length; s++) {
            for (double d : new double[] {2e8, 1e9, 3e9, 1e10, 3e10}) {
                double n = SIZES[s];
                double loss = (1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28))
                        * (1 + 0.004 * Math.sin(7 * i++));
                if (header != null) {
                    csv.append(name.apply(s)).append(',');
                }
                csv.append(String.format(Locale.ROOT, "%g,%g,%.5f%n", n, d, loss));
            }
        }
        return Files.writeString(folder.resolve("runs-" + (header == null ? "plain" : header) + ".csv"), csv);
    }

    private static Report report(Path csv) {
        DatasetReportRequest request = new DatasetReportRequest(new DatasetAnalysisRequest(
                DataSource.of(csv.toString()), CostRequest.defaults(), 1e-3, "gemstones", 8, 0, 20, 42, false, null,
                null, false), null);
        return request.build(LocalParallelism.withThreads(2), FitProgress.silent()).report().withoutRunDetails();
    }

    private static List<String> runColumnOfDataTable(Report report) {
        Block.Table table = report.sections().get(0).blocks().stream().filter(Block.Table.class::isInstance)
                .map(Block.Table.class::cast).findFirst().orElseThrow();
        return table.rows().stream().map(row -> row.get(0)).toList();
    }

    private static Figure figure(Report report, String id) {
        return report.figures().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aSingleRunStillHasEverySectionAndApproach1SaysWhyItIsMissing() throws Exception {
        Path one = Files.writeString(folder.resolve("one.csv"), "params,tokens,loss\n1e8,2e9,3.1\n");
        Report report = report(one);

        assertThat(report.sections()).extracting(Section::id)
                .containsExactly("data", "approach-1-flops", "approach-3", "allocation");
        assertThat(HtmlReport.html(report)).contains("Approach 1 cannot be computed: the loss frontier has 1 run");
    }

    @Test
    void aTableWithoutWidthDepthOrTimingsHasOnlyTheSectionsThatApply() throws Exception {
        Report report = report(runs(null, s -> ""));

        assertThat(report.sections()).extracting(Section::id)
                .containsExactly("data", "approach-1-flops", "approach-3", "allocation");
        assertThat(HtmlReport.html(report)).doesNotContain("Model shapes").doesNotContain("GPU-hours")
                .doesNotContainIgnoringCase("not available").doesNotContain("width and depth");
    }

    @Test
    void withoutARunColumnRunsAreNamedByTheirParameterCount() throws Exception {
        Report report = report(runs(null, s -> ""));

        assertThat(runColumnOfDataTable(report)).containsExactly("N = 10⁷", "N = 2×10⁷", "N = 5×10⁷", "N = 10⁸",
                "N = 2×10⁸", "N = 5×10⁸");
    }

    @Test
    void runsAreNamedByTheFilesRunColumn() throws Exception {
        Report report = report(runs("model", s -> NAMES[s]));

        assertThat(runColumnOfDataTable(report)).containsExactly(NAMES);
        assertThat(figure(report, "approach-1-flops-loss").series()).extracting(Series::name)
                .contains(NAMES);
        assertThat(figure(report, "approach-1-flops-loss").series("xl").pointLabel(0)).startsWith("xl, ");
    }

    @Test
    void runNamesAreShownWithoutThePrefixAndSuffixAllShare() throws Exception {
        Report report = report(runs("run_name", s -> "MyLab-" + NAMES[s] + "_pretrain"));

        assertThat(runColumnOfDataTable(report)).containsExactly(NAMES);
        assertThat(HtmlReport.html(report)).contains("&#39;MyLab-&#39; … &#39;_pretrain&#39;");
    }

    @Test
    void theLawSectionShowsLossAgainstComputeWithTheFrontierAndTheLawsBootstrapBand() throws Exception {
        Report report = report(runs(null, s -> ""));

        Section law = report.sections().stream().filter(s -> s.id().equals("approach-3")).findFirst().orElseThrow();
        Figure figure = figure(report, "approach-3-loss-against-compute");
        assertThat(law.figures()).contains(figure);
        assertThat(figure.series()).extracting(Series::name).contains("convex-hull frontier");
        Series fitted = figure.series().get(figure.series().size() - 1);
        assertThat(fitted.name()).startsWith("fitted law").endsWith("95 % band");
        assertThat(fitted.hasBand()).isTrue();
        double[] lower = fitted.band().lower();
        double[] upper = fitted.band().upper();
        double[] y = fitted.y();
        for (int i = 0; i < y.length; i++) {
            assertThat(lower[i]).isLessThanOrEqualTo(upper[i]);
            assertThat(y[i]).isBetween(lower[i] * 0.99, upper[i] * 1.01);
        }
    }

    @Test
    void lossAxesNameTheFilesLossColumn() throws Exception {
        Path plain = runs(null, s -> "");
        Path csv = Files.writeString(folder.resolve("final-loss.csv"),
                Files.readString(plain).replaceFirst(",loss\n", ",final_loss\n"));

        Report report = report(csv);

        for (String id : List.of("approach-1-flops-loss", "approach-3-loss-against-compute")) {
            assertThat(figure(report, id).y().label()).isEqualTo("loss (column final_loss)");
        }
    }

    @Test
    void theSameRequestGivesTheSamePage() throws Exception {
        Path csv = runs(null, s -> "");

        assertThat(HtmlReport.html(report(csv))).isEqualTo(HtmlReport.html(report(csv)));
    }

    /**
     * An IsoFLOP design of the same law: 5 budgets C of 7 sizes each, N from 1/5 to 5 times Chinchilla's N_opt(C)
     * (eq. 4 of the rounded law: G = 1.345, a = 0.4516), D = C/(6N), with the same wobble.
     */
    private Path isoflopRuns() throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        int i = 0;
        for (double c : new double[] {1e18, 3e18, 1e19, 3e19, 1e20}) {
            double optimal = 1.345 * Math.pow(c / 6, 0.4516);
            for (int k = -3; k <= 3; k++) {
                double n = optimal * Math.pow(5, k / 3.0);
                double d = c / (6 * n);
                double loss = (1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28))
                        * (1 + 0.002 * Math.sin(7 * i++));
                csv.append(String.format(Locale.ROOT, "%.6g,%.6g,%.5f%n", n, d, loss));
            }
        }
        return Files.writeString(folder.resolve("isoflop.csv"), csv);
    }

    @Test
    void runsOfAnIsoflopDesignGetAnApproach2SectionWithItsCurvesAndExponents() throws Exception {
        Report report = report(isoflopRuns());

        assertThat(report.sections()).extracting(Section::id)
                .containsExactly("data", "approach-1-flops", "approach-2", "approach-3", "allocation");
        Section approach2 = report.sections().get(2);
        assertThat(approach2.figures()).extracting(Figure::id).containsExactly("approach-2-curves",
                "approach-2-params", "approach-2-tokens");
        List<String> facts = approach2.blocks().stream().filter(Block.Facts.class::isInstance)
                .flatMap(b -> ((Block.Facts) b).facts().stream()).map(Block.Fact::name).toList();
        assertThat(facts).contains("N* ∝ C^a: a", "D* ∝ C^b: b");
        assertThat(figure(report, "approach-2-params").series().stream().map(Series::name).toList())
                .anySatisfy(name -> assertThat(name).contains("a = "));
    }

    @Test
    void runsOfSizesTimesTokenCountsGetNoApproach2Section() throws Exception {
        Report report = report(runs(null, s -> ""));

        assertThat(report.sections()).extracting(Section::id).doesNotContain("approach-2");
    }

    private static List<String> texts(Report report, String section) {
        return report.sections().stream().filter(s -> s.id().equals(section)).findFirst().orElseThrow().blocks()
                .stream().filter(Block.Text.class::isInstance).map(b -> ((Block.Text) b).text()).toList();
    }

    private static Report report(DatasetAnalysisRequest analysis) {
        return new DatasetReportRequest(analysis, null).build(LocalParallelism.withThreads(2), FitProgress.silent())
                .report().withoutRunDetails();
    }

    @Test
    void theApproach1SectionCautionsWhatTheFrontierCommandWarnsOnTheSameRuns() throws Exception {
        Path csv = runs(null, s -> "");
        String rows = Files.readString(csv);
        // a diverged run beyond the largest budget, then a run a little worse than the best: Gemstones' rule keeps
        // the last one on the frontier (it is lower than the diverged run before it), though the best dominates it
        Files.writeString(csv, rows + "5e+08,3.96e+10,1e+06\n5e+08,4e+10,2.7\n");
        CostRequest costs = CostRequest.defaults();
        List<String> warnings = new org.scalefit.io.analysis.FrontierRequest(DataSource.of(csv.toString()),
                org.scalefit.io.analysis.FrontierRequest.Resource.FLOPS, costs, null, 0, 42, 20).run().warnings();

        Report report = report(new DatasetAnalysisRequest(DataSource.of(csv.toString()), costs, 1e-3, "gemstones", 0,
                0, 20, 42, false, null, null, false));

        assertThat(warnings).anyMatch(w -> w.startsWith("dominated:"));
        for (String warning : warnings) {
            assertThat(texts(report, "approach-1-flops")).anyMatch(text -> text.contains(warning));
        }
    }

    /**
     * An IsoFLOP design with a FLOPs and a tokens column: 4 budgets of 5 sizes of Chinchilla's law, one row's tokens
     * 30 % off C/(6N), and one size of the first budget run twice.
     */
    private Path isoflopRunsWithFlaws() throws Exception {
        StringBuilder csv = new StringBuilder("flops,params,tokens,loss\n");
        int i = 0;
        for (double c : new double[] {1e18, 1e19, 1e20, 1e21}) {
            double optimal = 1.345 * Math.pow(c / 6, 0.4516);
            for (int k = -2; k <= 2; k++) {
                double n = optimal * Math.pow(5, k / 2.0);
                double d = c / (6 * n);
                double loss = (1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28))
                        * (1 + 0.002 * Math.sin(7 * i++));
                csv.append(String.format(Locale.ROOT, "%g,%.6g,%.6g,%.5f%n", c, n, i == 3 ? 1.3 * d : d, loss));
                if (i == 2) {
                    csv.append(String.format(Locale.ROOT, "%g,%.6g,%.6g,%.5f%n", c, n, d, loss * 1.003));
                }
            }
        }
        return Files.writeString(folder.resolve("isoflop-flaws.csv"), csv);
    }

    @Test
    void theApproach2SectionCautionsWhatTheIsoflopCommandWarnsOnTheSameRuns() throws Exception {
        Path csv = isoflopRunsWithFlaws();
        List<String> warnings = org.scalefit.io.analysis.IsoflopRequest.of(DataSource.of(csv.toString()))
                .run(LocalParallelism.withThreads(1)).fits().warnings();

        Report report = report(new DatasetAnalysisRequest(DataSource.of(csv.toString()), new CostRequest("flops",
                null, org.scalefit.accounting.Architecture.gemstones(), false, 8), 1e-3, "gemstones", 0, 0, 0, 42,
                false, null, null, false));

        assertThat(warnings).anyMatch(w -> w.contains("6·N·D")).anyMatch(w -> w.contains("line"));
        String cautions = String.join(" ", texts(report, "approach-2"));
        for (String warning : warnings) {
            assertThat(cautions).contains(warning.endsWith(".") ? warning.substring(0, warning.length() - 1)
                    : warning);
        }
    }
}
