package org.scalefit.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.accounting.Architecture;
import org.scalefit.law.FittedLaw;
import org.scalefit.parallel.LocalParallelism;


class RelaxedShapeTest {

    private static final ShapeAccounting ACCOUNTING = ShapeAccounting.gemstones();

    private static final List<FittedLaw> LAWS = List.of(PublishedLaws.WIDTH_DEPTH_PARAMS, PublishedLaws.WIDTH_DEPTH,
            PublishedLaws.PARAMS);
    /** The refinements of every bucket optimum of each law, law by law (computed once: BOBYQA from 49 starts). */
    private static final List<List<RelaxedShape>> REFINED = refineAll();

    private static List<List<RelaxedShape>> refineAll() {
        List<ShapeOptima> searched = optima(LAWS);
        List<List<RelaxedShape>> refined = new java.util.ArrayList<>();
        for (int i = 0; i < LAWS.size(); i++) {
            refined.add(RelaxedShape.refineAll(LAWS.get(i), searched.get(i).optima(), ACCOUNTING,
                    LocalParallelism.withThreads(2)));
        }
        return refined;
    }

    private static List<ShapeOptima> optima(List<FittedLaw> laws) {
        return ShapeSearch.over(ShapeGrid.gemstones(129, 80, 9, 13.5, 60), FlopBuckets.gemstones(), ACCOUNTING)
                .minimise(laws, LocalParallelism.withThreads(2));
    }

    /** The law at w × d trained on the whole budget, with the relaxed count. */
    private static double lossAt(FittedLaw law, double budget, double width, double depth) {
        double flopsPerToken = ACCOUNTING.flopsPerToken(width, depth);
        return ShapeLaw.of(law).loss(width, depth, ACCOUNTING.relaxedParameters(width, depth), budget / flopsPerToken);
    }

    @Test
    void relaxedOptimaMeetTheBudgetAndNeverLoseToTheGrid() {
        for (int i = 0; i < LAWS.size(); i++) {
            List<RelaxedShape> refined = REFINED.get(i);
            assertThat(refined).hasSize(13);
            for (RelaxedShape shape : refined) {
                String where = LAWS.get(i).form().name() + " bucket " + shape.grid().bucket();
                assertThat(Math.abs(shape.relaxed().flops() / shape.budget() - 1)).as(where).isLessThanOrEqualTo(1e-9);
                assertThat(Math.abs(shape.rounded().flops() / shape.budget() - 1)).as(where).isLessThanOrEqualTo(1e-9);
                assertThat(shape.relaxed().loss()).as(where).isLessThanOrEqualTo(shape.grid().point().loss());
                assertThat(shape.improved()).as(where).isEqualTo(shape.relaxed().loss() < shape.grid().point().loss());
            }
        }
    }

    @Test
    void theWidthDepthLawsImproveOnTheGridAtALocalMinimumInsideTheBox() {
        for (int i = 0; i < 2; i++) {
            FittedLaw law = LAWS.get(i);
            for (RelaxedShape shape : REFINED.get(i)) {
                assertThat(shape.improved()).isTrue();
                assertThat(shape.atBound()).isFalse();
                double w = shape.relaxed().width();
                double d = shape.relaxed().depth();
                double best = shape.relaxed().loss();
                assertThat(best).isEqualTo(lossAt(law, shape.budget(), w, d));
                for (double step : new double[] {1e-3, -1e-3}) {
                    assertThat(lossAt(law, shape.budget(), w * (1 + step), d)).isGreaterThanOrEqualTo(best);
                    assertThat(lossAt(law, shape.budget(), w, d * (1 + step))).isGreaterThanOrEqualTo(best);
                }
            }
        }
    }

    @Test
    void roundedShapesAreBuildableAndTheBestOfTheirNeighbours() {
        FittedLaw law = PublishedLaws.WIDTH_DEPTH_PARAMS;
        Architecture architecture = ACCOUNTING.architecture();
        for (RelaxedShape shape : REFINED.get(0)) {
            ShapePoint rounded = shape.rounded();
            int width = (int) rounded.width();
            int depth = (int) rounded.depth();
            assertThat(rounded.width()).isEqualTo(width);
            assertThat(rounded.depth()).isEqualTo(depth).isGreaterThanOrEqualTo(1);
            assertThat(width % architecture.headSize()).isZero();
            assertThat((width / architecture.headSize()) % architecture.queriesPerGroup()).isZero();
            assertThat(Math.abs(width - shape.relaxed().width())).isLessThan(256);
            assertThat(Math.abs(depth - shape.relaxed().depth())).isLessThan(1);
            assertThat(rounded.params()).isEqualTo(architecture.parameters(width, depth));
            for (int w : new int[] {(int) Math.floor(shape.relaxed().width() / 256) * 256,
                (int) Math.ceil(shape.relaxed().width() / 256) * 256}) {
                for (int d : new int[] {(int) Math.floor(shape.relaxed().depth()),
                    (int) Math.ceil(shape.relaxed().depth())}) {
                    double tokens = shape.budget() / ACCOUNTING.flopsPerToken(w, d);
                    double loss = ShapeLaw.of(law).loss(w, d, architecture.parameters(w, d), tokens);
                    assertThat(rounded.loss()).isLessThanOrEqualTo(loss);
                }
            }
        }
    }

    @Test
    void aGridOptimumOutsideTheBoxIsKept() {
        // the params law's small budgets want depth 1, below the relaxed box's depth ≥ 2 (Gemstones' bounds)
        RelaxedShape shape = REFINED.get(2).get(0);
        BucketOptimum first = shape.grid();
        assertThat(first.point().depth()).isEqualTo(1);
        assertThat(RelaxedShape.refine(PublishedLaws.PARAMS, first, ACCOUNTING)).isEqualTo(shape);
        assertThat(shape.improved()).isFalse();
        assertThat(shape.relaxed()).isEqualTo(first.point());
        assertThat(shape.atBound()).isTrue();
    }
}
