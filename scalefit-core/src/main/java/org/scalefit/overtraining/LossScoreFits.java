package org.scalefit.overtraining;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Downstream laws fitted to a plain table of points (L_i, s_i) — each a model or checkpoint with its validation loss
 * L_i and one benchmark score s_i, an accuracy acc_i or an error Err_i = 1 − acc_i — by least squares, as
 * {@link BenchmarkLawFits} fits them to Gemstones' checkpoints:
 * <ul>
 *   <li>Gadre et al.'s (2024) error law Err(L) = ε − k·e^(−γ·L) ({@link DownstreamFitter}) to the errors
 *       (Err_i = 1 − acc_i when the scores are accuracies);</li>
 *   <li>Bhagia et al.'s (2024) sigmoid acc(L) = a / (1 + e^(−k·(L − L₀))) + b ({@link SigmoidAccuracyFitter}) to the
 *       accuracies (acc_i = 1 − Err_i when the scores are errors).</li>
 * </ul>
 * The score as given is fitted unchanged by the law of its own kind, so an error column is never turned into an
 * accuracy and back.
 *
 * @param losses     the losses L_i, in the table's order (copied)
 * @param scores     the scores s_i as given (copied)
 * @param kind       what the scores are
 * @param errorLaw   the error-law fit, if it was asked for
 * @param sigmoidLaw the sigmoid-law fit, if it was asked for
 */
public record LossScoreFits(double[] losses, double[] scores, Score kind, Optional<DownstreamFit> errorLaw,
                            Optional<SigmoidAccuracyFit> sigmoidLaw) {

    /** What a table's scores are. */
    public enum Score {
        /** Accuracies acc_i in [0, 1]. */
        ACCURACY,
        /** Errors Err_i = 1 − acc_i in [0, 1]. */
        ERROR
    }

    public LossScoreFits {
        losses = losses.clone();
        scores = scores.clone();
        if (losses.length != scores.length) {
            throw new IllegalArgumentException("need one score per loss, got " + losses.length + " losses and "
                    + scores.length + " scores");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(errorLaw, "errorLaw");
        Objects.requireNonNull(sigmoidLaw, "sigmoidLaw");
    }

    /**
     * Fits the laws whose fitters are given to the points (L_i, s_i).
     *
     * @throws IllegalArgumentException as the fitters, e.g. for too few points or a value that is not finite
     */
    public static LossScoreFits of(double[] losses, double[] scores, Score kind,
                                   Optional<DownstreamFitter> errorFitter,
                                   Optional<SigmoidAccuracyFitter> sigmoidFitter) {
        double[] error = kind == Score.ERROR ? scores.clone() : complement(scores);
        double[] accuracy = kind == Score.ACCURACY ? scores.clone() : complement(scores);
        return new LossScoreFits(losses, scores, kind, errorFitter.map(fitter -> fitter.fit(losses, error)),
                sigmoidFitter.map(fitter -> fitter.fit(losses, accuracy)));
    }

    /** The losses L_i; a copy. */
    @Override
    public double[] losses() {
        return losses.clone();
    }

    /** The scores s_i as given; a copy. */
    @Override
    public double[] scores() {
        return scores.clone();
    }

    /** The accuracies acc_i, the y of the sigmoid law (s_i, or 1 − s_i for errors). */
    public double[] accuracies() {
        return kind == Score.ACCURACY ? scores.clone() : complement(scores);
    }

    /** The smallest loss fitted. */
    public double lowestLoss() {
        return Arrays.stream(losses).min().orElse(Double.NaN);
    }

    /** The largest loss fitted. */
    public double highestLoss() {
        return Arrays.stream(losses).max().orElse(Double.NaN);
    }

    /** Whether a fit that was asked for failed. */
    public boolean anyFailed() {
        return errorLaw.map(fit -> fit.report().failed()).orElse(false)
                || sigmoidLaw.map(fit -> fit.report().failed()).orElse(false);
    }

    /**
     * The laws' predictions at {@code loss}: Err(L) of the error law and acc(L) of the sigmoid (each empty when that
     * law was not fitted or its fit failed), and whether L lies outside [min L_i, max L_i], where a prediction is an
     * extrapolation.
     */
    public Prediction predict(double loss) {
        OptionalDouble error = errorLaw.filter(fit -> !fit.report().failed())
                .map(fit -> OptionalDouble.of(fit.law().error(loss))).orElse(OptionalDouble.empty());
        OptionalDouble accuracy = sigmoidLaw.filter(fit -> !fit.report().failed())
                .map(fit -> OptionalDouble.of(fit.law().accuracy(loss))).orElse(OptionalDouble.empty());
        return new Prediction(loss, error, accuracy, loss < lowestLoss() || loss > highestLoss());
    }

    /**
     * The laws at one loss L.
     *
     * @param loss         the loss L
     * @param error        Err(L) = ε − k·e^(−γ·L) of the fitted error law, if there is one
     * @param accuracy     acc(L) = a / (1 + e^(−k·(L − L₀))) + b of the fitted sigmoid, if there is one
     * @param extrapolated whether L lies outside the range of the fitted losses
     */
    public record Prediction(double loss, OptionalDouble error, OptionalDouble accuracy, boolean extrapolated) {

        public Prediction {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(accuracy, "accuracy");
        }
    }

    private static double[] complement(double[] values) {
        return Arrays.stream(values).map(value -> 1 - value).toArray();
    }

    /** Equal if the points, their kind and the fits are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LossScoreFits that && Arrays.equals(losses, that.losses)
                && Arrays.equals(scores, that.scores) && kind == that.kind && errorLaw.equals(that.errorLaw)
                && sigmoidLaw.equals(that.sigmoidLaw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(losses), Arrays.hashCode(scores), kind, errorLaw, sigmoidLaw);
    }

    @Override
    public String toString() {
        return "LossScoreFits[" + losses.length + " points of " + kind + ", errorLaw=" + errorLaw + ", sigmoidLaw="
                + sigmoidLaw + "]";
    }
}
