package org.scalefit.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scalefit.accounting.Architecture;
import org.scalefit.law.FittedLaw;
import org.scalefit.parallel.LocalParallelism;


class OvertrainingParabolaTest {

    /** Relaxed count with embeddings, as Gemstones' parabola counts; the relaxed search then refines with it too. */
    private static final ShapeAccounting ACCOUNTING = new ShapeAccounting(Architecture.gemstones(),
            ParameterCount.RELAXED);
    private static final FittedLaw LAW = PublishedLaws.WIDTH_DEPTH_PARAMS;
    /** Gemstones' rows: mins.iloc[[2, 5, 9, 12]]. */
    private static final int[] ROWS = {2, 5, 9, 12};
    /** The relaxed optima of the four budgets (a reduced grid; the refinement does not depend on it much). */
    private static final List<RelaxedShape> BUDGETS = budgets();
    private static final List<OvertrainingParabola> PARABOLAS = parabolas();

    private static List<RelaxedShape> budgets() {
        List<BucketOptimum> optima = ShapeSearch.over(ShapeGrid.gemstones(129, 80, 9, 13.5, 60),
                FlopBuckets.gemstones(), ACCOUNTING).minimise(List.of(LAW), LocalParallelism.withThreads(2)).get(0)
                .optima();
        List<RelaxedShape> refined = new ArrayList<>();
        for (int row : ROWS) {
            refined.add(RelaxedShape.refine(LAW, optima.get(row), ACCOUNTING));
        }
        return refined;
    }

    private static List<OvertrainingParabola> parabolas() {
        return BUDGETS.stream().map(b -> OvertrainingParabola.trace(LAW, Optional.of(PublishedLaws.PARAMS),
                ACCOUNTING, b.grid().bucket(), b.relaxed(), OvertrainingParabola.GEMSTONES_FACTORS)).toList();
    }

    /** The law at w × d on {@code tokens} tokens, with the relaxed count. */
    private static double loss(double width, double depth, double tokens) {
        return ShapeLaw.of(LAW).loss(width, depth, ACCOUNTING.relaxedParameters(width, depth), tokens);
    }

