package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalefit.isoflop.ComputeOptimalLaws;
import org.scalefit.isoflop.FitVariant;
import org.scalefit.isoflop.IsoflopFits;
import org.scalefit.isoflop.PowerLaw;
import org.scalefit.isoflop.SaturatingLoss;
import org.scalefit.parallel.LocalParallelism;
import tools.jackson.databind.JsonNode;


/**
 * Porian et al.'s stored configuration-level fits (bundled {@code fit_results}, MIT) against scalefit's fits of its
 * own replayed optima: power laws to 1e-12 relative, every bootstrap replicate element by element, and the
 * saturating loss fits within the tolerances their conditioning allows (Porian et al. 2024, {@code analysis.py}).
 */
class PorianFitsTest {

    record Pair(PorianConfiguration configuration, IsoflopFits ours, JsonNode stored) {
    }

    private static final List<Pair> PAIRS = new ArrayList<>();

    @BeforeAll
    static void fit() {
        for (String table : PorianData.TABLES) {
            List<JsonNode> stored = PorianData.storedFits(table);
            for (PorianReplay.Analysed analysed : PorianReplay.all()) {
                if (analysed.configuration().table().equals(table)) {
                    PAIRS.add(new Pair(analysed.configuration(), IsoflopFits.of(analysed.optima(), true,
                            LocalParallelism.allCores()), stored.get(analysed.configuration().index())));
                }
            }
        }
    }

    @Test
    void allFifteenConfigurationsAreCompared() {
        assertThat(PAIRS).hasSize(15);
    }

    @Test
    void everyPointFitIsReproduced() {
        for (Pair pair : PAIRS) {
            for (FitVariant variant : List.of(FitVariant.BASIC, FitVariant.WEIGHTED, FitVariant.BS_MEDIAN,
                    FitVariant.BS_MEDIAN_WEIGHTED)) {
                assertLaws(pair.ours().point(variant), pair.stored().get(variant.key()), 1e-12,
                        pair.configuration().name() + " " + variant.key());
            }
        }
    }

    @Test
    void everyBootstrapReplicateFitIsReproducedElementByElement() {
        int replicates = 0;
        for (Pair pair : PAIRS) {
            for (FitVariant variant : List.of(FitVariant.BOOTSTRAP, FitVariant.BOOTSTRAP_WEIGHTED)) {
                JsonNode stored = pair.stored().get(variant.key());
                List<ComputeOptimalLaws> ours = pair.ours().replicates(variant);
                assertThat(ours).hasSize(stored.get("num_powerlaw_fits").asInt());
                JsonNode powerlaw = stored.get("powerlaw");
                for (int i = 0; i < ours.size(); i++) {
                    String where = pair.configuration().name() + " " + variant.key() + " #" + i;
                    for (ComputeOptimalLaws.Quantity q : ComputeOptimalLaws.Quantity.values()) {
                        String prefix = prefix(q);
                        PowerLaw law = ours.get(i).law(q);
                        closeOrTiny(law.exponent(), powerlaw.get(prefix + "_exponent").get(i).asDouble(), where);
                        close(law.coef(), powerlaw.get(prefix + "_coef").get(i).asDouble(), 1e-12, where);
                        closeOrTiny(law.r2(), powerlaw.get(prefix + "_r2").get(i).asDouble(), where);
                    }
                    replicates++;
                }
            }
        }
        assertThat(replicates).isGreaterThan(25_000);
    }

    /**
     * The saturating fit: A and α to 1e-4 relative, E to 1e-4 relative where E &gt; 0.01 and 1e-3 absolute otherwise;
     * the bootstrap fits through their 2.5/50/97.5 % quantiles of α (1e-3).
     */
    @Test
    void saturatingLossFitsAgreeWithinTheirConditioning() {
        for (Pair pair : PAIRS) {
            String where = pair.configuration().name();
            JsonNode basic = pair.stored().get("basic");
            SaturatingLoss loss = pair.ours().loss();
            close(loss.a(), basic.get("A").asDouble(), 1e-4, where + " A");
            close(loss.alpha(), basic.get("alpha").asDouble(), 1e-4, where + " alpha");
            double e = basic.get("E").asDouble();
            if (e > 0.01) {
                close(loss.e(), e, 1e-4, where + " E");
            } else {
                assertThat(Math.abs(loss.e() - e)).as(where + " E").isLessThanOrEqualTo(1e-3);
            }
        }
    }

    /**
     * The 200 bootstrap loss fits of each configuration: the 2.5/50/97.5 % quantiles of α agree to 1e-3, and at most
     * two fits in each configuration land elsewhere in α by more than 1e-3 (the flat E → 0 branch, where two runs of
     * SciPy's own TRF differ).
     */
    @Test
    void bootstrapLossFitsAgreeThroughTheirQuantiles() {
        for (Pair pair : PAIRS) {
            String where = pair.configuration().name();
            double[] published = PorianData.doubles(pair.stored().get("bootstrap").get("loss").get("alpha"));
            double[] alphas = pair.ours().lossBootstrap().stream().mapToDouble(SaturatingLoss::alpha).toArray();
            assertThat(alphas).as(where).hasSize(200);
            for (double q : new double[] {0.025, 0.5, 0.975}) {
                assertThat(Math.abs(quantile(alphas, q) - quantile(published, q))).as(where + " alpha q" + q)
                        .isLessThanOrEqualTo(1e-3);
            }
            int elsewhere = 0;
            for (int r = 0; r < 200; r++) {
                elsewhere += Math.abs(alphas[r] - published[r]) > 1e-3 ? 1 : 0;
            }
            assertThat(elsewhere).as(where).isLessThanOrEqualTo(2);
        }
    }

    private static String prefix(ComputeOptimalLaws.Quantity q) {
        return switch (q) {
            case N -> "n";
            case T -> "t";
            case MULTIPLIER -> "multiplier";
        };
    }

    private static void assertLaws(ComputeOptimalLaws ours, JsonNode stored, double tolerance, String where) {
        for (ComputeOptimalLaws.Quantity q : ComputeOptimalLaws.Quantity.values()) {
            PowerLaw law = ours.law(q);
            String prefix = prefix(q);
            closeOrTiny(law.exponent(), stored.get(prefix + "_exponent").asDouble(), where + " " + prefix);
            close(law.coef(), stored.get(prefix + "_coef").asDouble(), tolerance, where + " " + prefix);
            closeOrTiny(law.r2(), stored.get(prefix + "_r2").asDouble(), where + " " + prefix);
        }
    }

    static void close(double ours, double published, double relative, String where) {
        assertThat(Math.abs(ours - published)).as(where + ": " + ours + " vs " + published)
                .isLessThanOrEqualTo(relative * Math.abs(published));
    }

    /** Exponents and R²: 1e-12 relative, or 1e-14 absolute for values near 0. */
    static void closeOrTiny(double ours, double published, String where) {
        assertThat(Math.abs(ours - published)).as(where + ": " + ours + " vs " + published)
                .isLessThanOrEqualTo(Math.max(1e-12 * Math.abs(published), 1e-14));
    }

    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
