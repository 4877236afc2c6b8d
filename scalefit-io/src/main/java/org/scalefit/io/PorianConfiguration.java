package org.scalefit.io;

import java.util.List;
import java.util.Locale;
import org.scalefit.isoflop.IsoflopBudget;
import org.scalefit.isoflop.SeedNoise;

/**
 * One of Porian et al.'s fifteen configurations: a training recipe, a FLOP accounting and a loss, with its IsoFLOP
 * points per budget (meanings in {@code datasets/porian/README} of the shared data; the authors' {@code configs.py}).
 *
 * @param table       the source table ({@code summary_df}, …)
 * @param index       the row in that table
 * @param dataset     {@code rw} (RefinedWeb) or {@code owt2} (OpenWebText2)
 * @param hparams     {@code base} or {@code tuned}
 * @param warmup      {@code long} or {@code short}
 * @param decay       {@code kaplan}, {@code chinchilla} or {@code const}
 * @param paramCount  the FLOP accounting: {@code kaplan}, {@code standard} or {@code attention}
 * @param val         {@code val} (validation loss) or {@code train} (smoothed training loss)
 * @param label       the paper's label
 * @param budgets     the IsoFLOP points per budget, in increasing C (budgets without points have none)
 */
public record PorianConfiguration(String table, int index, String dataset, String hparams, String warmup,
                                  String decay, String paramCount, String val, String label,
                                  List<IsoflopBudget> budgets) {

    public PorianConfiguration {
        budgets = List.copyOf(budgets);
    }

    /**
     * The short name: {@code <dataset>/<label slug>}, with {@code -att} after the dataset for the attention-FLOP
     * table (e.g. {@code rw/optimizer-tuning}, {@code owt2/cosine-decay}, {@code rw-att/correcting-warmup},
     * {@code rw/kaplan-adjusted}).
     */
    public String name() {
        String slug = switch (label.replace('\n', ' ')) {
            case "Reproducing Kaplan et al." -> "reproducing-kaplan";
            case "Optimizer tuning (no decay)" -> "optimizer-tuning";
            default -> label.replace('\n', ' ').toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-|-$", "");
        };
        return dataset + (paramCount.equals("attention") ? "-att" : "") + "/" + slug;
    }

    /** The 6-tuple {@code dataset,hparams,warmup,decay,param_count,val}. */
    public String tuple() {
        return String.join(",", dataset, hparams, warmup, decay, paramCount, val);
    }

    /** The id that selects this configuration: {@code porian:} and the name. */
    public String id() {
        return PorianData.PREFIX + name();
    }

    /** The paper's label on one line. */
    public String title() {
        return label.replace('\n', ' ');
    }

    /** The seed-noise parameters of the dataset ({@code RW_SEED_CONFIG} or {@code OWT2_SEED_CONFIG}). */
    public SeedNoise noise(SeedNoise.Rule rule) {
        return dataset.equals("owt2") ? SeedNoise.openWebText2(rule) : SeedNoise.refinedWeb(rule);
    }
}