    /** The width w ≥ 256 with flops_per_token(w, depth) = target, by bisection in w (−1 if none). */
    private static double widthAt(double depth, double target) {
        double low = 256;
        if (ACCOUNTING.flopsPerToken(low, depth) > target) {
            return -1;
        }
        double high = 512;
        while (ACCOUNTING.flopsPerToken(high, depth) < target) {
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 0; i++) {
            double mid = 0.5 * (low + high);
            if (ACCOUNTING.flopsPerToken(mid, depth) < target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }

    @Test
    void gemstonesFactorsAreThePowersOfTwoFromMinusFourToFour() {
        assertThat(OvertrainingParabola.GEMSTONES_FACTORS)
                .containsExactly(0.0625, 0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0);
    }

    @Test
    void everyShapeSpendsTheBudgetOnTheScaledTokens() {
        for (OvertrainingParabola parabola : PARABOLAS) {
            assertThat(parabola.infeasibleFactors()).isEmpty();
            assertThat(parabola.shapes()).hasSize(9);
            for (OvertrainedShape shape : parabola.shapes()) {
                assertThat(shape.budget()).isEqualTo(parabola.optimum().flops());
                assertThat(shape.shape().tokens()).isEqualTo(parabola.optimum().tokens() * Math.sqrt(shape.factor()));
                assertThat(shape.flopsRelativeError()).isLessThanOrEqualTo(1e-9);
                assertThat(shape.shape().params())
                        .isEqualTo(ACCOUNTING.relaxedParameters(shape.shape().width(), shape.shape().depth()));
                assertThat(shape.shape().width()).isGreaterThanOrEqualTo(256);
                assertThat(shape.shape().depth()).isGreaterThanOrEqualTo(1);
            }
        }
    }

    @Test
    void noShapeOnTheConstraintBeatsTheSolutionInADenseScanOverDepth() {
        for (OvertrainingParabola parabola : PARABOLAS) {
            for (OvertrainedShape shape : parabola.shapes()) {
                double target = shape.flopsPerTokenTarget();
                double tokens = shape.shape().tokens();
                double deepest = 1;
                while (ACCOUNTING.flopsPerToken(256, deepest * 2) <= target) {
                    deepest *= 2;
                }
                deepest *= 2;
                double best = Double.POSITIVE_INFINITY;
                int points = 4000;
                for (int i = 0; i <= points; i++) {
                    double depth = Math.pow(deepest, (double) i / points);
                    double width = widthAt(depth, target);
                    if (width < 0) {
                        break;
                    }
                    double value = loss(width, depth, tokens);
                    assertThat(value).as("bucket %d factor %s depth %s", parabola.bucket(), shape.factor(), depth)
                            .isGreaterThanOrEqualTo(shape.shape().loss() * (1 - 1e-13));
                    best = Math.min(best, value);
                }
                assertThat(best).isCloseTo(shape.shape().loss(), within(1e-6 * best));
            }
        }
    }

    @Test
    void atFactorOneTheRelaxedBucketOptimumIsRecovered() {
        for (int i = 0; i < ROWS.length; i++) {
            RelaxedShape relaxed = BUDGETS.get(i);
            assertThat(relaxed.improved()).isTrue();
            OvertrainedShape one = PARABOLAS.get(i).shapes().stream().filter(s -> s.factor() == 1).findFirst()
                    .orElseThrow();
            ShapePoint optimum = relaxed.relaxed();
            assertThat(one.shape().tokens()).isEqualTo(optimum.tokens());
            assertThat(one.shape().flops()).isCloseTo(optimum.flops(), within(1e-12 * optimum.flops()));
            assertThat(one.shape().width()).isCloseTo(optimum.width(), within(1e-3 * optimum.width()));
            assertThat(one.shape().depth()).isCloseTo(optimum.depth(), within(1e-3 * optimum.depth()));
            // the relaxed search minimises over the same shapes (t = C / flops_per_token), so neither can win by more
            // than the optimisers' tolerances
            assertThat(one.shape().loss()).isLessThanOrEqualTo(optimum.loss() + 1e-15)
                    .isCloseTo(optimum.loss(), within(1e-10));
        }
    }

    @Test
    void lossAgainstLogFactorIsAConvexValleyWithItsFloorAtOne() {
        for (OvertrainingParabola parabola : PARABOLAS) {
            List<OvertrainedShape> shapes = parabola.shapes();
            int one = OvertrainingParabola.GEMSTONES_FACTORS.indexOf(1.0);
            for (int i = 0; i < shapes.size(); i++) {
                double value = shapes.get(i).shape().loss();
                if (i < one) {
                    assertThat(value).isGreaterThan(shapes.get(i + 1).shape().loss());
                } else if (i > one) {
                    assertThat(value).isGreaterThan(shapes.get(i - 1).shape().loss());
                }
                if (i > 0 && i < shapes.size() - 1) { // equally spaced in log f: second differences positive
                    assertThat(shapes.get(i - 1).shape().loss() - 2 * value + shapes.get(i + 1).shape().loss())
                            .as("bucket %d factor %s", parabola.bucket(), shapes.get(i).factor()).isPositive();
                }
            }
        }
    }

    @Test
    void undertrainedLossesDifferOnlyInTheTokensTerm() {
        double beta = LAW.exponent(3);
        double b = Math.exp(LAW.logCoefficient(3));
        double betaParams = PublishedLaws.PARAMS.exponent(1);
        double bParams = Math.exp(PublishedLaws.PARAMS.logCoefficient(1));
        for (OvertrainingParabola parabola : PARABOLAS) {
            double tokens = parabola.optimum().tokens();
            for (OvertrainedShape shape : parabola.shapes()) {
                double scaled = shape.shape().tokens();
                assertThat(shape.undertrainedLoss() - shape.shape().loss())
                        .isCloseTo(b * Math.pow(tokens, -beta) - b * Math.pow(scaled, -beta), within(1e-12));
                assertThat(shape.secondUndertrainedLoss().getAsDouble() - shape.secondLoss().getAsDouble())
                        .isCloseTo(bParams * Math.pow(tokens, -betaParams) - bParams * Math.pow(scaled, -betaParams),
                                within(1e-12));
                assertThat(shape.secondLoss().getAsDouble()).isEqualTo(ShapeLaw.of(PublishedLaws.PARAMS)
                        .loss(shape.shape().width(), shape.shape().depth(), shape.shape().params(), scaled));
            }
        }
    }

    @Test
    void aBudgetTooSmallForTheSmallestShapeIsReportedInfeasible() {
        double tokens = 1e9;
        double budget = 0.5 * ACCOUNTING.flopsPerToken(256, 1) * tokens * 4; // factor 16: t′ = 4t
        Optional<OvertrainedShape> solved = OvertrainingParabola.solve(LAW, Optional.empty(), ACCOUNTING, budget,
                tokens, 16);
        assertThat(solved).isEmpty();
        OvertrainingParabola parabola = OvertrainingParabola.trace(LAW, Optional.empty(), ACCOUNTING, 0,
                new ShapePoint(256, 1, tokens, 0, budget, 0), List.of(1.0, 16.0));
        assertThat(parabola.infeasibleFactors()).containsExactly(16.0);
        assertThat(parabola.shapes()).extracting(OvertrainedShape::factor).containsExactly(1.0);
    }

    @Test
    void aShapeAtTheEdgeOfTheBoxIsFlaggedAndKept() {
        double tokens = 1e10;
        // one layer of width 260 costs the whole per-token budget: every shape on the constraint has d < 2
        double budget = ACCOUNTING.flopsPerToken(260, 1) * tokens;
        OvertrainingParabola parabola = OvertrainingParabola.trace(LAW, Optional.empty(), ACCOUNTING, 0,
                new ShapePoint(260, 1, tokens, 0, budget, 0), List.of(1.0));
        OvertrainedShape shape = parabola.shapes().get(0);
        assertThat(shape.edge()).isTrue();
        assertThat(shape.shape().depth()).isLessThanOrEqualTo(2);
        assertThat(shape.flopsRelativeError()).isLessThanOrEqualTo(1e-9);
        assertThat(parabola.interior()).isEmpty();
        assertThat(PARABOLAS.get(3).interior()).hasSize(9);
    }
    @Test
    void aShallowerShapeThanTheOptimumsBoxAllowsThatBeatsItIsNamed() {
        FittedLaw chinchilla = PublishedLaws.PARAMS;
        BucketOptimum grid = ShapeSearch.over(ShapeGrid.gemstones(129, 80, 9, 13.5, 60), FlopBuckets.gemstones(),
                ACCOUNTING).minimise(List.of(chinchilla), LocalParallelism.withThreads(2)).get(0).optima().get(5);
        ShapePoint optimum = RelaxedShape.refine(chinchilla, grid, ACCOUNTING).relaxed();

        OvertrainingParabola parabola = OvertrainingParabola.trace(chinchilla, Optional.empty(), ACCOUNTING, 5,
                optimum, List.of(1.0));

        OvertrainedShape atOne = parabola.shapes().get(0);
        assertThat(optimum.depth()).isGreaterThanOrEqualTo(RelaxedShape.MIN_DEPTH);
        assertThat(atOne.shape().depth()).isLessThan(RelaxedShape.MIN_DEPTH);
        assertThat(atOne.shape().loss()).isLessThan(optimum.loss());
        assertThat(parabola.belowOptimumOutsideItsBox()).containsExactly(atOne);
    }

    @Test
    void gemstonesParabolasHaveNoShapeBelowTheirOptimumOutsideItsBox() {
        for (OvertrainingParabola parabola : PARABOLAS) {
            assertThat(parabola.belowOptimumOutsideItsBox()).isEmpty();
        }
    }
}
