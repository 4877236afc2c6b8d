package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The selective readers of the stored results ({@link PorianData#storedBudgets(String, Set)},
 * {@link PorianData#storedFits(String, Set)}) give, at every selected path, the node the full tree holds there, and
 * nothing else.
 */
class PorianDataSelectionTest {

    private static final Set<String> FIT_PATHS = Set.of("config_index", "label", "basic.A", "basic.E",
            "weighted.multiplier_exponent", "bootstrap.loss.alpha", "bootstrap.num_powerlaw_fits",
            "bootstrap_weighted.powerlaw.multiplier_coef", "bootstrap_weighted.powerlaw.n_exponent",
            "bs_median_weighted");

    private static final Set<String> BUDGET_FIELDS = Set.of("n_stars_idx", "opt_ind", "n_star_std", "op_n",
            "orig_n", "label");

    @Test
    void selectedFitValuesAreTheFullTreesValues() {
        for (String table : PorianData.TABLES) {
            List<JsonNode> full = PorianData.storedFits(table);
            List<JsonNode> selected = PorianData.storedFits(table, FIT_PATHS);
            assertThat(selected).hasSameSizeAs(full);
            for (int i = 0; i < full.size(); i++) {
                for (String path : FIT_PATHS) {
                    assertThat(at(selected.get(i), path)).as(table + " line " + i + " " + path)
                            .isNotNull().isEqualTo(at(full.get(i), path));
                }
                assertThat(leafCount(selected.get(i))).isEqualTo(FIT_PATHS.size());
            }
        }
    }

    @Test
    void selectedBudgetFieldsAreTheFullTreesFields() {
        for (String table : PorianData.TABLES) {
            List<JsonNode> full = PorianData.storedBudgets(table);
            List<JsonNode> selected = PorianData.storedBudgets(table, BUDGET_FIELDS);
            assertThat(selected).hasSameSizeAs(full);
            for (int i = 0; i < full.size(); i++) {
                for (String field : BUDGET_FIELDS) {
                    assertThat(selected.get(i).get(field)).as(table + " line " + i + " " + field)
                            .isEqualTo(full.get(i).get(field));
                }
                assertThat(selected.get(i).size()).isEqualTo(BUDGET_FIELDS.size());
            }
        }
    }

    private static JsonNode at(JsonNode node, String path) {
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    /** Selected values counted as leaves: a selected object counts once, as do the objects leading to it. */
    private static int leafCount(JsonNode node) {
        int count = 0;
        Iterator<String> names = node.propertyNames().iterator();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode child = node.get(name);
            count += child.isObject() && !name.equals("bs_median_weighted") ? leafCount(child) : 1;
        }
        return count;
    }
}
