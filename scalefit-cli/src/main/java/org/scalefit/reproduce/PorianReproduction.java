package org.scalefit.reproduce;

import java.util.List;

/**
 * Porian et al. 2024 (IsoFLOP analysis of loss curves, hyperparameter laws, the FLOP-counting, warmup and decay
 * factors behind Kaplan vs Chinchilla). This build bundles neither their loss curves nor a specification of their
 * code, so nothing is reproduced; the reproduction says so rather than passing silently.
 */
public final class PorianReproduction {

    static final String TITLE = "Resolving Discrepancies in Compute-Optimal Scaling of Language Models "
            + "(Porian et al. 2024)";

    private PorianReproduction() {
    }

    /** Reports that there is nothing to reproduce yet. */
    public static StudyReproduction run(ReproductionContext context) {
        return new StudyReproduction("porian", TITLE, List.of(), List.of("Not reproduced: Porian et al.'s loss curves "
                + "are not bundled with this build (the project's data folder has no porian/ set), and the IsoFLOP "
                + "analysis is not implemented yet."), List.of(), List.of(), 0);
    }
}
