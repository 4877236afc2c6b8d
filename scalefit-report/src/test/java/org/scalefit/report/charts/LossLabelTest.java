package org.scalefit.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LossLabelTest {

    @Test
    void aColumnThatSaysNothingMoreIsALossNamedByItsColumn() {
        assertThat(LossLabel.ofColumn("final_loss")).isEqualTo("loss (column final_loss)");
    }

    @Test
    void thePlainLossColumnIsJustLoss() {
        assertThat(LossLabel.ofColumn("loss")).isEqualTo("loss");
    }

    @Test
    void aValidationOrTrainingColumnSaysWhichLoss() {
        assertThat(LossLabel.ofColumn("val_loss")).isEqualTo("validation loss (column val_loss)");
        assertThat(LossLabel.ofColumn("train/loss")).isEqualTo("training loss (column train/loss)");
    }

    @Test
    void onlyACrossEntropyColumnGetsTheUnitNatsPerToken() {
        assertThat(LossLabel.ofColumn("eval_ce")).isEqualTo("validation loss (nats/token; column eval_ce)");
        assertThat(LossLabel.ofColumn("error_rate")).isEqualTo("loss (column error_rate)");
        assertThat(LossLabel.ofColumn("valence")).isEqualTo("loss (column valence)");
    }
}
