package org.scalefit.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.StartGrid;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.report.Block;
import org.scalefit.report.Section;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Series;

class ReproductionSectionsTest {

    private static StudyReproduction study(List<Comparison> comparisons) {
        return new StudyReproduction("demo", "Demo study", comparisons, List.of("A note."), List.of(), List.of(), 0);
    }

    @Test
    void eachStudyOpensWithItsCountsAndCollapsesEachAnalysisUnderItsOwn() {
        Section section = ReproductionSections.comparisons(study(List.of(
                Comparison.relative("Fit A", "alpha", 0.34, 0.34, 1e-3),
                Comparison.relative("Fit A", "beta", 0.28, 0.28, 1e-3),
                Comparison.relative("Bootstrap", "median", 1.0, 1.0, 1e-3))));

        assertThat(section.blocks().get(0)).isEqualTo(new Block.Text("3 published numbers compared, 0 differ."));
        List<Block.Details> details = section.blocks().stream().filter(Block.Details.class::isInstance)
                .map(Block.Details.class::cast).toList();
        assertThat(details).extracting(Block.Details::summary)
                .containsExactly("Fit A: 2 published numbers compared, 0 differ",
                        "Bootstrap: 1 published number compared, 0 differ");
        assertThat(details).noneMatch(Block.Details::open);
        assertThat(((Block.Table) details.get(0).blocks().get(0)).rows()).hasSize(2);
    }

    @Test
    void anAnalysisWithANumberThatDiffersStartsOpen() {
        Section section = ReproductionSections.comparisons(study(List.of(
                Comparison.relative("Fit A", "alpha", 0.34, 0.34, 1e-3),
                Comparison.relative("Fit B", "beta", 0.30, 0.28, 1e-3))));

        List<Block.Details> details = section.blocks().stream().filter(Block.Details.class::isInstance)
                .map(Block.Details.class::cast).toList();
        assertThat(section.blocks().get(0)).isEqualTo(new Block.Text("2 published numbers compared, 1 differs."));
        assertThat(details).extracting(Block.Details::open).containsExactly(false, true);
    }

    private static final double[] PARAMS = {4e8, 7e7, 1e9, 7e7, 2e8, 4e8, 1e9, 2e8};

    private static Observations points() {
        double[] tokens = {8e9, 1e9, 2e10, 3e9, 4e9, 2e10, 5e10, 9e9};
        double[][] inputs = new double[PARAMS.length][];
        double[] losses = new double[PARAMS.length];
        for (int i = 0; i < PARAMS.length; i++) {
            inputs[i] = new double[] {PARAMS[i], tokens[i]};
            losses[i] = (1.7 + 400 * Math.pow(PARAMS[i], -0.34) + 410 * Math.pow(tokens[i], -0.28))
                    * (1 + 0.01 * Math.sin(i));
        }
        return new Observations("demo", LawForm.CHINCHILLA.inputs(), inputs, losses);
    }

    private static LawFit fit(Observations data) {
        return FitProblem.of(LawForm.CHINCHILLA, data, 1e-3, StartGrid.epoch())
                .fit(LocalParallelism.sequential(), FitProgress.silent());
    }

    @Test
    void epochFitAListsItsModelSizesByIncreasingParameters() {
        Observations data = points();
        LawFit fitA = fit(data);

        Section section = ReproductionSections.chinchilla(fitA, data, fitA.parameters(), null, "final_loss").get(0);

        Figure predicted = section.figures().get(0);
        assertThat(predicted.series()).extracting(Series::name)
                .containsExactly("N = 7×10⁷", "N = 2×10⁸", "N = 4×10⁸", "N = 10⁹", "L̂ = L");
    }

    /** As the report of a user's runs says it ({@code LossLabel.ofColumn}), not a plain "loss". */
    @Test
    void epochFitAsFiguresSayWhatTheLossIsByTheColumnItWasReadFrom() {
        Observations data = points();
        LawFit fitA = fit(data);

        Section section = ReproductionSections.chinchilla(fitA, data, fitA.parameters(), null, "final_loss").get(0);

        Figure predicted = section.figures().get(0);
        assertThat(predicted.x().label()).isEqualTo("L, observed loss (column final_loss)");
        assertThat(predicted.y().label()).isEqualTo("L̂, predicted loss (column final_loss)");
    }
}
