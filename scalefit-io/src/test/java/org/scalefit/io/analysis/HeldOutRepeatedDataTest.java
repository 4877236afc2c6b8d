package org.scalefit.io.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.fit.StartGrid;
import org.scalefit.heldout.HoldOut;
import org.scalefit.io.DataSource;
import org.scalefit.law.LawForm;

class HeldOutRepeatedDataTest {

    @Test
    void aRolloutOfTheBuiltInLawOnRunsThatRepeatTheirTokensCautionsAsFitDoes() {
        HeldOutRequest request = new HeldOutRequest(DataSource.of("datablations:c4_published_fit"),
                HeldOutRequest.builtIn(LawForm.CHINCHILLA, FitRequest.DEFAULT_DELTA, StartGrid.named("epoch", 2)),
                null, HoldOut.named("rollout"), List.of(), List.of(), List.of());
        assertThat(request.prepare().repetitionCaution())
                .hasValueSatisfying(caution -> assertThat(caution).startsWith("repeated data: 153 of 182 runs"));
    }
}
