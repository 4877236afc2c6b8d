package org.scalefit.heldout;

import org.scalefit.data.Labelled;

/** Which model sizes a held-out evaluation fits on and which it predicts (see {@link HeldOutEvaluation}). */
public enum HoldOut implements Labelled {

    /** For each size s: fit on every other size, predict s. */
    LEAVE_ONE_SIZE_OUT,
    /** For each k: fit on the k smallest sizes, predict each larger one. */
    ROLLOUT;

    /** The split called {@code label}. */
    public static HoldOut named(String label) {
        return Labelled.byLabel(HoldOut.class, label, "hold-out mode");
    }
}
