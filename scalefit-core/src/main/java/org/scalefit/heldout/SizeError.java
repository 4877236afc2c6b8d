package org.scalefit.heldout;

import java.util.Arrays;
import java.util.List;
import org.scalefit.overtraining.Prediction;

/**
 * How well a fitted law predicts the points of one model size: for each point its observed loss L and the law's
 * L̂, and their relative error 100·|L̂ − L|/L in percent (mean, maximum and the mean signed error
 * 100·(L̂ − L)/L, which shows a bias).
 *
 * @param size        the size number (in {@link ModelSizes})
 * @param points      the points of that size, as indices into the observations
 * @param predictions observed and predicted loss of each of those points
 */
public record SizeError(int size, int[] points, List<Prediction> predictions) {

    public SizeError {
        points = points.clone();
        predictions = List.copyOf(predictions);
        if (points.length != predictions.size() || points.length == 0) {
            throw new IllegalArgumentException(points.length + " points but " + predictions.size() + " predictions");
        }
    }

    @Override
    public int[] points() {
        return points.clone();
    }

    /** The mean of 100·|L̂ − L|/L over the points. */
    public double meanPercentError() {
        return predictions.stream().mapToDouble(Prediction::percentError).average().orElseThrow();
    }

    /** The largest 100·|L̂ − L|/L. */
    public double maxPercentError() {
        return predictions.stream().mapToDouble(Prediction::percentError).max().orElseThrow();
    }

    /** The mean of 100·(L̂ − L)/L: positive when the law over-predicts the loss. */
    public double meanSignedPercentError() {
        return predictions.stream().mapToDouble(p -> 100 * (p.predicted() - p.observed()) / p.observed()).average()
                .orElseThrow();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SizeError that && size == that.size && Arrays.equals(points, that.points)
                && predictions.equals(that.predictions);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * size + Arrays.hashCode(points)) + predictions.hashCode();
    }
}
