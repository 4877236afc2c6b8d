package org.scalefit.isoflop;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the issues of {@link IsoflopAnalysis} call a point's size and loss: the columns of the file the points were
 * read from (e.g. {@code params} and {@code val_loss}), so that a dropped point names the column to look at, or
 * {@link #LOGICAL} when the points have no file columns of their own.
 *
 * @param size the name of the size N (parameters)
 * @param loss the name of the loss L
 */
public record IsoflopColumns(String size, String loss) implements Serializable {

    /** The analysis's own names, {@code size} and {@code loss}. */
    public static final IsoflopColumns LOGICAL = new IsoflopColumns("size", "loss");

    public IsoflopColumns {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(loss, "loss");
    }
}
