package org.scalefit.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.parallel.SerializingParallelism;


class ShapeSearchTest {

    private static final ShapeGrid REDUCED = ShapeGrid.gemstones(129, 80, 9, 13.5, 60);

    /**
     * The per-bucket optima by the plainest reading of Gemstones' script: every row in width, depth, tokens order,
     * its FLOPs, the pd.cut bucket by a scan of the edges, the law summed term by term, the first strict minimum.
     * Returns for each bucket {width, depth, tokens, loss bits}, or null.
     */
    static long[][] slowOptima(ShapeGrid grid, FlopBuckets buckets, Architecture architecture, ParameterCount count,
                               FittedLaw law) {
        double[] edges = buckets.edges();
        long[][] best = new long[buckets.count()][];
        double[] least = new double[buckets.count()];
        Arrays.fill(least, Double.POSITIVE_INFINITY);
        List<String> inputs = law.form().inputs();
        for (int wi = 0; wi < grid.widthCount(); wi++) {
            int w = grid.width(wi);
            for (int d : grid.depths(wi)) {
                for (long t : grid.tokens()) {
                    double flops = FlopCount.gemstonesGqa(architecture, w, d) * t;
                    if (!(flops >= buckets.low() && flops <= buckets.high() && flops >= edges[0]
                            && flops <= edges[edges.length - 1])) {
                        continue;
                    }
                    int bucket = 0;
                    while (!(flops <= edges[bucket + 1])) {
                        bucket++;
                    }
                    double loss = 0;
                    for (int j = 0; j < inputs.size(); j++) {
                        double x = switch (inputs.get(j)) {
                            case "width" -> w;
                            case "depth" -> d;
                            case "params" -> count.of(architecture, w, d);
                            default -> t;
                        };
                        loss += Math.exp(law.logCoefficient(j) - law.exponent(j) * Math.log(x));
                    }
                    loss += Math.exp(law.logIrreducibleError());
                    if (loss < least[bucket]) {
                        least[bucket] = loss;
                        best[bucket] = new long[] {w, d, t, Double.doubleToLongBits(loss)};
                    }
                }
            }
        }
        return best;
    }

    private static long[][] fast(ShapeOptima optima, int buckets) {
        long[][] result = new long[buckets][];
        for (BucketOptimum optimum : optima.optima()) {
            ShapePoint p = optimum.point();
            result[optimum.bucket()] = new long[] {(long) p.width(), (long) p.depth(), (long) p.tokens(),
                    Double.doubleToLongBits(p.loss())};
        }
        return result;
    }

    @Test
    void optimaEqualTheStraightforwardEvaluationForEveryLawAndParameterCount() {
        FlopBuckets buckets = FlopBuckets.gemstones();
        List<FittedLaw> laws = List.of(PublishedLaws.WIDTH_DEPTH_PARAMS, PublishedLaws.WIDTH_DEPTH,
                PublishedLaws.PARAMS);
        for (ParameterCount count : ParameterCount.values()) {
            ShapeAccounting accounting = new ShapeAccounting(Architecture.gemstones(), count);
            List<ShapeOptima> optima = ShapeSearch.over(REDUCED, buckets, accounting)
                    .minimise(laws, LocalParallelism.withThreads(2));
            for (int i = 0; i < laws.size(); i++) {
                assertThat(fast(optima.get(i), buckets.count()))
                        .as("%s, params %s", laws.get(i).form().name(), count.label())
                        .isDeepEqualTo(slowOptima(REDUCED, buckets, Architecture.gemstones(), count, laws.get(i)));
                assertThat(optima.get(i).optima()).hasSize(13);
            }
        }
    }

    @Test
    void optimaEqualTheStraightforwardEvaluationForRandomLawsAndRanges() {
        ShapeGrid tiny = ShapeGrid.gemstones(33, 24, 9, 13.5, 30);
        Gen<double[]> exponents = doubles().between(0.02, 0.9).zip(doubles().between(0.02, 0.9),
                doubles().between(0.02, 0.9), (a, b, c) -> new double[] {a, b, c});
        Gen<double[]> coefficients = doubles().between(-2, 12).zip(doubles().between(-2, 12),
                doubles().between(2, 14), (a, b, c) -> new double[] {a, b, c});
        Gen<double[]> range = doubles().between(17, 21).zip(doubles().between(22, 27), integers().between(1, 20),
                (low, high, count) -> new double[] {Math.pow(10, low), Math.pow(10, high), count});
        qt().withFixedSeed(109L).withExamples(25).forAll(exponents, coefficients, doubles().between(-2, 1), range)
                .checkAssert((alpha, c, e, r) -> {
                    FittedLaw law = new FittedLaw(LawForm.WIDTH_DEPTH_PARAMS, new double[] {alpha[0], alpha[1],
                        alpha[2], 0.4, c[0], c[1], c[2], 11, e});
                    FlopBuckets buckets = FlopBuckets.logSpaced(r[0], r[1], (int) r[2]);
                    List<ShapeOptima> optima = ShapeSearch.over(tiny, buckets, ShapeAccounting.gemstones())
                            .minimise(List.of(law), LocalParallelism.withThreads(2));
                    assertThat(fast(optima.get(0), buckets.count())).isDeepEqualTo(slowOptima(tiny, buckets,
                            Architecture.gemstones(), ParameterCount.EXACT, law));
                });
    }

