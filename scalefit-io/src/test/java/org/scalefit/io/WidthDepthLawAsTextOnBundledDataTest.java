package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.StartGrid;
import org.scalefit.law.LawForm;
import org.scalefit.law.expr.ExpressionFit;
import org.scalefit.law.expr.ExpressionFitRequest;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.LawExpression;
import org.scalefit.law.expr.LawPoints;
import org.scalefit.law.expr.ParameterSpec;
import org.scalefit.law.expr.Penalty;
import org.scalefit.parallel.LocalParallelism;

/**
 * Gemstones' width–depth law L = e^e + e^(c_w − α_w·log w) + e^(c_d − α_d·log d) + e^(c_D − α_D·log D) written as
 * text reaches the built-in width–depth optimum (δ = 10⁻³, Gemstones' 135 000-start grid) on a bundled dataset; a
 * class of its own (not in {@link ExpressionLawOnBundledDataTest}) so that CI's two test JVMs share the work.
 */
@Tag("exhaustive")
class WidthDepthLawAsTextOnBundledDataTest {

    @Test
    void theWidthDepthLawWrittenAsTextReachesTheBuiltInOptimum() {
        // 24 points: the 770 of gemstones:hot_100b+ take minutes per 135 000-start fit on a shared machine (the
        // timing harness ExpressionLawTiming width-depth-fit compares that set)
        String id = "gemstones:hot_sampled_like_chinchilla";
        LawForm form = LawForm.named("width-depth");
        RunTable table = new TableReader().read(id, ColumnRequest.of("width", "depth", "tokens", "loss"));
        Observations observations = Observations.fromTable(table, form.inputs(), "loss");
        LocalParallelism threads = LocalParallelism.withThreads(2);
        LawFit builtIn = FitProblem.of(form, observations, 1e-3, StartGrid.gemstones(3))
                .fit(threads, FitProgress.silent());

        LawExpression text = LawExpression.parse("exp(e) + exp(c_w - alpha_w*log(w)) + exp(c_d - alpha_d*log(d))"
                + " + exp(c_D - alpha_D*log(D))", List.of("w", "d", "D"),
                List.of("alpha_w", "alpha_d", "alpha_D", "c_w", "c_d", "c_D", "e"));
        ExpressionLaw law = ExpressionLaw.of("width-depth as text", text)
                .withColumn("w", "width").withColumn("d", "depth").withColumn("D", "tokens")
                .withPenalty(Penalty.huber(1e-3));
        for (String exponent : List.of("alpha_w", "alpha_d", "alpha_D")) {
            law = law.withParameter(ParameterSpec.free(exponent).withStarts(0, 0.5, 1, 1.5, 2));
        }
        for (String coefficient : List.of("c_w", "c_d", "c_D")) {
            law = law.withParameter(ParameterSpec.free(coefficient).withStarts(0, 5, 10, 15, 20, 25));
        }
        law = law.withParameter(ParameterSpec.free("e").withStarts(-1, -0.5, 0, 0.5, 1));
        ExpressionFit written = ExpressionFitRequest.of(law, LawPoints.of(observations)).run(threads, FitProgress.silent());

        assertThat(written.objective()).as("width-depth as text on %s", id)
                .isCloseTo(builtIn.loss(), within(1e-9 * builtIn.loss()));
        assertThat(written.parameter("alpha_w")).isCloseTo(builtIn.parameters()[0], within(1e-3));
    }
}
