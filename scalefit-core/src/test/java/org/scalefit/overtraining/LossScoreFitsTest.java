package org.scalefit.overtraining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LossScoreFitsTest {

    private static final DownstreamErrorLaw TRUTH = new DownstreamErrorLaw(8.0, 1.6, 0.75);
    private static final double[] LOSS = {2.2, 2.5, 2.8, 3.1, 3.4, 3.7, 4.0, 4.3};

    private static double[] errors() {
        double[] error = new double[LOSS.length];
        for (int i = 0; i < LOSS.length; i++) {
            error[i] = TRUTH.error(LOSS[i]);
        }
        return error;
    }

    @Test
    void theErrorLawIsFittedToOneMinusTheAccuracies() {
        double[] accuracy = java.util.Arrays.stream(errors()).map(error -> 1 - error).toArray();
        LossScoreFits fits = LossScoreFits.of(LOSS, accuracy, LossScoreFits.Score.ACCURACY,
                Optional.of(DownstreamFitter.gadre()), Optional.empty());
        assertThat(fits.errorLaw().orElseThrow().law().parameters()).containsExactly(TRUTH.parameters(),
                within(1e-6));
        assertThat(fits.sigmoidLaw()).isEmpty();
        assertThat(fits.accuracies()).containsExactly(accuracy);
    }

    /** Errors are fitted as given, and the sigmoid sees 1 − error: the same fit as of the accuracies 1 − error. */
    @Test
    void errorsAreFittedAsGivenAndTheSigmoidSeesTheirComplement() {
        double[] error = errors();
        LossScoreFits fromErrors = LossScoreFits.of(LOSS, error, LossScoreFits.Score.ERROR,
                Optional.of(DownstreamFitter.gadre()), Optional.of(SigmoidAccuracyFitter.bhagia()));
        DownstreamFit direct = DownstreamFitter.gadre().fit(LOSS, error);
        assertThat(fromErrors.errorLaw().orElseThrow().law()).isEqualTo(direct.law());
        double[] accuracy = java.util.Arrays.stream(error).map(value -> 1 - value).toArray();
        assertThat(fromErrors.accuracies()).containsExactly(accuracy);
        assertThat(fromErrors.sigmoidLaw().orElseThrow().law())
                .isEqualTo(SigmoidAccuracyFitter.bhagia().fit(LOSS, accuracy).law());
    }

    @Test
    void predictionsEvaluateTheFittedLawsAndFlagLossesOutsideTheFittedRange() {
        SigmoidAccuracyLaw sigmoid = new SigmoidAccuracyLaw(0.5, -3, 3.0, 0.25);
        double[] accuracy = java.util.Arrays.stream(LOSS).map(sigmoid::accuracy).toArray();
        LossScoreFits fits = LossScoreFits.of(LOSS, accuracy, LossScoreFits.Score.ACCURACY,
                Optional.of(DownstreamFitter.gadre()), Optional.of(SigmoidAccuracyFitter.bhagia()));
        LossScoreFits.Prediction inside = fits.predict(3.0);
        assertThat(inside.error().getAsDouble()).isEqualTo(fits.errorLaw().orElseThrow().law().error(3.0));
        assertThat(inside.accuracy().getAsDouble()).isCloseTo(sigmoid.accuracy(3.0), within(1e-7));
        assertThat(inside.extrapolated()).isFalse();
        assertThat(fits.predict(2.2).extrapolated()).isFalse();
        assertThat(fits.predict(4.3).extrapolated()).isFalse();
        assertThat(fits.predict(2.1).extrapolated()).isTrue();
        assertThat(fits.predict(4.4).extrapolated()).isTrue();
    }

    @Test
    void aLawNotFittedPredictsNothing() {
        LossScoreFits fits = LossScoreFits.of(LOSS, errors(), LossScoreFits.Score.ERROR,
                Optional.of(DownstreamFitter.gadre()), Optional.empty());
        assertThat(fits.predict(3.0).accuracy()).isEmpty();
        assertThat(fits.predict(3.0).error().getAsDouble()).isCloseTo(TRUTH.error(3.0), within(1e-7));
    }

    @Test
    void lossesAndScoresMustPair() {
        assertThatThrownBy(() -> new LossScoreFits(new double[] {1, 2}, new double[] {0.5}, LossScoreFits.Score.ERROR,
                Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 losses and 1 scores");
    }
}
