package org.scalefit.report.sections;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitProgress;
import org.scalefit.heldout.HeldOutEvaluation;
import org.scalefit.heldout.HeldOutReport;
import org.scalefit.heldout.HoldOut;
import org.scalefit.heldout.ModelSizes;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.report.Block;
import org.scalefit.report.Section;
import org.scalefit.report.charts.SyntheticRuns;


class HeldOutSectionTest {

    @Test
    void everyHeldOutSizeIsARowWithItsErrorsAndTheFigureIsAttached() {
        // four sizes: leaving one out, each fit still sees three (Identification needs three per input)
        double[] params = {1e8, 3e8, 1e9, 3e9};
        Observations data = SyntheticRuns.chinchilla(params, new double[] {2e9, 8e9, 3e10});
        ModelSizes sizes = new ModelSizes(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3},
                new double[][] {{512, 8}, {1024, 12}, {2048, 16}, {4096, 20}}, params);
        HeldOutReport report = HeldOutEvaluation.of(LawForm.CHINCHILLA, 1e-3, HeldOutEvaluation.coarseGrid(2))
                .run(HoldOut.LEAVE_ONE_SIZE_OUT, data, sizes, new int[0], LocalParallelism.withThreads(1),
                        FitProgress.silent());

        Section section = HeldOutSection.of("held-out", report, "parameters");

        Block.Table table = section.blocks().stream().filter(Block.Table.class::isInstance)
                .map(Block.Table.class::cast).findFirst().orElseThrow();
        assertThat(table.rows()).extracting(row -> row.get(1)).containsExactly("512x8", "1024x12", "2048x16",
                "4096x20");
        assertThat(table.rows().get(0).get(0)).isEqualTo("1024x12, 2048x16, 4096x20");
        assertThat(section.figures()).hasSize(1);
        assertThat(section.blocks().stream().filter(Block.Facts.class::isInstance)
                .flatMap(b -> ((Block.Facts) b).facts().stream()).findFirst().orElseThrow().detail())
                .isEqualTo("all found an optimum");
    }
}
