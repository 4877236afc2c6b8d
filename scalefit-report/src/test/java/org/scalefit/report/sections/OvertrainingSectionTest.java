package org.scalefit.report.sections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.io.GadreTestbed;
import org.scalefit.overtraining.DownstreamFitter;
import org.scalefit.overtraining.OvertrainingAnalysis;
import org.scalefit.overtraining.OvertrainingFitter;
import org.scalefit.report.Block;
import org.scalefit.report.Section;

class OvertrainingSectionTest {

    @Test
    void theDownstreamFiguresCaptionSaysTheDashedCurveIsTheLawBeyondItsFitRuns() {
        GadreTestbed testbed = GadreTestbed.read(GadreTestbed.BUNDLED, GadreTestbed.DEFAULT_LOSS_SET);
        OvertrainingAnalysis analysis = OvertrainingAnalysis.of(testbed.defaultSplit("rpj"),
                List.of(GadreTestbed.AVERAGE_17), OvertrainingFitter.gadre(), DownstreamFitter.gadre());

        Section section = OvertrainingSection.of("o", "rpj", GadreTestbed.DEFAULT_LOSS_SET, analysis);

        Block.Plot error = section.blocks().stream().filter(Block.Plot.class::isInstance).map(Block.Plot.class::cast)
                .filter(plot -> plot.figure().id().startsWith("o-error-")).findFirst().orElseThrow();
        assertThat(error.caption()).contains("dashed: the same law beyond them");
    }
}
