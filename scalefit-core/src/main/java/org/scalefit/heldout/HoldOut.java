package org.scalefit.heldout;

/** Which model sizes a held-out evaluation fits on and which it predicts (see {@link HeldOutEvaluation}). */
public enum HoldOut {

    /** For each size s: fit on every other size, predict s. */
    LEAVE_ONE_SIZE_OUT("leave-one-size-out"),
    /** For each k: fit on the k smallest sizes, predict each larger one. */
    ROLLOUT("rollout");

    private final String label;

    HoldOut(String label) {
        this.label = label;
    }

    /** The name on the command line and in results. */
    public String label() {
        return label;
    }

    /** The split called {@code label}. */
    public static HoldOut named(String label) {
        for (HoldOut mode : values()) {
            if (mode.label.equals(label)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown hold-out mode '" + label
                + "'; expected leave-one-size-out or rollout");
    }
}
