package org.scalefit.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.HuberLogLossObjective;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.PublishedValues;
import org.scalefit.io.TableReader;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;


/**
 * Approach 3 against the published numbers: every 2-input fit of Gemstones' {@code parameters_delta-3} folder and
 * Epoch AI's Chinchilla Fit A, from the bundled data, with the studies' own grids and δ = 1e-3.
 */
class PublishedApproach3Test {

    private static final List<String> TWO_INPUT_FILES = List.of(
            "cool_begin", "cool_begin_no_embeds", "cool_end", "cool_end_no_embeds", "hot", "hot_100b+",
            "hot_100b+_512x", "hot_100b+_no_embeds", "hot_120b+_only", "hot_120b+_only_no_embeds", "hot_no_embeds",
            "hot_sampled_like_chinchilla", "lr_ablation_hot", "lr_ablation_hot_no_embeds",
            "lr_ablation_hot_sampled_like_chinchilla", "slim_chinchilla");

    static Stream<String> twoInputFits() {
        return TWO_INPUT_FILES.stream();
    }

    static Observations gemstonesTable(String set, boolean noEmbeds) {
        List<String> columns = noEmbeds ? List.of("params", "tokens", "loss", "width") : List.of("params", "tokens", "loss");
        RunTable table = new TableReader().read("gemstones:" + set, ColumnRequest.of(columns.toArray(String[]::new)));
        if (noEmbeds) {
            double[] params = table.column("params");
            double[] width = table.column("width");
            for (int i = 0; i < params.length; i++) {
                params[i] -= 50304 * width[i];
            }
            table = table.withColumn("params", params);
        }
        return Observations.fromTable(table, LawForm.CHINCHILLA.inputs(), "loss");
    }

    static LawFit fit(Observations data, StartGrid grid, MultiStartFitter.Options options) {
        return new FitProblem(LawForm.CHINCHILLA, data, 1e-3, grid, options)
                .fit(LocalParallelism.allCores(), FitProgress.silent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoInputFits")
    void reachesThePublishedObjectiveWithThePublishedParameters(String name) {
        boolean noEmbeds = name.endsWith("_no_embeds");
        String set = noEmbeds ? name.substring(0, name.length() - "_no_embeds".length()) : name;
        String file = "parameters_grid_search_0_" + name;
        Observations data = gemstonesTable(set, noEmbeds);
        LawFit fit = fit(data, StartGrid.gemstones(2), MultiStartFitter.Options.defaults());
        EngineNeverWorseTest.assertNoWorse(name, 1e-3, fit);

        double publishedLoss = PublishedValues.gemstonesApproach3Loss(file).orElseThrow();
        assertThat(fit.loss()).isLessThanOrEqualTo(publishedLoss + 1e-9);
        double[] expected = PublishedValues.gemstonesApproach3(file).orElseThrow().theta();
        double[] actual = fit.parameters();
        // Our objective, evaluated at the published parameters, gives the published loss: the same function.
        double atPublished = HuberLogLossObjective.of(LawForm.CHINCHILLA, data, 1e-3).value(expected);
        assertThat(atPublished).isCloseTo(publishedLoss, within(1e-9));
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.abs(expected[i]));
        }
        if (worst > 1e-3) {
            // A flat direction: the two points differ by more than 1e-3 in some parameter, yet the objective at the
            // published point is within 1e-8 of our optimum (scipy's finite-difference L-BFGS-B stops early along
            // such valleys; small tables of 23-28 points and the single-width 512x table have them).
            assertThat(atPublished - fit.loss()).as("flatness, worst relative parameter gap %s", worst)
                    .isGreaterThanOrEqualTo(0.0);
            if (atPublished - fit.loss() > 1e-8) {
                // Not flat but better: the published search stopped short in a degenerate valley (hot_100b+_512x has
                // a single width, so the params exponent and coefficient trade off). The fit must say so.
                assertThat(fit.warnings()).as("warnings for a fit better than the published one").isNotEmpty();
            }
        }
    }

    @Test
    void epochFitAReproducesBesirogluEtAl() {
        RunTable table = new TableReader().read("chinchilla:epoch", ColumnRequest.of("params", "tokens", "loss"));
        Observations data = Observations.fromTable(table, LawForm.CHINCHILLA.inputs(), "loss").withoutHighestLosses(5);
        assertThat(data.size()).isEqualTo(240);
        LawFit fit = fit(data, StartGrid.epoch(), MultiStartFitter.Options.defaults());
        assertThat(fit.loss()).isLessThanOrEqualTo(0.0010182740346154362 + 1e-9);
        double[] theta = fit.parameters();
        // The objective is flat here: Epoch's own re-run agrees with the notebook to about 4 significant figures.
        assertThat(Math.exp(theta[2])).isCloseTo(477.84171252965143, within(477.8 * 2e-3));
        assertThat(Math.exp(theta[3])).isCloseTo(2143.8637880335505, within(2143.9 * 2e-3));
        assertThat(Math.exp(theta[4])).isCloseTo(1.817235504463726, within(1.8172 * 1e-3));
        assertThat(theta[0]).isCloseTo(0.34731265761033453, within(0.3473 * 1e-3));
        assertThat(theta[1]).isCloseTo(0.3671826173946711, within(0.3672 * 1e-3));
    }

    /**
     * The 3-input width–depth law on hot_100b+ (135 000 starts, about a minute on 2 cores): the published objective,
     * the published exponents and coefficients, and an irreducible error that is not identified (E → 0): the fit must
     * say so, and moving e to the published −4555 must not change the objective.
     */
    @Tag("slow") // about 30 CPU-seconds: CI (-Pall) runs it, the default build does not
    @Test
    void widthDepthLawOnHot100bReachesThePublishedObjectiveAndFlagsTheFreeIrreducibleError() {
        RunTable table = new TableReader().read("gemstones:hot_100b+", ColumnRequest.of("width", "depth", "tokens",
                "loss"));
        Observations data = Observations.fromTable(table, LawForm.WIDTH_DEPTH.inputs(), "loss");
        LawFit fit = FitProblem.of(LawForm.WIDTH_DEPTH, data, 1e-3, StartGrid.gemstones(3))
                .fit(LocalParallelism.allCores(), FitProgress.silent());
        EngineNeverWorseTest.assertNoWorse("width-depth hot_100b+", 1e-3, fit);
        String file = "width_depth_grid_search_0_hot_100b+";
        double publishedLoss = PublishedValues.gemstonesApproach3Loss(file).orElseThrow();
        assertThat(fit.loss()).isLessThanOrEqualTo(publishedLoss + 1e-9);
        double[] published = PublishedValues.gemstonesApproach3(file).orElseThrow().theta();
        double[] actual = fit.parameters();
        for (int j = 0; j < 3; j++) {
            double exponent = published[j];
            double coefficient = published[3 + j];
            assertThat(actual[j]).as("exponent %d", j).isCloseTo(exponent, within(1e-3 * Math.abs(exponent)));
            assertThat(actual[3 + j]).as("coefficient %d", j).isCloseTo(coefficient,
                    within(1e-3 * Math.abs(coefficient)));
        }
        double publishedE = published[6];
        double[] withPublishedE = actual.clone();
        withPublishedE[6] = publishedE;
        HuberLogLossObjective objective = HuberLogLossObjective.of(LawForm.WIDTH_DEPTH, data, 1e-3);
        assertThat(objective.value(withPublishedE)).isCloseTo(fit.loss(), within(1e-12));
        assertThat(fit.warnings()).anyMatch(warning -> warning.startsWith("degenerate: irreducible error"));
    }
}