    @Test
    void optimaAreThoseOfPandasOnGemstonesConstruction() {
        // /usr/bin/python3 (numpy 1.24.2, pandas 1.5.3): the grid with 257 width, 200 depth and 100 token points,
        // FLOPs and params from Gemstones' flops_per_token and params formulas, laws summed by np.sum(np.exp(c - e*np.log(x)), axis=-1) +
        // np.exp(E), rows kept in [1e18, 1e26], pd.cut(include_lowest=True) on 13 log-spaced edges, idxmin per bucket
        // (bucket:width x depth x tokens); 3 427 560 rows in range.
        List<String> expected = List.of(
                "0:600x13x5336699231 1:908x17x9006280202 2:1310x23x15199110829 3:1888x33x23101297000 "
                        + "4:3074x40x31622776601 5:4118x56x53366992312 6:5935x75x81113083078 7:10145x79x111033631816 "
                        + "8:13927x115x168761247578 9:22128x138x231012970008 10:41697x131x284803586843 "
                        + "11:60096x211x351119173421 12:93185x239x533669923120",
                "0:544x12x6579332246 1:908x17x9006280202 2:1217x37x11103363181 3:1888x51x15199110829 "
                        + "4:2185x132x18738174228 5:3307x223x20805675382 6:4219x465x25650209056 7:6231x729x31622776601 "
                        + "8:8147x1599x35111917342 9:11743x2580x43287612810 10:14270x5893x53366992312 "
                        + "11:21075x10079x59255309755 12:26891x20720x73052715426",
                "0:1078x1x9006280202 1:2132x1x15199110829 2:3922x1x25650209056 3:5517x2x38986037025 "
                        + "4:7760x4x48063808630 5:10396x8x59255309755 6:17342x8x90062802021 7:24393x10x151991108295 "
                        + "8:32679x17x208056753821 9:38757x33x316227766016 10:49452x55x480638086306 "
                        + "11:73032x62x811130830789 12:105259x81x1232846739442");
        List<ShapeOptima> optima = ShapeSearch.over(ShapeGrid.gemstones(257, 200, 9, 13.5, 100),
                FlopBuckets.gemstones(), ShapeAccounting.gemstones()).minimise(List.of(
                PublishedLaws.WIDTH_DEPTH_PARAMS, PublishedLaws.WIDTH_DEPTH, PublishedLaws.PARAMS),
                LocalParallelism.withThreads(2));
        List<String> found = new ArrayList<>();
        for (ShapeOptima law : optima) {
            assertThat(law.rowsInRange()).isEqualTo(3_427_560);
            found.add(law.optima().stream().map(o -> String.format("%d:%.0fx%.0fx%.0f", o.bucket(),
                    o.point().width(), o.point().depth(), o.point().tokens())).collect(Collectors.joining(" ")));
        }
        assertThat(found).isEqualTo(expected);
    }

    @Test
    void theThreadCountDoesNotChangeTheOptima() {
        ShapeSearch search = ShapeSearch.over(REDUCED, FlopBuckets.gemstones(), ShapeAccounting.gemstones());
        List<FittedLaw> laws = List.of(PublishedLaws.WIDTH_DEPTH, PublishedLaws.PARAMS);
        assertThat(search.minimise(laws, LocalParallelism.withThreads(3)))
                .isEqualTo(search.minimise(laws, LocalParallelism.sequential()));
    }

    @Test
    void optimaSearchedInAnotherProcessAreTheSame() {
        ShapeSearch search = ShapeSearch.over(REDUCED, FlopBuckets.gemstones(), ShapeAccounting.gemstones());
        List<FittedLaw> laws = List.of(PublishedLaws.WIDTH_DEPTH);
        assertThat(search.minimise(laws, new SerializingParallelism()))
                .isEqualTo(search.minimise(laws, LocalParallelism.sequential()));
    }

    @Test
    void rowsReportTheirCostsAndRatios() {
        ShapeOptima optima = ShapeSearch.over(REDUCED, FlopBuckets.gemstones(), ShapeAccounting.gemstones())
                .minimise(List.of(PublishedLaws.WIDTH_DEPTH_PARAMS), LocalParallelism.sequential()).get(0);
        for (BucketOptimum optimum : optima.optima()) {
            ShapePoint p = optimum.point();
            assertThat(p.flops()).isEqualTo(FlopCount.gemstonesGqa(Architecture.gemstones(), p.width(), p.depth())
                    * p.tokens());
            assertThat(p.flops()).isGreaterThan(optimum.lowerFlops()).isLessThanOrEqualTo(optimum.upperFlops());
            assertThat(p.params()).isEqualTo(Architecture.gemstones().parameters((int) p.width(), (int) p.depth()));
            assertThat(p.ratio()).isEqualTo(p.width() / p.depth());
            assertThat(p.tokensPerParam()).isEqualTo(p.tokens() / p.params());
        }
    }

    @Test
    void lawsMustBeOnShapeInputsWithTokensLast() {
        ShapeSearch search = ShapeSearch.over(REDUCED, FlopBuckets.gemstones(), ShapeAccounting.gemstones());
        FittedLaw odd = new FittedLaw(new LawForm("odd", List.of("tokens", "width")), new double[] {1, 1, 1, 1, 1});
        assertThatThrownBy(() -> search.minimise(List.of(odd), LocalParallelism.sequential()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokens must be its last input");
        FittedLaw other = new FittedLaw(new LawForm("other", List.of("lr")), new double[] {1, 1, 1});
        assertThatThrownBy(() -> search.minimise(List.of(other), LocalParallelism.sequential()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lr'");
    }
}
