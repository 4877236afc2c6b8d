package org.scalefit.io.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.scalefit.io.BenchmarkTableDocument;
import org.scalefit.io.LossScoreTable;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.overtraining.LossScoreFits;

/**
 * Downstream laws of a user's table made from a {@link BenchmarkTableRequest}.
 *
 * @param table       the table read
 * @param fits        the laws fitted to its points
 * @param predictions the laws at the requested losses, in the order requested
 */
public record BenchmarkTableResult(LossScoreTable table, LossScoreFits fits,
                                   List<LossScoreFits.Prediction> predictions) {

    public BenchmarkTableResult {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(fits, "fits");
        predictions = List.copyOf(predictions);
    }

    /**
     * One warning per prediction at a loss outside the fitted losses [min L_i, max L_i], in order: there the laws
     * extrapolate, and the error law's ceiling ε or the sigmoid's floor b and amplitude a are set by the fitted points
     * alone.
     */
    public List<String> extrapolations() {
        return predictions.stream().filter(LossScoreFits.Prediction::extrapolated)
                .map(prediction -> String.format(Locale.ROOT, "--at-loss %s lies outside the fitted losses "
                        + "[%.6g, %.6g] of %s: the prediction there is an extrapolation", number(prediction.loss()),
                        fits.lowestLoss(), fits.highestLoss(), table.table().source()))
                .toList();
    }

    /** A loss as the user may have typed it: the shortest decimal that reads back as it. */
    private static String number(double value) {
        return org.scalefit.io.ColumnRequest.factorText(value);
    }

    /** The fits and predictions as a result document. */
    public BenchmarkTableDocument document() {
        return BenchmarkTableDocument.of(table, fits, predictions, ScalefitVersion.current());
    }
}
