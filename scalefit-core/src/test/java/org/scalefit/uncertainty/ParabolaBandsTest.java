package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scalefit.fit.FitProgress;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.parallel.Parallelism;
import org.scalefit.parallel.SerializingParallelism;
import org.scalefit.shapes.FlopBuckets;
import org.scalefit.shapes.OvertrainedShape;
import org.scalefit.shapes.ParabolaTrace;
import org.scalefit.shapes.ParameterCount;
import org.scalefit.shapes.ShapeAccounting;
import org.scalefit.shapes.ShapeGrid;
import org.scalefit.shapes.ShapeSearch;

class ParabolaBandsTest {

    /** Gemstones' published width–depth law of hot_100b+ (δ = 1e-3; McLeish et al. 2025, MIT licence), E = 1.5. */
    private static final double[] THETA = {0.2606504897, 0.1416453973, 0.530963438, 2.1144598737, 0.7307645279,
        11.2841184982, Math.log(1.5)};
    private static final FittedLaw LAW = new FittedLaw(LawForm.WIDTH_DEPTH, THETA);
    private static final ShapeSearch SEARCH = ShapeSearch.over(ShapeGrid.gemstones(129, 80, 9, 13.5, 60),
            FlopBuckets.gemstones(), ShapeAccounting.gemstones());
    private static final ShapeAccounting PARABOLA = new ShapeAccounting(ShapeAccounting.gemstones().architecture(),
            ParameterCount.RELAXED);
    private static final List<Integer> BUCKETS = List.of(2, 9);
    private static final List<Double> FACTORS = List.of(0.25, 1.0, 4.0);

    /** The law with exponent j scaled by {@code factor}. */
    private static double[] scaled(int j, double factor) {
        double[] theta = THETA.clone();
        theta[j] *= factor;
        return theta;
    }

    private static ParabolaBands bands(double[][] replicates, int[] failed, Parallelism parallelism) {
        return ParabolaBands.trace(SEARCH, LAW, replicates, failed, BUCKETS, PARABOLA, FACTORS, 95, parallelism,
                FitProgress.silent());
    }

    @Test
    void eachBandIsThePercentileOfTheReplicatesOwnParabolas() {
        double[][] replicates = {scaled(0, 0.9), THETA, scaled(2, 1.1), scaled(1, 1.2)};
        ParabolaBands bands = bands(replicates, new int[0], LocalParallelism.withThreads(2));

        for (int b = 0; b < BUCKETS.size(); b++) {
            for (int f = 0; f < FACTORS.size(); f++) {
                double[] penalty = new double[replicates.length];
                double[] width = new double[replicates.length];
                for (int r = 0; r < replicates.length; r++) {
                    ParabolaTrace alone = ParabolaTrace.through(new FittedLaw(LawForm.WIDTH_DEPTH, replicates[r]),
                            Optional.empty(), SEARCH, BUCKETS, PARABOLA, FACTORS, LocalParallelism.sequential())
                            .get(b);
                    OvertrainedShape shape = alone.parabola().shapes().get(f);
                    penalty[r] = shape.shape().loss() / alone.parabola().optimum().loss() - 1;
                    width[r] = shape.shape().width();
                }
                ParabolaBands.FactorBand band = bands.buckets().get(b).factors().get(f);
                assertThat(band.penalty().low()).isEqualTo(percentile(penalty, 2.5));
                assertThat(band.penalty().median()).isEqualTo(percentile(penalty, 50));
                assertThat(band.penalty().high()).isEqualTo(percentile(penalty, 97.5));
                assertThat(band.width().median()).isEqualTo(percentile(width, 50));
                assertThat(band.feasible()).isEqualTo(replicates.length);
            }
        }
    }

    @Test
    void atFactorOneEveryReplicatePaysNoPenalty() {
        ParabolaBands bands = bands(new double[][] {scaled(0, 0.9), THETA, scaled(2, 1.1)}, new int[0],
                LocalParallelism.sequential());
        for (ParabolaBands.BucketBands bucket : bands.buckets()) {
            AllocationBands.Spread penalty = bucket.factors().get(1).penalty();
            assertThat(List.of(penalty.low(), penalty.median(), penalty.high())).allMatch(p -> Math.abs(p) < 1e-12);
            assertThat(bucket.factors().get(0).penalty().low()).isPositive();
            assertThat(bucket.factors().get(2).penalty().low()).isPositive();
        }
    }

    @Test
    void theBandsDoNotDependOnTheThreadCount() {
        double[][] replicates = {scaled(0, 0.9), THETA, scaled(2, 1.1), scaled(1, 1.2)};
        assertThat(bands(replicates, new int[0], LocalParallelism.withThreads(2)))
                .isEqualTo(bands(replicates, new int[0], LocalParallelism.sequential()));
    }

    @Test
    void bandsTracedInAnotherProcessAreTheSame() {
        double[][] replicates = {scaled(0, 0.9), THETA, scaled(2, 1.1), scaled(1, 1.2)};
        assertThat(bands(replicates, new int[0], new SerializingParallelism()))
                .isEqualTo(bands(replicates, new int[0], LocalParallelism.sequential()));
    }

    @Test
    void failedAndNonFiniteReplicatesAreLeftOut() {
        double[] broken = THETA.clone();
        broken[3] = Double.NaN;
        ParabolaBands bands = bands(new double[][] {THETA, broken, scaled(0, 0.9), scaled(2, 1.1)}, new int[] {3},
                LocalParallelism.sequential());
        assertThat(bands.used()).isEqualTo(2);
        assertThat(bands.leftOut()).containsExactly(1, 3);
    }

    @Test
    void fewerThanTwoReplicatesAreRefused() {
        assertThatThrownBy(() -> bands(new double[][] {THETA, scaled(0, 0.9)}, new int[] {0},
                LocalParallelism.sequential())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 replicates");
    }

    /** np.percentile(values, p). */
    private static double percentile(double[] values, double p) {
        double[][] rows = Arrays.stream(values).mapToObj(v -> new double[] {v}).toArray(double[][]::new);
        return BootstrapResult.percentile(rows, p)[0];
    }
}
