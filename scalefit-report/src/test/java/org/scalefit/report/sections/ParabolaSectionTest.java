package org.scalefit.report.sections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.scalefit.io.IndustryModels;
import org.scalefit.report.Block;
import org.scalefit.report.Section;
import org.scalefit.report.plot.Figure;
import org.scalefit.shapes.OvertrainedShape;
import org.scalefit.shapes.OvertrainingParabola;
import org.scalefit.shapes.ShapePoint;
import org.scalefit.uncertainty.AllocationBands.Spread;
import org.scalefit.uncertainty.ParabolaBands;

class ParabolaSectionTest {

    private static OvertrainingParabola parabola(int bucket, double budget) {
        ShapePoint optimum = new ShapePoint(1024, 24, 2e10, budget / 1.2e11, budget, 2.9);
        List<OvertrainedShape> shapes = List.of(
                new OvertrainedShape(0.5, budget, new ShapePoint(1400, 30, 1.4e10, 1e9, budget, 2.93), 3,
                        OptionalDouble.empty(), OptionalDouble.empty(), false),
                new OvertrainedShape(1, budget, new ShapePoint(1024, 24, 2e10, 7e8, budget, 2.9), 3,
                        OptionalDouble.of(2.95), OptionalDouble.empty(), false));
        return new OvertrainingParabola(bucket, optimum, shapes, List.of(16.0));
    }

    @Test
    void eachBudgetHasItsParabolaAndTheShapesAreTabledWithTheInfeasibleFactors() {
        IndustryModels industry = new IndustryModels("test", "0", List.of(new IndustryModels.Model("org/M-1B", 2.905,
                1_000_000_000L, 900_000_000L, 2048, 16, 32000)));

        Section section = ParabolaSection.of("parabola", List.of(parabola(2, 1e20), parabola(5, 1e21)), "wd law", List.of(),
                "params law", Optional.of(industry), 0.01);

        assertThat(section.figures()).extracting(Figure::id).containsExactly("parabola-bucket-2",
                "parabola-bucket-5", "parabola-loss", "parabola-params", "parabola-tokens");
        assertThat(section.figures().get(0).series("M-1B (2.905)").y()).containsExactly(2.905, 2.905);
        Block.Table table = section.blocks().stream().filter(Block.Table.class::isInstance)
                .map(Block.Table.class::cast).findFirst().orElseThrow();
        assertThat(table.rows()).hasSize(6);
        assertThat(table.rows().get(1)).containsSubsequence("1", "2.9", "2.95");
        assertThat(table.rows().get(2)).contains("16", "infeasible");
    }

    @Test
    void givenBandsTheSectionDrawsThePenaltyFigureAndItsCaptionStatesTheLevelAndReplicates() {
        Spread shape = new Spread(1, 2, 3);
        ParabolaBands bands = new ParabolaBands(95, List.of(new ParabolaBands.BucketBands(2, List.of(
                new ParabolaBands.FactorBand(0.5, new Spread(0.005, 0.01, 0.02), shape, shape, shape, 40, 0),
                new ParabolaBands.FactorBand(1, new Spread(0, 0, 0), shape, shape, shape, 40, 0)))), 40,
                new int[] {7});

        Section section = ParabolaSection.of("p", List.of(parabola(2, 1e20)), Optional.of(bands), "wd law", List.of(),
                "params law", Optional.empty(), 0.01);

        Block.Plot plot = section.blocks().stream().filter(Block.Plot.class::isInstance).map(Block.Plot.class::cast)
                .filter(p -> p.figure().id().equals("p-penalty-2")).findFirst().orElseThrow();
        assertThat(plot.caption()).contains("95 %", "40 bootstrap replicates", "1 left out");
    }

    @Test
    void withoutIndustryModelsThereAreNoReferenceLines() {
        Section section = ParabolaSection.of("p", List.of(parabola(2, 1e20)), "wd law", List.of(), "params law",
                Optional.empty(), 0.01);

        assertThat(section.figures().get(0).series()).hasSize(2);
    }

    @Test
    void theWarningsOfTheMinimisedLawsFitAreShownBeforeTheShapes() {
        String warning = "degenerate: irreducible error E = exp(-4555) is negligible next to the smallest loss 2.3";

        Section section = ParabolaSection.of("p", List.of(parabola(2, 1e20)), "wd law", List.of(warning),
                "params law", Optional.empty(), 0.01);

        assertThat(section.blocks()).filteredOn(Block.Text.class::isInstance).map(Block.Text.class::cast)
                .extracting(Block.Text::text).anySatisfy(text -> assertThat(text)
                        .startsWith("Caution: the fit of the minimised law warned — " + warning));
    }
    @Test
    void aFactorShapeAtDepthOneThatBeatsTheOptimumIsAFactWithTheTwoBoxes() {
        ShapePoint optimum = new ShapePoint(19707, 2, 6.4e10, 1e10, 4.9e21, 2.4025);
        OvertrainedShape shallower = new OvertrainedShape(1, 4.9e21, new ShapePoint(27452, 1, 6.4e10, 1.4e10, 4.9e21,
                2.3999), 2.3999, OptionalDouble.empty(), OptionalDouble.empty(), true);
        OvertrainingParabola parabola = new OvertrainingParabola(5, optimum, List.of(shallower), List.of());

        Section section = ParabolaSection.of("p", List.of(parabola), "chinchilla law", List.of(), "", Optional.empty(),
                0.01);

        List<Block.Fact> facts = section.blocks().stream().filter(Block.Facts.class::isInstance)
                .map(Block.Facts.class::cast).flatMap(f -> f.facts().stream()).toList();
        assertThat(facts).anySatisfy(fact -> {
            assertThat(fact.name()).isEqualTo("shapes below the optimum, at depth < 2");
            assertThat(fact.value()).isEqualTo("1");
            assertThat(fact.detail()).contains("optimum searched over w ≥ 256, d ≥ 2").contains("d ≥ 1");
        });
    }
}
