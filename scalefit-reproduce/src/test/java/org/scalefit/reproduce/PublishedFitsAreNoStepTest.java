package org.scalefit.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitDiagnostics;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.PublishedValues;
import org.scalefit.io.TableReader;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;

/**
 * The rule that calls a fitted term a step ({@link org.scalefit.fit.StepTerm}) holds of no published fit: every
 * Gemstones Approach-3 parameter file (2-input, width–depth and width–depth–params laws) and Epoch AI's Chinchilla
 * fit, each at its published parameters on its bundled data.
 */
class PublishedFitsAreNoStepTest {

    private static final List<String> WIDTH_DEPTH_FILES = List.of("width_depth_grid_search_0_hot_100b+",
            "width_depth_parameters_grid_search_0_cool_end", "width_depth_parameters_grid_search_0_hot_100b+",
            "width_depth_parameters_grid_search_0_lr_ablation_hot");

    static Stream<String> twoInputFits() {
        return PublishedApproach3Test.twoInputFits();
    }

    static Stream<String> widthDepthFits() {
        return WIDTH_DEPTH_FILES.stream();
    }

    private static void assertNoStep(FittedLaw law, Observations data) {
        assertThat(FitDiagnostics.warnings(law.form(), law.theta(), data))
                .noneSatisfy(warning -> assertThat(warning).contains("acts as a step"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoInputFits")
    void noGemstonesTwoInputFitIsAStep(String name) {
        boolean noEmbeds = name.endsWith("_no_embeds");
        String set = noEmbeds ? name.substring(0, name.length() - "_no_embeds".length()) : name;
        assertNoStep(PublishedValues.gemstonesApproach3("parameters_grid_search_0_" + name).orElseThrow(),
                PublishedApproach3Test.gemstonesTable(set, noEmbeds));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("widthDepthFits")
    void noGemstonesWidthDepthFitIsAStep(String file) {
        FittedLaw law = PublishedValues.gemstonesApproach3(file).orElseThrow();
        String set = file.substring(file.indexOf("_search_0_") + "_search_0_".length());
        List<String> columns = new java.util.ArrayList<>(law.form().inputs());
        columns.add("loss");
        Observations data = Observations.fromTable(new TableReader().read("gemstones:" + set,
                ColumnRequest.of(columns.toArray(String[]::new))), law.form().inputs(), "loss");
        assertNoStep(law, data);
    }

    @Test
    void epochsFitIsNoStep() {
        // Besiroglu et al. 2024 (Epoch AI), Chinchilla Scaling: A replication attempt, the fit of their eq. 2
        double[] theta = {0.3478, 0.3658, Math.log(482.00572), Math.log(2085.43420), Math.log(1.82)};
        Observations data = Observations.fromTable(new TableReader().read("chinchilla:epoch",
                ColumnRequest.of("params", "tokens", "loss")), LawForm.CHINCHILLA.inputs(), "loss");
        assertThat(FitDiagnostics.warnings(LawForm.CHINCHILLA, theta, data))
                .noneSatisfy(warning -> assertThat(warning).contains("acts as a step"));
    }
}
