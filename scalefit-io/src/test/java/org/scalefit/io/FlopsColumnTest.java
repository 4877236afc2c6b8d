package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalefit.data.RunTable;

/** The checks of a FLOPs column name the {@code --unit} option that reads a column counted in a larger unit. */
class FlopsColumnTest {

    private static RunTable table(double[] flops, double[] params, double[] tokens) {
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("flops", flops);
        columns.put("params", params);
        columns.put("tokens", tokens);
        return new RunTable("runs.csv", "0", columns, new int[] {2, 3, 4});
    }

    @Test
    void tokensInBillionsAreNamedWithTheOptionThatReadsThemAsCounts() {
        double[] params = {1e8, 2e8, 4e8};
        double[] tokens = {2, 4, 8};
        double[] flops = {1.2e18, 4.8e18, 1.92e19};

        String warning = FlopsColumn.sixNDDisagreement(table(flops, params, tokens), flops, params, tokens, "C", "N",
                "D", "the fit uses params and tokens").orElseThrow();

        assertThat(warning).contains("are the tokens ('D') in billions? If so, add --unit tokens=1e9");
    }

    @Test
    void flopsInPetaflopDaysAreNamedWithTheOptionThatReadsThemAsFlops() {
        double[] params = {1e8, 2e8, 4e8};
        double[] tokens = {2e9, 4e9, 8e9};
        double[] flops = {0.0139, 0.0556, 0.222};

        InputException error = catchThrowableOfType(InputException.class, () -> FlopsColumn.requireAtLeastOneToken(
                table(flops, params, tokens), flops, params, "C", "N"));

        assertThat(error.getMessage()).contains("PF-days are 8.64e19 FLOPs: --unit flops=8.64e19");
    }
}
