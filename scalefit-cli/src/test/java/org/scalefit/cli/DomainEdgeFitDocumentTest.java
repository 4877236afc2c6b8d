package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.io.ExpressionFitDocument;

/**
 * A fit of the data-constrained law that ends at the edge R_D* → 0+ of the law's domain (five points of the
 * adversarial table of seed 601, on which the C4 base cannot follow repeated data; the core's
 * {@code DataConstrainedEdgeTest}) prints the edge warning and records the edge in its document, which reads back as
 * written.
 */
class DomainEdgeFitDocumentTest {

    @TempDir
    Path folder;

    @Test
    void aFitAtTheEdgeOfTheLawsDomainRecordsTheEdgeInItsDocument() throws Exception {
        Path data = Files.writeString(folder.resolve("edge.csv"), "params,tokens,unique_tokens,loss\n"
                + "1.34e+07,1.7688e+08,8.04e+06,9.509410244\n2.57e+07,1.542e+09,5.14e+08,6.98413373\n"
                + "2.57e+07,4.62e+10,1.54e+08,6.809359746\n3.48e+08,2.085e+12,1.39e+10,3.536389755\n"
                + "4.69e+09,4.69e+12,9.38e+09,2.878869417\n");
        Path out = folder.resolve("fit.json");

        CliRun run = CliRun.of("fit", "--data", data.toString(), "--law", "data-constrained", "--threads", "1",
                "--no-store", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("warning: edge: R_D_star = ", "R_D_star → 0+");
        String written = Files.readString(out);
        ExpressionFitDocument document = ExpressionFitDocument.read(out.toString(), written);
        assertThat(document.status()).isEqualTo("converged");
        assertThat(document.domainEdges()).singleElement().satisfies(edge -> {
            assertThat(edge.parameter()).isEqualTo("R_D_star");
            assertThat(edge.value()).isEqualTo(document.parameters().get("R_D_star"));
            assertThat(edge.slope()).isPositive();
            assertThat(edge.limit()).isZero();
            assertThat(edge.objectiveBeyond()).isGreaterThan(document.objective());
        });
        assertThat(document.write()).isEqualTo(written);
    }
}
