package org.scalefit.heldout;

import java.util.Arrays;
import java.util.List;
import org.scalefit.data.InputRange;
import org.scalefit.overtraining.Prediction;

/**
 * How well a fitted law predicts the points of one model size: for each point its observed loss L and the law's
 * L̂, and their relative error 100·|L̂ − L|/L in percent (mean, maximum and the mean signed error
 * 100·(L̂ − L)/L, which shows a bias), and how far the size lies outside the range of the points the law was
 * fitted on ({@link InputRange#decadesOutside}: the extrapolation the error measures).
 *
 * @param size           the size number (in {@link ModelSizes})
 * @param points         the points of that size, as indices into the observations
 * @param predictions    observed and predicted loss of each of those points
 * @param decadesOutside per input of the law, the orders of magnitude by which the size's point farthest outside the
 *                       fitted points' range lies outside it: positive above the largest fitted value, negative
 *                       below the smallest, 0 within
 */
public record SizeError(int size, int[] points, List<Prediction> predictions, double[] decadesOutside) {

    public SizeError {
        points = points.clone();
        predictions = List.copyOf(predictions);
        decadesOutside = decadesOutside.clone();
        if (points.length != predictions.size() || points.length == 0) {
            throw new IllegalArgumentException(points.length + " points but " + predictions.size() + " predictions");
        }
    }

    /**
     * The error of a law fitted on points of {@code fitted} range at the {@code points} of a size, whose inputs are
     * {@code inputs} (one row per point): each input's distance outside the range is that of the point farthest out.
     */
    public static SizeError of(int size, int[] points, List<Prediction> predictions, InputRange fitted,
                               double[][] inputs) {
        double[] farthest = new double[fitted.inputs().size()];
        for (double[] x : inputs) {
            double[] outside = fitted.decadesOutside(x);
            for (int j = 0; j < farthest.length; j++) {
                if (Math.abs(outside[j]) > Math.abs(farthest[j])) {
                    farthest[j] = outside[j];
                }
            }
        }
        return new SizeError(size, points, predictions, farthest);
    }

    @Override
    public int[] points() {
        return points.clone();
    }

    @Override
    public double[] decadesOutside() {
        return decadesOutside.clone();
    }

    /** The input (index into the law's inputs) by which the size lies farthest outside the fitted range. */
    public int farthestInput() {
        int farthest = 0;
        for (int j = 1; j < decadesOutside.length; j++) {
            if (Math.abs(decadesOutside[j]) > Math.abs(decadesOutside[farthest])) {
                farthest = j;
            }
        }
        return farthest;
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
                && predictions.equals(that.predictions) && Arrays.equals(decadesOutside, that.decadesOutside);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * size + Arrays.hashCode(points)) + predictions.hashCode())
                + Arrays.hashCode(decadesOutside);
    }
}
