package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;

/** A fit's warning naming the points its law misses by far ({@link FarResiduals}), which Huber keeps out of sight. */
class FarPointsWarningTest {

    /** Sizes 1e7 … 1e7·3⁴ at tokens/params 5 … 80, losses of Chinchilla's law, point {@code outlier} (if ≥ 0) ×3.5. */
    private static Observations ladder(int outlier) {
        List<double[]> inputs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            double n = 1e7 * Math.pow(3, s);
            for (double ratio = 5; ratio <= 80; ratio *= 2) {
                double d = ratio * n;
                inputs.add(new double[] {n, d});
                double loss = 1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28);
                losses.add(losses.size() == outlier ? 3.5 * loss : loss);
            }
        }
        return new Observations("ladder", List.of("params", "tokens"), inputs.toArray(double[][]::new),
                losses.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static LawFit fit(Observations data) {
        return FitProblem.of(LawForm.CHINCHILLA, data, 1e-3, StartGrid.gemstones(2))
                .fit(LocalParallelism.withThreads(2), FitProgress.silent());
    }

    @Test
    void aLossThreeAndAHalfTimesTheLawIsNamedInTheFitsWarnings() {
        LawFit fit = fit(ladder(7));
        assertThat(fit.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("far points: 1 of 25 points is more than 10 % off the law (|ln L − ln L̂| > 0.1): "
                        + "point 8 (params = 3.000e+07, tokens = 6.000e+08: loss 15.00, law 4.287)")
                .contains("A diverged or mislabelled run?"));
    }

    @Test
    void aFitThroughEveryPointNamesNone() {
        assertThat(fit(ladder(-1)).warnings()).noneMatch(warning -> warning.startsWith("far points"));
    }
}
