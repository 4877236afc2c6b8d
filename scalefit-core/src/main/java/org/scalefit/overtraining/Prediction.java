package org.scalefit.overtraining;

/**
 * A predicted value beside the observed one, and the relative error the paper reports for it
 * (notebook cell 2: {@code abs(pred - gt) / gt}, printed with {@code {:.4%}}).
 *
 * @param observed  the measured value (ground truth)
 * @param predicted the value the law predicts
 */
public record Prediction(double observed, double predicted) {

    /** |predicted − observed| / observed. */
    public double relativeError() {
        return Math.abs(predicted - observed) / observed;
    }

    /** The relative error in percent, 100·|predicted − observed| / observed. */
    public double percentError() {
        return 100 * relativeError();
    }
}
