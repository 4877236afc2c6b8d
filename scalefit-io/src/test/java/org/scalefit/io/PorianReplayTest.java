package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalefit.isoflop.AkimaInterpolator;
import org.scalefit.isoflop.AxisProfile;
import org.scalefit.isoflop.BudgetOptimum;
import tools.jackson.databind.JsonNode;

/**
 * Replays Porian et al.'s seed-noise bootstrap from the bundled IsoFLOP points with NumPy's stream (seed 42 per
 * table) and compares every stored per-budget value of the authors' pipeline (Porian et al. 2024, MIT; the stored
 * values are the bundled tables' own fields).
 */
class PorianReplayTest {

    /** One analysed budget next to its stored line. */
    record Pair(BudgetOptimum ours, JsonNode stored) {
    }

    private static final List<Pair> PAIRS = new ArrayList<>();

    @BeforeAll
    static void replay() {
        for (String table : PorianData.TABLES) {
            List<JsonNode> stored = PorianData.storedBudgets(table);
            int line = 0;
            for (PorianReplay.Analysed analysed : PorianReplay.all()) {
                if (!analysed.configuration().table().equals(table)) {
                    continue;
                }
                for (BudgetOptimum optimum : analysed.optima()) {
                    PAIRS.add(new Pair(optimum, stored.get(line++)));
                }
            }
            assertThat(line).isEqualTo(stored.size());
        }
    }

    @Test
    void everyBudgetWithPointsHasTheStoredGridOptimaOnBothAxes() {
        int compared = 0;
        for (Pair pair : PAIRS) {
            JsonNode stored = pair.stored();
            if (stored.get("num_points").asInt() == 0) {
                assertThat(pair.ours().skipped()).isTrue();
                continue;
            }
            assertThat(pair.ours().sizes().optimumIndex()).as(where(pair)).isEqualTo(stored.get("opt_ind").asInt());
            assertThat(pair.ours().tokens().optimumIndex()).as(where(pair))
                    .isEqualTo(stored.get("opt_tok_ind").asInt());
            compared++;
        }
        assertThat(compared).isEqualTo(177);
    }

    @Test
    void everyStoredBootstrapDrawIsReproducedExactly() {
        int budgets = 0;
        for (Pair pair : PAIRS) {
            JsonNode stored = pair.stored();
            if (stored.get("n_stars_idx") == null || stored.get("n_stars_idx").isNull()) {
                continue;
            }
            AxisProfile sizes = pair.ours().sizes();
            AxisProfile tokens = pair.ours().tokens();
            assertThat(sizes.drawIndices()).as(where(pair)).containsExactly(ints(stored.get("n_stars_idx")));
            assertThat(tokens.drawIndices()).as(where(pair)).containsExactly(ints(stored.get("t_stars_idx")));
            assertThat(sizes.validCount()).isEqualTo(stored.get("num_n_stars").asInt());
            assertThat(tokens.validCount()).isEqualTo(stored.get("num_t_stars").asInt());
            assertRelative(tokens.drawLosses(), PorianData.doubles(stored.get("loss_stars")), 1e-13, where(pair));
            budgets++;
        }
        assertThat(budgets).isEqualTo(173);
    }

    @Test
    void everySpreadAndOptimalPairIsReproduced() {
        int budgets = 0;
        for (Pair pair : PAIRS) {
            JsonNode stored = pair.stored();
            boolean storedPair = stored.get("op_n") != null && !stored.get("op_n").isNull();
            assertThat(pair.ours().hasOptimum()).as(where(pair)).isEqualTo(storedPair);
            if (!storedPair) {
                continue;
            }
            var ours = pair.ours().pair();
            double[] mine = {ours.n(), ours.t(), ours.multiplier(), ours.loss(), ours.lossT(), ours.nSpread(),
                ours.tSpread(), ours.multiplierSpread(), ours.lossSpread()};
            double[] theirs = {d(stored, "op_n"), d(stored, "op_t"), d(stored, "op_multiplier"), d(stored, "op_loss"),
                d(stored, "op_loss_t"), d(stored, "n_star_std"), d(stored, "t_star_std"),
                d(stored, "multiplier_star_std"), d(stored, "loss_star_std")};
            assertRelative(mine, theirs, 1e-12, where(pair));
            budgets++;
        }
        assertThat(budgets).isEqualTo(173);
    }

    @Test
    void akimaEqualsScipyOnEveryStoredCurveAndGridsAgree() {
        int curves = 0;
        for (Pair pair : PAIRS) {
            JsonNode stored = pair.stored();
            if (stored.get("num_points").asInt() == 0) {
                continue;
            }
            double[] n = PorianData.doubles(stored.get("orig_n"));
            double[] t = PorianData.doubles(stored.get("orig_t"));
            double[] loss = PorianData.doubles(stored.get("orig_loss"));
            int k = n.length;
            double[] lnN = new double[k];
            double[] lnT = new double[k];
            double[] lnL = new double[k];
            double[] lnLReversed = new double[k];
            for (int i = 0; i < k; i++) {
                lnN[i] = Math.log(n[i]);
                lnT[i] = Math.log(t[k - 1 - i]);
                lnL[i] = Math.log(loss[i]);
                lnLReversed[i] = Math.log(loss[k - 1 - i]);
            }
            curves += compareCurve(AkimaInterpolator.of(lnN, lnL), PorianData.doubles(stored.get("n_interp")),
                    PorianData.doubles(stored.get("loss_interp")), where(pair) + " N");
            curves += compareCurve(AkimaInterpolator.of(lnT, lnLReversed), PorianData.doubles(stored.get("t_interp")),
                    PorianData.doubles(stored.get("loss_interp_tok")), where(pair) + " D");
            assertRelative(pair.ours().sizes().grid(), PorianData.doubles(stored.get("n_interp")), 1e-15,
                    where(pair) + " grid");
        }
        assertThat(curves).isEqualTo(354);
    }

    private static int compareCurve(AkimaInterpolator akima, double[] grid, double[] published, String where) {
        double[] ours = new double[grid.length];
        for (int j = 0; j < grid.length; j++) {
            ours[j] = Math.exp(akima.value(Math.log(grid[j])));
        }
        assertRelative(ours, published, 1e-13, where);
        return 1;
    }

    private static double d(JsonNode node, String field) {
        return node.get(field).asDouble();
    }

    static void assertRelative(double[] ours, double[] published, double tolerance, String where) {
        assertThat(ours).as(where).hasSameSizeAs(published);
        for (int i = 0; i < ours.length; i++) {
            assertThat(Math.abs(ours[i] - published[i])).as(where + " [" + i + "] " + ours[i] + " vs " + published[i])
                    .isLessThanOrEqualTo(tolerance * Math.abs(published[i]));
        }
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    private static String where(Pair pair) {
        return pair.stored().get("summary").asString() + " row " + pair.stored().get("config_index").asInt()
                + " C=" + pair.stored().get("flops").asDouble();
    }
}
