package org.scalefit.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;
import org.scalefit.accounting.TrainingCompute;
import org.scalefit.data.RunTable;
import org.scalefit.frontier.Approach1;
import org.scalefit.frontier.LogLogFit;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.PublishedValues;
import org.scalefit.io.TableReader;

/**
 * Approach 1 against every file of Gemstones' {@code parameters/} folder: the convex-hull frontier of final loss
 * against exact (GQA) FLOPs on the 477-step tables, and the log-log fits of params, tokens and tokens per parameter,
 * with and without embeddings.
 */
class PublishedApproach1Test {

    static Stream<Arguments> publishedFiles() {
        return Stream.of(
                Arguments.of("", "hot_477", false), Arguments.of("_no_embeds", "hot_477", true),
                Arguments.of("_100b+", "hot_100b+_477", false), Arguments.of("_100b+_no_embeds", "hot_100b+_477", true),
                Arguments.of("_120b+_only", "hot_120b+_only_477", false),
                Arguments.of("_120b+_only_no_embeds", "hot_120b+_only_477", true));
    }

    @ParameterizedTest(name = "approach_1_linear_regression_*{0}.json from {1}")
    @MethodSource("publishedFiles")
    void reproducesThePublishedSlopesAndIntercepts(String suffix, String set, boolean noEmbeds) {
        RunTable table = new TableReader().read("gemstones:" + set,
                ColumnRequest.of("width", "depth", "tokens", "loss", "params"));
        double[] width = table.column("width");
        double[] depth = table.column("depth");
        double[] tokens = table.column("tokens");
        double[] params = noEmbeds ? TrainingCompute.parameters(width, depth, Architecture.gemstones().withVocabulary(0))
                : table.column("params");
        double[] flops = TrainingCompute.flops(width, depth, tokens, Architecture.gemstones(), FlopCount.GEMSTONES_GQA);
        Approach1 analysis = Approach1.of(flops, table.column("loss"), params, tokens, 0, 0);

        int compared = 0;
        compared += compare("params" + suffix, analysis.params());
        compared += compare("tokens" + suffix, analysis.tokens());
        compared += compare("tokens_per_param" + suffix, analysis.tokensPerParam());
        assertThat(compared).as("published files for %s", suffix).isGreaterThanOrEqualTo(2);
    }

    /** Compares with the published file if there is one; returns 1 if compared. */
    private static int compare(String name, LogLogFit fit) {
        Optional<PublishedValues.LogLogLine> published = PublishedValues.gemstonesApproach1(name);
        if (published.isEmpty()) {
            return 0;
        }
        assertThat(fit.slope()).as("%s slope", name).isCloseTo(published.get().slope(), within(1e-9));
        assertThat(fit.intercept()).as("%s intercept", name).isCloseTo(published.get().intercept(), within(1e-9));
        return 1;
    }
}
