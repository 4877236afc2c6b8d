package org.scalefit.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.HuberLogLossObjective;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.Approach1File;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.PublishedValues;
import org.scalefit.io.TableReader;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.sensitivity.DeltaGridPoint;
import org.scalefit.sensitivity.DeltaGridSweep;
import org.scalefit.sensitivity.DesignSampling;
import org.scalefit.sensitivity.LineVariant;
import org.scalefit.sensitivity.ModelShape;
import org.scalefit.sensitivity.RainbowLine;
import org.scalefit.sensitivity.RainbowTable;
import org.scalefit.sensitivity.ReferenceDesign;
import org.scalefit.sensitivity.SizeWindows;


/**
 * The sensitivity analyses against the published numbers (Gemstones, McLeish et al. 2025:
 * {@code approach_3_grid_search.py}, {@code rainbow.py}, {@code slope_analysis.py}): the δ × grid-size sweep against Gemstones' {@code parameters_delta-3/…_hot.json} and a re-run
 * rows, the reduced samples against the bundled {@code slim_chinchilla} and {@code …sampled_like_chinchilla}
 * tables, and the rainbow's Approach-1 slopes and Δ against the published {@code parameters/} files.
 */
class PublishedSensitivityTest {

    /**
     * The hand-read Chinchilla token lists of Gemstones' {@code chinchilla_reduced_sampling.py}
     * ({@code params_to_tokens_chinchilla}, with 70e6 using the 50e6 list as there), MIT licence.
     */
    private static final Map<Double, double[]> HAND_READ_TOKENS = handReadTokens();
    /** The six models the original keeps ({@code my_list}). */
    private static final List<ModelShape> ORIGINAL_MODELS = List.of("384x13", "512x11", "512x13", "1280x15",
            "1792x18", "2048x27").stream().map(ModelShape::parse).toList();

    private static Map<Double, double[]> handReadTokens() {
        Map<Double, double[]> lists = new LinkedHashMap<>();
        double[] fifty = {3.15e9, 6.53e9, 1.19e10, 1.3e10, 2.51e10};
        lists.put(50e6, fifty);
        lists.put(70e6, fifty);
        lists.put(100e6, new double[] {3.24e9, 7.47e9, 1.3e10, 1.37e10});
        lists.put(500e6, new double[] {5.76e9, 1.25e10, 2.4e10, 4.71e10});
        lists.put(1e9, new double[] {1.57e9, 4.73e9, 7.73e9, 8.78e9, 1.58e10, 1.64e10, 3.27e10});
        lists.put(2e9, new double[] {8.12e8, 8.05e9, 1.63e10, 2.43e10, 3.27e10, 4.88e10, 8.12e10, 1.24e11});
        return lists;
    }

    private static Observations hot() {
        RunTable table = new TableReader().read("gemstones:hot", ColumnRequest.of("params", "tokens", "loss"));
        return Observations.fromTable(table, LawForm.CHINCHILLA.inputs(), "loss");
    }

    private static DeltaGridPoint sweepPoint(double delta, long gridSize) {
        List<DeltaGridPoint> points = DeltaGridSweep.run(hot(),
                DeltaGridSweep.configurations(List.of(delta), List.of(gridSize)),
                MultiStartFitter.Options.defaults(), LocalParallelism.allCores(),
                FitProgress.silent());
        assertThat(points).hasSize(1);
        assertThat(points.get(0).fit().succeeded()).isTrue();
        return points.get(0);
    }

