package org.scalefit.report.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.io.GadreTestbed;
import org.scalefit.overtraining.DownstreamFitter;
import org.scalefit.overtraining.HeldOutPrediction;
import org.scalefit.overtraining.OvertrainingAnalysis;
import org.scalefit.overtraining.OvertrainingFitter;
import org.scalefit.overtraining.OvertrainingLaw;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Series;

class OvertrainingFiguresTest {

    /** Gadre et al.'s Figure 1 setting: RedPajama, the 17-task average error, the paper's default split. */
    private static OvertrainingAnalysis redPajama() {
        GadreTestbed testbed = GadreTestbed.read(GadreTestbed.BUNDLED, GadreTestbed.DEFAULT_LOSS_SET);
        return OvertrainingAnalysis.of(testbed.defaultSplit("rpj"), List.of(GadreTestbed.AVERAGE_17),
                OvertrainingFitter.gadre(), DownstreamFitter.gadre());
    }

    @Test
    void reducibleLossPanelShowsFitRunsHeldOutRunsAndTheLawAtEachTokensPerParameter() {
        OvertrainingAnalysis analysis = redPajama();
        OvertrainingLaw law = analysis.lossFit().law();

        Figure figure = OvertrainingFigures.reducibleLossAgainstCompute("left", analysis, "c4_val");

        assertThat(figure.series()).extracting(Series::name).contains("fit runs, M = 20", "fit runs, M = 320",
                "held out, observed", "held out, predicted", "law at M = 20", "law at M = 640");
        int fitPoints = figure.series().stream().filter(s -> s.name().startsWith("fit runs")).mapToInt(Series::size)
                .sum();
        assertThat(fitPoints).isEqualTo(analysis.split().lossFit().size());
        Series predicted = figure.series("held out, predicted");
        List<HeldOutPrediction> targets = analysis.predictions();
        for (int t = 0; t < targets.size(); t++) {
            assertThat(predicted.x()[t]).isEqualTo(targets.get(t).run().compute());
            assertThat(predicted.y()[t]).isEqualTo(targets.get(t).loss().predicted() - law.irreducible());
        }
        Series atM20 = figure.series("law at M = 20");
        double c = atM20.x()[10];
        assertThat(atM20.y()[10]).isCloseTo(law.reducibleLoss(Math.sqrt(c / 120), 20), within(1e-12));
    }

    @Test
    void errorPanelChainsTheDownstreamLawThroughThePredictedLoss() {
        OvertrainingAnalysis analysis = redPajama();

        Figure figure = OvertrainingFigures.errorAgainstLoss("right", analysis, GadreTestbed.AVERAGE_17, "c4_val");

        Series chained = figure.series("held out, predicted from predicted loss");
        List<HeldOutPrediction> targets = analysis.predictions();
        for (int t = 0; t < targets.size(); t++) {
            assertThat(chained.x()[t]).isEqualTo(targets.get(t).loss().predicted());
            assertThat(chained.y()[t]).isEqualTo(analysis.downstreamFits().get(GadreTestbed.AVERAGE_17).law()
                    .error(targets.get(t).loss().predicted()));
        }
        assertThat(figure.series("fit runs").size()).isEqualTo(analysis.split().downstreamFit().size());
    }

    @Test
    void lossAxesNameTheEvaluationSetAndTheUnitNatsPerTokenButTheErrorAxisNoUnit() {
        OvertrainingAnalysis analysis = redPajama();

        Figure left = OvertrainingFigures.reducibleLossAgainstCompute("left", analysis, "c4_val");
        Figure right = OvertrainingFigures.errorAgainstLoss("right", analysis, GadreTestbed.AVERAGE_17, "c4_val");

        assertThat(left.y().label()).isEqualTo("reducible loss L − E (c4_val, nats/token)");
        assertThat(right.x().label()).isEqualTo("loss L (c4_val, nats/token)");
        assertThat(right.y().label()).endsWith("top-1 error").doesNotContain("nats");
    }

    @Test
    void theAverageErrorsAreNamedByTheirNumberOfTasks() {
        assertThat(OvertrainingFigures.errorLabel(GadreTestbed.AVERAGE_46)).isEqualTo("46-task average top-1 error");
        assertThat(OvertrainingFigures.errorLabel(GadreTestbed.AVERAGE_17)).isEqualTo("17-task average top-1 error");
        assertThat(OvertrainingFigures.errorLabel("arc_easy")).isEqualTo("arc_easy top-1 error");
    }
}
