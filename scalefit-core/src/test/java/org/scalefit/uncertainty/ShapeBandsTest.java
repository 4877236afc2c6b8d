package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.scalefit.fit.FitProgress;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.shapes.BucketOptimum;
import org.scalefit.shapes.FlopBuckets;
import org.scalefit.shapes.ShapeAccounting;
import org.scalefit.shapes.ShapeGrid;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.shapes.ShapePoint;
import org.scalefit.shapes.ShapeSearch;
import org.scalefit.uncertainty.AllocationBands.Spread;

class ShapeBandsTest {

    private static final FittedLaw LAW = new FittedLaw(LawForm.CHINCHILLA,
            new double[] {0.34, 0.28, Math.log(406.4), Math.log(410.7), Math.log(1.69)});

    /** Optima in two buckets: (w, d, t) in the first, (2w, 2d, 2t) in the second; params w·d, loss 3 − w/1000. */
    private static ShapeOptima optima(double width, double depth, double tokens) {
        List<BucketOptimum> optima = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            double scale = b + 1;
            double w = width * scale;
            double d = depth * scale;
            double t = tokens * scale;
            optima.add(new BucketOptimum(b, 1e18 * Math.pow(10, b), 1e18 * Math.pow(10, b + 1),
                    new ShapePoint(w, d, t, w * d, 6 * w * d * t, 3 - w / 1000)));
        }
        return new ShapeOptima(LAW, optima, 100);
    }

    /** A small grid none of the made-up optima lies on (widths 256…131 072; the optima's widths are not on it). */
    private static final ShapeGrid GRID = ShapeGrid.gemstones(5, 4, 9, 10, 3);

    /** Replicates 0, 1, … in order. */
    private static SortedMap<Integer, ShapeOptima> indexed(ShapeOptima... optima) {
        SortedMap<Integer, ShapeOptima> replicates = new TreeMap<>();
        for (int r = 0; r < optima.length; r++) {
            replicates.put(r, optima[r]);
        }
        return replicates;
    }

    @Test
    void bandsCollapseOntoTheEstimateWhenEveryReplicateAgrees() {
        ShapeOptima estimate = optima(512, 16, 1e9);
        ShapeBands bands = ShapeBands.of(estimate, indexed(estimate, estimate, estimate), new int[0], 95, GRID);
        assertThat(bands.bands()).hasSize(2).allMatch(ShapeBands.Band::containsEstimate);
        Spread width = bands.bands().get(1).width();
        assertThat(List.of(width.low(), width.median(), width.high())).containsOnly(1024.0);
    }

    @Test
    void eachQuantitysBandIsNumpysLinearPercentileOverTheReplicates() {
        List<ShapeOptima> replicates = new ArrayList<>();
        for (double width : new double[] {500, 100, 400, 200, 300}) {
            replicates.add(optima(width, 1000 / width, 1e9 * width / 100));
        }
        ShapeBands bands = ShapeBands.of(optima(300, 10, 3e9), indexed(replicates.toArray(ShapeOptima[]::new)),
                new int[0], 95, GRID);
        // np.percentile([100, 200, 300, 400, 500], [2.5, 50, 97.5]) = [110, 300, 490]
        ShapeBands.Band first = bands.bands().get(0);
        assertThat(first.width()).isEqualTo(new Spread(110, 300, 490));
        // depths 10, 5, 2.5, 3.33…, 2 sorted: 2, 2.5, 3.33…, 5, 10 → 2 + 0.1·0.5, 3.33…, 5 + 0.9·5
        assertThat(first.depth().low()).isEqualTo(2.05);
        assertThat(first.depth().median()).isEqualTo(1000.0 / 300);
        assertThat(first.depth().high()).isEqualTo(9.5);
        // the loss falls as the width grows: its band is not the loss at the width band's ends ordered the same way
        assertClose(first.loss(), 3 - 0.49, 2.7, 3 - 0.11);
        assertClose(bands.bands().get(1).tokens(), 2.2e9, 6e9, 9.8e9);
        assertThat(bands.used()).isEqualTo(5);
    }

    /** low, median and high to 1e-12 relative (the interpolation rounds in the last bits). */
    private static void assertClose(Spread spread, double low, double median, double high) {
        assertThat(spread.low()).isCloseTo(low, within(1e-12 * Math.abs(low)));
        assertThat(spread.median()).isCloseTo(median, within(1e-12 * Math.abs(median)));
        assertThat(spread.high()).isCloseTo(high, within(1e-12 * Math.abs(high)));
    }

    @Test
    void theLevelSetsTheBandsCoverage() {
        List<ShapeOptima> replicates = new ArrayList<>();
        for (double width : new double[] {100, 200, 300, 400, 500}) {
            replicates.add(optima(width, 10, 1e9));
        }
        // np.percentile([100, …, 500], [10, 90]) = [140, 460]
        Spread width = ShapeBands.of(optima(300, 10, 1e9), indexed(replicates.toArray(ShapeOptima[]::new)),
                new int[0], 80, GRID).bands().get(0).width();
        assertThat(width.low()).isCloseTo(140.0, within(1e-9));
        assertThat(width.high()).isCloseTo(460.0, within(1e-9));
    }

    @Test
    void replicatesLeftOutAreListedAndNotCounted() {
        ShapeOptima estimate = optima(512, 16, 1e9);
        ShapeBands bands = ShapeBands.of(estimate, indexed(estimate, estimate), new int[] {7, 2}, 95, GRID);
        assertThat(bands.used()).isEqualTo(2);
        assertThat(bands.leftOut()).containsExactly(2, 7);
    }

    @Test
    void aReplicateWhoseLawOverflowsOnTheGridIsLeftOut() {
        ShapeOptima estimate = optima(512, 16, 1e9);
        List<BucketOptimum> overflowing = new ArrayList<>(estimate.optima());
        BucketOptimum last = overflowing.get(1);
        ShapePoint point = last.point();
        overflowing.set(1, new BucketOptimum(last.bucket(), last.lowerFlops(), last.upperFlops(), new ShapePoint(
                point.width(), point.depth(), point.tokens(), point.params(), point.flops(),
                Double.POSITIVE_INFINITY)));
        ShapeOptima wide = optima(4096, 16, 1e9);
        ShapeBands bands = ShapeBands.of(estimate, indexed(estimate, new ShapeOptima(LAW, overflowing, 100), estimate,
                wide), new int[] {4}, 95, GRID);
        assertThat(bands.leftOut()).containsExactly(1, 4);
        assertThat(bands.used()).isEqualTo(3);
        assertThat(bands.bands().get(1).loss().low()).isFinite();
    }

    @Test
    void replicatesWhoseOptimumLiesOnTheGridsBoundaryAreCounted() {
        int widest = GRID.width(GRID.widthCount() - 1);
        int interior = GRID.width(2);
        int[] depths = GRID.depths(2);
        ShapeOptima onWidthEdge = optima(widest, 1000, 2e9);
        ShapeOptima inside = optima(interior, depths[1], 2e9);
        ShapeBands bands = ShapeBands.of(inside, indexed(inside, onWidthEdge, inside), new int[0], 95, GRID);
        // bucket 0 holds (w, d, t) as given; bucket 1 doubles them, which is off the grid
        assertThat(bands.bands().get(0).atGridEdge()).isEqualTo(1);
        assertThat(bands.bands().get(1).atGridEdge()).isZero();
        assertThat(GRID.onEdge(interior, depths[depths.length - 1], 2e9)).isTrue();
        assertThat(GRID.onEdge(interior, depths[1], GRID.tokens()[0])).isTrue();
        assertThat(GRID.onEdge(interior, depths[1], 2e9)).isFalse();
    }

    @Test
    void aSearchWhoseReplicatesOverflowOnTheGridHasNoBandsAndSaysWhy() {
        ShapeSearch search = ShapeSearch.over(ShapeGrid.gemstones(33, 20, 9, 13.5, 20), FlopBuckets.gemstones(),
                ShapeAccounting.gemstones());
        double[] overflowing = LAW.theta();
        overflowing[0] = -100; // N^100 at N ≥ 10⁷ overflows
        ShapeBands.Searched searched = search(search, new double[][] {overflowing, overflowing, LAW.theta()});

        assertThat(searched.bands()).isEmpty();
        assertThat(searched.withoutBands()).contains("at least 2 replicates").contains("2 left out");
        assertThat(searched.optima()).hasSize(1);
    }

    @Test
    void aSearchWithEnoughReplicatesHasTheirBands() {
        ShapeSearch search = ShapeSearch.over(ShapeGrid.gemstones(33, 20, 9, 13.5, 20), FlopBuckets.gemstones(),
                ShapeAccounting.gemstones());
        double[] steeper = LAW.theta();
        steeper[0] *= 1.1;
        ShapeBands.Searched searched = search(search, new double[][] {steeper, LAW.theta()});

        assertThat(searched.bands()).hasValueSatisfying(bands -> assertThat(bands.used()).isEqualTo(2));
        assertThat(searched.withoutBands()).isEmpty();
    }

    private static ShapeBands.Searched search(ShapeSearch search, double[][] replicates) {
        return ShapeBands.search(search, List.of(LAW), replicates, new int[0], 95, LocalParallelism.sequential(),
                FitProgress.silent());
    }

    @Test
    void fewerThanTwoReplicatesAreRefused() {
        ShapeOptima estimate = optima(512, 16, 1e9);
        assertThatThrownBy(() -> ShapeBands.of(estimate, indexed(estimate), new int[] {0, 2}, 95, GRID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 replicates");
    }

    @Test
    void replicateOptimaInOtherBucketsAreRefused() {
        ShapeOptima estimate = optima(512, 16, 1e9);
        ShapeOptima oneBucket = new ShapeOptima(LAW, estimate.optima().subList(1, 2), 100);
        assertThatThrownBy(() -> ShapeBands.of(estimate, indexed(estimate, oneBucket), new int[0], 95, GRID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buckets");
    }

    @Test
    void aLevelOutsideZeroToHundredIsRefused() {
        ShapeOptima estimate = optima(512, 16, 1e9);
        assertThatThrownBy(() -> ShapeBands.of(estimate, indexed(estimate, estimate), new int[0], 100, GRID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level");
    }
}
