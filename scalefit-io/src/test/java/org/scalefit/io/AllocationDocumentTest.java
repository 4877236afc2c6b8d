package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.law.Allocation;

/** The allocation document is a record written and read by the shared mapper. */
class AllocationDocumentTest {

    private static AllocationDocument withoutLoss() {
        return new AllocationDocument("rule.json", "", List.of("exponent α at a grid edge"), null, null, null,
                List.of(AllocationDocument.Row.of(new Allocation(1e21, 1e9, 2e10, Double.NaN))),
                new VersionProvenance("test"));
    }

    @Test
    void aDocumentReadsBackAsTheSameRecord() {
        AllocationDocument document = withoutLoss();
        assertThat(Documents.read(document.write(), AllocationDocument.class, "test")).isEqualTo(document);
    }

    @Test
    void aRuleWithoutLossOrExponentsWritesNeitherButWritesTheLawsWarnings() {
        String json = withoutLoss().write();
        assertThat(json).doesNotContain("predicted_loss", "params_exponent", "\"G\"", "\"source\"")
                .contains("\"law_warnings\" : [ \"exponent α at a grid edge\" ]");
    }

    @Test
    void theCsvLeavesAnEmptyCellForAMissingLoss() {
        assertThat(withoutLoss().csv()).isEqualTo("compute,params,tokens,tokens_per_param,predicted_loss\n"
                + "1E+21,1E+9,2E+10,2E+1,\n");
    }
}