    /**
     * The issue's acceptance: at Gemstones' grid size for two inputs (4 500 starts) and δ = 1e-3 the sweep reaches
     * the published {@code approach_3_parameters_grid_search_0_hot.json}, with PublishedApproach3Test's tolerances,
     * and the same optimum as the default Gemstones grid (which has the same size at other values).
     */
    @Test
    void sweepAtTheGemstonesGridSizeReproducesThePublishedHotFit() {
        DeltaGridPoint point = sweepPoint(1e-3, 4500);
        assertThat(point.grid().size()).isEqualTo(StartGrid.gemstones(2).size());
        double publishedLoss = PublishedValues.gemstonesApproach3Loss("parameters_grid_search_0_hot").orElseThrow();
        double[] expected = PublishedValues.gemstonesApproach3("parameters_grid_search_0_hot").orElseThrow()
                .theta();
        LawFit fit = point.fit();
        assertThat(fit.loss()).isLessThanOrEqualTo(publishedLoss + 1e-9);
        assertThat(HuberLogLossObjective.of(LawForm.CHINCHILLA, hot(), 1e-3).value(expected))
                .isCloseTo(publishedLoss, within(1e-9));
        double[] actual = fit.parameters();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("parameter %d", i).isCloseTo(expected[i], within(1e-3 * Math.abs(expected[i])));
        }
        LawFit defaultGrid = PublishedApproach3Test.fit(hot(), StartGrid.gemstones(2),
                MultiStartFitter.Options.defaults());
        assertThat(fit.loss()).isCloseTo(defaultGrid.loss(), within(1e-12));
        assertThat(point.slopes().tokens()).isCloseTo(expected[0] / (expected[0] + expected[1]), within(1e-3));
    }

    /**
     * The re-run rows at δ = 1e-3 (scipy 1.10, finite-difference L-BFGS-B; printed to 10 digits): our optimum
     * is at most theirs and within 1e-9 of it (their three rows differ among themselves by 2.4e-10), with parameters
     * within 1e-3 (relative) and the same slope to 1e-4.
     */
    @ParameterizedTest(name = "g = {0}")
    @CsvSource({
        "3000, 0.001981613023, 0.292805, 0.712884, 5.360307, 15.416249, 0.762198, 0.291148",
        "4000, 0.001981612863, 0.292857, 0.713034, 5.361151, 15.419706, 0.762264, 0.291142",
        "5000, 0.001981613104, 0.292764, 0.712968, 5.359666, 15.418125, 0.762164, 0.291096"})
    void sweepAtDelta1e3MatchesTheSpecsRerunRows(long gridSize, double loss, double alpha, double beta, double a,
                                                 double b, double e, double slope) {
        DeltaGridPoint point = sweepPoint(1e-3, gridSize);
        LawFit fit = point.fit();
        assertThat(fit.loss()).isLessThanOrEqualTo(loss + 1e-12);
        assertThat(loss - fit.loss()).isLessThan(1e-9);
        double[] expected = {alpha, beta, a, b, e};
        double[] actual = fit.parameters();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("parameter %d", i).isCloseTo(expected[i], within(1e-3 * Math.abs(expected[i])));
        }
        assertThat(point.slopes().tokens()).isCloseTo(slope, within(1e-4));
    }

    /**
     * At δ = 1e-5 the valley is flat and the re-run's three grids stop at different points (slopes 0.30, 0.35,
     * 0.28); only the objective is well defined: ours is at most each of theirs.
     */
    @ParameterizedTest(name = "g = {0}")
    @CsvSource({"3000, 2.085891723e-05", "4000, 2.094177467e-05", "5000, 2.094510229e-05"})
    void sweepAtDelta1e5FindsAnOptimumAtLeastAsGoodAsTheSpecsRerun(long gridSize, double loss) {
        assertThat(sweepPoint(1e-5, gridSize).fit().loss()).isLessThanOrEqualTo(loss);
    }

    @Test
    void sizeWindowsOfTheEpochTableGiveTheBundledSlimChinchillaTable() {
        RunTable epoch = new TableReader().read("chinchilla:epoch", ColumnRequest.of("params", "tokens", "loss"));
        assertSameRows(SizeWindows.gemstones().select(epoch), read("slim_chinchilla"), 1e-9);
    }

    @Test
    void lrAblationVariantKeepsReferenceRunsBelow100bTokens() {
        RunTable epoch = new TableReader().read("chinchilla:epoch", ColumnRequest.of("params", "tokens", "loss"));
        RunTable below = epoch.withRowsBetween("tokens", 0, Math.nextDown(100e9));
        assertSameRows(SizeWindows.gemstones().select(below), read("lr_ablation_slim_chinchilla"), 1e-9);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"hot_100b+_477, hot_sampled_like_chinchilla", "lr_ablation_hot_477, "
            + "lr_ablation_hot_sampled_like_chinchilla"})
    void handReadDesignAndTheOriginalsModelsGiveTheBundledSample(String source, String bundled) {
        RunTable runs = new TableReader().read("gemstones:" + source,
                ColumnRequest.of("params", "tokens", "loss", "width", "depth"));
        ReferenceDesign design = ReferenceDesign.ofTokenLists(HAND_READ_TOKENS, 2e9);
        RunTable sample = DesignSampling.sample(DesignSampling.onlyShapes(runs, ORIGINAL_MODELS), design, 1e9);
        RunTable expected = new TableReader().read("gemstones:" + bundled,
                ColumnRequest.of("params", "tokens", "loss", "rounded_params"));
        assertSameRows(sample, expected, 0);
        assertThat(sample.column(DesignSampling.SIZE_CLASS)).containsExactly(expected.column("rounded_params"));
    }

    /**
     * The design taken from the slim table itself (its tokens rounded to 2e9) differs from the hand-read lists in
     * two places: 13.03B tokens of the 74M model rounds to 14B (hand-read 1.3e10 rounds to 12B), and 13.08B of the
     * 106M model to 14B (hand-read 1.3e10 → 12B). So the sample has 384x13 at 14B instead of 512x13 at 12B; the
     * other 23 checkpoints are the bundled ones.
     */
    @Test
    void designFromTheSlimTableDiffersFromTheHandReadListsInOneCheckpoint() {
        RunTable slim = read("slim_chinchilla");
        ReferenceDesign design = ReferenceDesign.fromRuns(slim.column("params"), slim.column("tokens"), 2e9);
        RunTable runs = new TableReader().read("gemstones:hot_100b+_477",
                ColumnRequest.of("params", "tokens", "loss", "width", "depth"));
        RunTable sample = DesignSampling.sample(DesignSampling.onlyShapes(runs, ORIGINAL_MODELS), design, 1e9);
        List<String> ours = checkpoints(sample);
        List<String> bundled = checkpoints(read("hot_sampled_like_chinchilla"));
        List<String> added = new ArrayList<>(ours);
        added.removeAll(bundled);
        List<String> missing = new ArrayList<>(bundled);
        missing.removeAll(ours);
        assertThat(added).containsExactly(66758784.0 + "@" + 14e9);
        assertThat(missing).containsExactly(102643200.0 + "@" + 12e9);
        assertThat(ours).hasSize(24);
    }

    /** Approach-1 lines of the rainbow: slopes are the files' {@code coef[0]}, Δ to the 100b+ file of each flag. */
    @Test
    void approach1SlopesAndDeltasFollowThePublishedFiles(@TempDir Path dir) {
        Path folder = PublishedValues.copy("gemstones/parameters", dir.resolve("parameters"));
        List<RainbowLine> lines = new ArrayList<>();
        for (Approach1File file : Approach1File.readFolder(folder, "params")) {
            lines.add(RainbowLine.ofRegression(file.dataName(), LineVariant.ofGemstonesName(file.dataName()),
                    file.slope(), file.intercept()));
        }
        RainbowTable table = RainbowTable.of(lines, RainbowTable.GEMSTONES_SORT_COMPUTE);
        assertThat(table.rows()).hasSize(6);
        double base = coefficient("_100b+");
        double baseNoEmbeds = coefficient("_100b+_no_embeds");
        for (RainbowTable.Row row : table.rows()) {
            String name = row.line().label();
            double published = coefficient(name);
            assertThat(row.line().slope()).as(name).isEqualTo(published);
            boolean noEmbeds = name.endsWith("_no_embeds");
            assertThat(row.delta()).as(name).isEqualTo(published - (noEmbeds ? baseNoEmbeds : base));
            assertThat(row.baseLabel()).isEqualTo(noEmbeds ? "_100b+_no_embeds" : "_100b+");
            double intercept = PublishedValues.gemstonesApproach1("params" + name).orElseThrow().intercept();
            double atSort = Math.exp(published * Math.log(1e28) + intercept);
            assertThat(row.paramsAtSort()).isCloseTo(atSort, within(1e-12 * atSort));
        }
        assertThat(table.rows()).extracting(row -> row.line().label()).containsExactly("_100b+", "",
                "_100b+_no_embeds", "_no_embeds", "_120b+_only", "_120b+_only_no_embeds");
        assertThat(table.rows().get(4).delta()).isCloseTo(0.3408, within(5e-5));
    }

    private static double coefficient(String dataName) {
        return PublishedValues.gemstonesApproach1("params" + dataName).orElseThrow().slope();
    }

    private static List<String> checkpoints(RunTable table) {
        double[] params = table.column("params");
        double[] tokens = table.column("tokens");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < table.rows(); i++) {
            keys.add(params[i] + "@" + tokens[i]);
        }
        return keys;
    }

    private static RunTable read(String set) {
        return new TableReader().read("gemstones:" + set, ColumnRequest.of("params", "tokens", "loss"));
    }

    private static void assertSameRows(RunTable actual, RunTable expected, double relative) {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        for (String column : List.of("params", "tokens", "loss")) {
            double[] a = actual.column(column);
            double[] e = expected.column(column);
            for (int i = 0; i < a.length; i++) {
                assertThat(a[i]).as("%s of row %d", column, i).isCloseTo(e[i], within(relative * Math.abs(e[i])));
            }
        }
    }
}
