package org.scalefit.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
 * The narrow-range warning ({@link FitDiagnostics}: an input spanning fewer than {@value FitDiagnostics#NARROW_DECADES}
 * decades over which the fitted term barely changes) holds of no published fit at its published parameters on its
 * bundled data: every Gemstones Approach-3 fit (2-input and width–depth laws, three of whose tables span under half a
 * decade in params or tokens) and Epoch AI's Chinchilla fit.
 */
class PublishedFitsAreNotNarrowTest {

    static Stream<String> twoInputFits() {
        return PublishedApproach3Test.twoInputFits();
    }

    static Stream<String> widthDepthFits() {
        return PublishedFitsAreNoStepTest.widthDepthFits();
    }

    private static void assertNotNarrow(LawForm law, double[] theta, Observations data) {
        assertThat(FitDiagnostics.warnings(law, theta, data))
                .noneSatisfy(warning -> assertThat(warning).startsWith("narrow range"));
    }

    private static Observations table(String name, List<String> inputs) {
        List<String> columns = new ArrayList<>(inputs);
        columns.add("loss");
        return Observations.fromTable(new TableReader().read(name, ColumnRequest.of(columns.toArray(String[]::new))),
                inputs, "loss");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoInputFits")
    void noGemstonesTwoInputTableIsNarrow(String name) {
        boolean noEmbeds = name.endsWith("_no_embeds");
        String set = noEmbeds ? name.substring(0, name.length() - "_no_embeds".length()) : name;
        assertNotNarrow(LawForm.CHINCHILLA,
                PublishedValues.gemstonesApproach3("parameters_grid_search_0_" + name).orElseThrow().theta(),
                PublishedApproach3Test.gemstonesTable(set, noEmbeds));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("widthDepthFits")
    void noGemstonesWidthDepthTableIsNarrow(String file) {
        FittedLaw law = PublishedValues.gemstonesApproach3(file).orElseThrow();
        String set = file.substring(file.indexOf("_search_0_") + "_search_0_".length());
        assertNotNarrow(law.form(), law.theta(), table("gemstones:" + set, law.form().inputs()));
    }

    @Test
    void epochsFitIsNotNarrow() {
        // Besiroglu et al. 2024 (Epoch AI), Chinchilla Scaling: A replication attempt, the fit of their eq. 2
        double[] theta = {0.3478, 0.3658, Math.log(482.00572), Math.log(2085.43420), Math.log(1.82)};
        assertNotNarrow(LawForm.CHINCHILLA, theta, table("chinchilla:epoch", LawForm.CHINCHILLA.inputs()));
    }
}
