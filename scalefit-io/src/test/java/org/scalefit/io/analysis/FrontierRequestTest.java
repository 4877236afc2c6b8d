package org.scalefit.io.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.DataSource;

class FrontierRequestTest {

    @TempDir
    Path folder;

    @Test
    void aNegativeNumberOfResamplesOrBinsIsRefused() {
        DataSource data = DataSource.of("runs.csv");

        assertThatThrownBy(() -> new FrontierRequest(data, FrontierRequest.Resource.FLOPS, CostRequest.defaults(), null,
                -5, 42, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5");
        assertThatThrownBy(() -> new FrontierRequest(data, FrontierRequest.Resource.FLOPS, CostRequest.defaults(), null,
                0, 42, -3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-3");
    }

    @Test
    void theColumnMappingsAreRecordedInTheProvenance() throws Exception {
        StringBuilder csv = new StringBuilder("n,d,val_loss,train_loss\n");
        for (double n = 1e7; n < 1e9; n *= 3) {
            for (double d = 1e9; d < 1e11; d *= 3) {
                double loss = 1.69 + 406.4 * Math.pow(n, -0.34) + 410.7 * Math.pow(d, -0.28);
                csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s%n", n, d, loss, loss * 0.98));
            }
        }
        Path runs = folder.resolve("runs.csv");
        Files.writeString(runs, csv);
        DataSource data = new DataSource(runs.toString(), Map.of("params", "n", "tokens", "d", "loss", "val_loss"));

        FrontierResult result = new FrontierRequest(data, FrontierRequest.Resource.FLOPS, CostRequest.defaults(),
                null, 0, 42, 0).run();

        assertThat(result.document().provenance().transforms()).contains("column loss=val_loss", "column params=n",
                "column tokens=d");
    }
    @Test
    void droppingDominatedRunsLeavesThemOutOfTheFrontierAndSaysSo() throws Exception {
        // 6·N·D = 6e17·{1, 4, 5, 6}; the run at line 4 diverged, so Gemstones' rule keeps line 5 though line 3
        // spends less for a lower loss.
        Path runs = folder.resolve("diverged.csv");
        Files.writeString(runs, "params,tokens,loss\n1e8,1e9,5\n1e8,4e9,1\n1e8,5e9,100\n1e8,6e9,1.2\n");
        DataSource data = DataSource.of(runs.toString());

        FrontierResult gemstones = new FrontierRequest(data, FrontierRequest.Resource.FLOPS, CostRequest.defaults(),
                null, 0, 42, 0).run();
        FrontierResult strict = new FrontierRequest(data, FrontierRequest.Resource.FLOPS, CostRequest.defaults(),
                null, 0, 42, 0, true).run();

        assertThat(gemstones.analysis().frontier().rows()).containsExactly(0, 1, 3);
        assertThat(strict.analysis().frontier().rows()).containsExactly(0, 1);
        assertThat(strict.hull().rows()).containsExactly(0, 1, 3);
        assertThat(strict.warnings()).singleElement().asString().contains("line 5").contains("left out")
                .contains("line 3");
        assertThat(strict.document().provenance().transforms()).anyMatch(t -> t.startsWith("frontier=strict"));
        assertThat(gemstones.document().provenance().transforms()).noneMatch(t -> t.startsWith("frontier="));
    }
    @Test
    void aFlopsColumnThatDisagreesWithSixNDIsAWarningSayingWhatTheFitsUse() throws Exception {
        StringBuilder csv = new StringBuilder("params,tokens,compute,loss\n");
        for (double n = 1e7; n < 1e9; n *= 3) {
            for (double d = 1e9; d < 1e11; d *= 3) {
                double loss = 1.69 + 406.4 * Math.pow(n, -0.34) + 410.7 * Math.pow(d, -0.28);
                csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s%n", n, d / 1e9, 6 * n * d, loss));
            }
        }
        Path runs = Files.writeString(folder.resolve("runs.csv"), csv);
        CostRequest costs = new CostRequest("compute", null, CostRequest.defaults().architecture(), false, 8);

        FrontierResult result = new FrontierRequest(DataSource.of(runs.toString()), FrontierRequest.Resource.FLOPS,
                costs, null, 0, 42, 0).run();

        assertThat(result.warnings()).anyMatch(w -> w.contains("'compute' disagrees with 6·'params'·'tokens'")
                && w.contains("25 of 25 rows") && w.contains("billions") && w.contains("as they are"));
    }
}
