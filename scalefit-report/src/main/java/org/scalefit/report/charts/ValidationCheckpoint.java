package org.scalefit.report.charts;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.data.RunTable;

/**
 * One row of a validation set's table (columns {@code width}, {@code depth}, {@code tokens}, {@code loss}): a model's
 * checkpoint and its loss on that set.
 *
 * @param width  the model's width
 * @param depth  its depth
 * @param tokens the tokens trained on at the checkpoint
 * @param loss   the validation loss there
 */
public record ValidationCheckpoint(double width, double depth, double tokens, double loss) {

    /** The rows of {@code table}, in its order. */
    public static List<ValidationCheckpoint> of(RunTable table) {
        double[] width = table.column("width");
        double[] depth = table.column("depth");
        double[] tokens = table.column("tokens");
        double[] loss = table.column("loss");
        List<ValidationCheckpoint> rows = new ArrayList<>(table.rows());
        for (int i = 0; i < table.rows(); i++) {
            rows.add(new ValidationCheckpoint(width[i], depth[i], tokens[i], loss[i]));
        }
        return rows;
    }

    /** The model's name, {@code width x depth} ({@code 256x23}). */
    public String model() {
        return (int) width + "x" + (int) depth;
    }

    /** What identifies the checkpoint across validation sets: (width, depth, tokens). */
    public List<Double> key() {
        return List.of(width, depth, tokens);
    }
}
