package org.scalefit.overtraining;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scalefit.data.ScoresAtLoss;

/**
 * Downstream laws of benchmark scores in validation loss, fitted by least squares to every checkpoint at its loss L_i
 * (Gemstones' {@code gadre_fit.py} and {@code bhagia_fit.py}):
 * <ul>
 *   <li>the error law Err(L) = ε − k·e^(−γ·L) ({@link DownstreamErrorLaw}) to y_i = avg_err = 1 − avg_acc;</li>
 *   <li>the sigmoid law acc(L) = a / (1 + e^(−k·(L − L₀))) + b ({@link SigmoidAccuracyLaw}) to y_i = avg_acc.</li>
 * </ul>
 * (The study fits the sigmoid to per-task losses that are not published; here x is the same loss for both laws.)
 *
 * @param points     the checkpoints and their losses, in order
 * @param errorLaw   the error-law fit, if it was asked for
 * @param sigmoidLaw the sigmoid-law fit, if it was asked for
 */
public record BenchmarkLawFits(List<ScoresAtLoss> points, Optional<DownstreamFit> errorLaw,
                               Optional<SigmoidAccuracyFit> sigmoidLaw) {

    public BenchmarkLawFits {
        points = List.copyOf(points);
        Objects.requireNonNull(errorLaw, "errorLaw");
        Objects.requireNonNull(sigmoidLaw, "sigmoidLaw");
    }

    /**
     * Fits the laws whose fitters are given.
     *
     * @throws IllegalArgumentException as the fitters, e.g. for too few points
     */
    public static BenchmarkLawFits of(List<ScoresAtLoss> points, Optional<DownstreamFitter> errorFitter,
                                      Optional<SigmoidAccuracyFitter> sigmoidFitter) {
        double[] loss = points.stream().mapToDouble(ScoresAtLoss::loss).toArray();
        double[] error = points.stream().mapToDouble(point -> point.scores().averageError()).toArray();
        double[] accuracy = points.stream().mapToDouble(point -> point.scores().averageAccuracy()).toArray();
        return new BenchmarkLawFits(points, errorFitter.map(fitter -> fitter.fit(loss, error)),
                sigmoidFitter.map(fitter -> fitter.fit(loss, accuracy)));
    }

    /** The losses L_i, the x of both laws. */
    public double[] losses() {
        return points.stream().mapToDouble(ScoresAtLoss::loss).toArray();
    }

    /** The average accuracies avg_acc_i, the y of the sigmoid law. */
    public double[] averageAccuracies() {
        return points.stream().mapToDouble(point -> point.scores().averageAccuracy()).toArray();
    }

    /** Whether a fit that was asked for failed. */
    public boolean anyFailed() {
        return errorLaw.map(fit -> fit.report().failed()).orElse(false)
                || sigmoidLaw.map(fit -> fit.report().failed()).orElse(false);
    }
}
