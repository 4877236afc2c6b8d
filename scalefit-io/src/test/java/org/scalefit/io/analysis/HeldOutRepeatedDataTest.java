package org.scalefit.io.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.fit.StartGrid;
import org.scalefit.heldout.HeldOutLaw;
import org.scalefit.heldout.HoldOut;
import org.scalefit.io.DataSource;
import org.scalefit.io.ExpressionLawFiles;
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

    @Test
    void aRolloutOfAWrittenLawInTokensCautionsAsFitDoes() {
        HeldOutRequest request = new HeldOutRequest(DataSource.of("datablations:c4_published_fit"),
                HeldOutLaw.Written.of(ExpressionLawFiles.infer("user", "E + A/N^alpha + B/D^beta", Map.of(),
                        List.of())), null, HoldOut.named("rollout"), List.of(), List.of(), List.of());
        assertThat(request.prepare().repetitionCaution())
                .hasValueSatisfying(caution -> assertThat(caution).startsWith("repeated data: 153 of 182 runs"));
    }

    @Test
    void aRolloutOfAWrittenLawInUniqueTokensIsNotCautioned() {
        HeldOutRequest request = new HeldOutRequest(DataSource.of("datablations:c4_published_fit"),
                HeldOutLaw.Written.of(ExpressionLawFiles.infer("user", "E + A/N^alpha + B/D^beta + G/U^gamma",
                        Map.of(), List.of())), null, HoldOut.named("rollout"), List.of(), List.of(), List.of());
        assertThat(request.prepare().repetitionCaution()).isEmpty();
    }
}
