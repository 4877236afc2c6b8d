package org.scalefit.io.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.io.ExpressionLawFiles;

class PredictRequestTest {

    private static PredictRequest atCompute(ExpressionLawFiles.Fitted law, double compute) {
        return new PredictRequest(law, List.of(), List.of(compute), 95);
    }

    private static ExpressionLawFiles.Fitted fitted(String text, Map<String, Double> values) {
        var law = ExpressionLawFiles.infer("user", text, Map.of(), List.of());
        return new ExpressionLawFiles.Fitted(law, law.theta(values));
    }

    @Test
    void aBudgetIsSplitIntoParametersAndTokensWhicheverOrderTheLawReadsThem() {
        Map<String, Double> values = Map.of("E", 1.69, "A", 406.4, "alpha", 0.34, "B", 410.7, "beta", 0.28);
        var dFirst = fitted("E + B/D^beta + A/N^alpha", values);
        var nFirst = fitted("E + A/N^alpha + B/D^beta", values);
        assertThat(atCompute(dFirst, 1e23).run().allocationRows())
                .isEqualTo(atCompute(nFirst, 1e23).run().allocationRows());
    }

    @Test
    void aLawOfParametersAndTokensPerParameterHasNoAllocationAsIfItsSecondInputWereTokens() {
        // Gadre et al.'s law reads M = D/N, not D: splitting C = 6·N·D as if M were D is wrong
        var gadre = ExpressionLawFiles.named("gadre-overtraining",
                Map.of("alpha", 1000.0, "beta", 1000.0, "b", -0.3, "E", 1.0));
        assertThatThrownBy(() -> atCompute(gadre, 1e21).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokens_per_param");
    }
}
