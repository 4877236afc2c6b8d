package org.scalefit.data;

import java.util.Objects;

/**
 * A checkpoint's benchmark scores together with its loss on a validation set — one point of a downstream law such
 * as Err(L) or acc(L) (Gemstones matches them on model and tokens).
 *
 * @param scores the checkpoint's benchmark results
 * @param loss   its validation loss, finite and positive
 */
public record ScoresAtLoss(BenchmarkScores scores, double loss) {

    public ScoresAtLoss {
        Objects.requireNonNull(scores, "scores");
        if (!(loss > 0) || !Double.isFinite(loss)) {
            throw new IllegalArgumentException(scores.name() + ": loss " + loss + " is not a positive finite number");
        }
    }
}
