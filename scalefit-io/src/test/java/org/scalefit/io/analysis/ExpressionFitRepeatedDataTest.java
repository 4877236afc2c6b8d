package org.scalefit.io.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.fit.Identification;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.io.DataSource;
import org.scalefit.io.ExpressionLawFiles;
import org.scalefit.law.expr.ExpressionLaw;

/** The repeated-data caution of a fit of a law written as text ({@link PreparedExpressionFit}). */
class ExpressionFitRepeatedDataTest {

    @TempDir
    Path folder;

    /** 16 runs of L = 1.7 + 400/N^0.34 + 410/D^0.28, D = 2…16 B tokens; {@code unique} unique tokens each. */
    private Path runs(String name, String unique) throws IOException {
        StringBuilder csv = new StringBuilder(unique == null ? "params,tokens,loss\n"
                : "params,tokens,unique_tokens,loss\n");
        for (double n : new double[] {1e8, 2e8, 4e8, 8e8}) {
            for (double d : new double[] {2e9, 4e9, 8e9, 16e9}) {
                double loss = 1.7 + 400 / Math.pow(n, 0.34) + 410 / Math.pow(d, 0.28);
                csv.append(String.format(Locale.ROOT, "%.6g,%.6g%s,%.9f%n", n, d, unique == null ? ""
                        : "," + unique, loss));
            }
        }
        return Files.writeString(folder.resolve(name), csv);
    }

    private static PreparedExpressionFit read(String law, Path data) {
        ExpressionLaw written = ExpressionLawFiles.infer("user", law, Map.of(), List.of());
        return PreparedExpressionFit.read(written, null, DataSource.of(data.toString()), data.toString(),
                MultiStartFitter.Options.defaults(), Identification.Limits.DEFAULTS, null, 0);
    }

    @Test
    void aWrittenLawInTokensOnRunsThatRepeatThemIsCautioned() throws IOException {
        PreparedExpressionFit prepared = read("E + A/N^alpha + B/D^beta", runs("repeated.csv", "4e9"));
        assertThat(prepared.caution()).hasValueSatisfying(caution -> assertThat(caution)
                .startsWith("repeated data: 8 of 16 points").contains("up to 4 epochs")
                .contains("--law data-constrained"));
        assertThat(prepared.cacheKey().options()).contains("repeated_data");
    }

    @Test
    void aWrittenLawThatReadsTheUniqueTokensModelsRepetitionAndIsNotCautioned() throws IOException {
        PreparedExpressionFit prepared = read("E + A/N^alpha + B/U^beta", runs("repeated.csv", "4e9"));
        assertThat(prepared.caution()).isEmpty();
        assertThat(prepared.cacheKey().options()).doesNotContain("repeated_data");
    }

    @Test
    void aUniqueTokensColumnNeitherEntersTheTableNorTheStoreKey() throws IOException {
        Path fresh = runs("fresh.csv", "16e9");
        Path plain = runs("plain.csv", null);
        PreparedExpressionFit with = read("E + A/N^alpha + B/D^beta", fresh);
        assertThat(with.caution()).isEmpty();
        assertThat(with.table().hasColumn("unique_tokens")).isFalse();
        assertThat(with.cacheKey().options().replace(fresh.toString(), "runs")).isEqualTo(
                read("E + A/N^alpha + B/D^beta", plain).cacheKey().options().replace(plain.toString(), "runs"));
    }
}
