package org.scalefit.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.geometry.euclidean.twod.Vector2D;
import org.hipparchus.geometry.euclidean.twod.hull.MonotoneChain;
import org.junit.jupiter.api.Test;

class HullInteriorFilterTest {

    @Test
    void theFrontierOfEveryDrawnTableIsTheOneOfTheHullOfAllItsRuns() {
        SplittableRandom random = new SplittableRandom(20261206);
        for (int table = 0; table < 600; table++) {
            int n = 1 + random.nextInt(table < 300 ? 12 : 400);
            double[] resource = new double[n];
            double[] loss = new double[n];
            int shape = table % 5;
            for (int i = 0; i < n; i++) {
                double logC = 17 + 8 * random.nextDouble();
                switch (shape) {
                    case 0 -> { // a cloud above a power law with a floor, as training runs are
                        resource[i] = Math.exp(logC);
                        loss[i] = 1.7 + 80 * Math.exp(-0.15 * logC) + 0.3 * random.nextDouble();
                    }
                    case 1 -> { // on a grid: many collinear runs and repeated values
                        resource[i] = Math.pow(10, 17 + random.nextInt(6));
                        loss[i] = 2 + 0.25 * random.nextInt(5);
                    }
                    case 2 -> { // exactly on a line in log–log space
                        resource[i] = Math.exp(logC);
                        loss[i] = Math.exp(3 - 0.05 * logC);
                    }
                    case 3 -> { // duplicates of a few runs
                        int k = random.nextInt(3);
                        resource[i] = Math.pow(10, 18 + k);
                        loss[i] = 3 - 0.5 * k;
                    }
                    default -> { // within rounding of a convex curve: every run is nearly a vertex
                        resource[i] = Math.exp(logC);
                        loss[i] = Math.exp(0.01 * (logC - 21) * (logC - 21)) * (1 + 1e-13 * random.nextDouble());
                    }
                }
            }
            assertThat(LossFrontier.convexHull(resource, loss).rows())
                    .as("table %d (shape %d, %d runs)", table, shape, n)
                    .containsExactly(hullOfAllRuns(resource, loss));
        }
    }

    @Test
    void aPointWellInsideThePolygonOfTheExtremePointsIsInteriorAndOneOnOrNearItsEdgeIsNot() {
        // polygon (0, 0), (10, 0), (20, 20), (0, 10): (10, 10) and (5, 5) are inside it, (0, 5) on an edge and
        // (5, 1e-12) inside by less than the margin
        double[] x = {0, 10, 10, 0, 5, 0, 5};
        double[] y = {0, 0, 10, 10, 5, 5, 1e-12};
        boolean[] interior = HullInteriorFilter.strictlyInterior(x, y, 20, 20);
        assertThat(interior).containsExactly(false, false, true, false, true, false, false);
    }

    /** The frontier as built before the filter: Hipparchus' hull of every usable run and the vantage point. */
    private static int[] hullOfAllRuns(double[] resource, double[] loss) {
        double maxResource = 0;
        double maxLoss = 0;
        for (int i = 0; i < resource.length; i++) {
            maxResource = Math.max(maxResource, resource[i]);
            maxLoss = Math.max(maxLoss, loss[i]);
        }
        Map<Vector2D, Integer> rowOf = new HashMap<>();
        List<Vector2D> points = new ArrayList<>();
        for (int i = 0; i < resource.length; i++) {
            Vector2D point = new Vector2D(Math.log(resource[i]), Math.log(loss[i]));
            if (rowOf.putIfAbsent(point, i) == null) {
                points.add(point);
            }
        }
        Vector2D vantage = new Vector2D(Math.log(2 * maxResource), Math.log(2 * maxLoss));
        points.add(vantage);
        Collection<Vector2D> vertices = points.size() < 3 ? points : new MonotoneChain(false).findHullVertices(points);
        List<Integer> hull = new ArrayList<>();
        for (Vector2D vertex : vertices) {
            Integer row = rowOf.get(vertex);
            if (row != null && !vertex.equals(vantage)) {
                hull.add(row);
            }
        }
        hull.sort(Comparator.comparingDouble((Integer i) -> resource[i]).thenComparingDouble(i -> loss[i])
                .thenComparingInt(i -> i));
        List<Integer> kept = new ArrayList<>();
        for (int t = 0; t < hull.size(); t++) {
            if (t == 0 || loss[hull.get(t)] < loss[hull.get(t - 1)]) {
                kept.add(hull.get(t));
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }
}
