package org.scalefit.report.charts;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;

/** Points that follow a params/tokens law exactly, for figure tests that need real fits of small inputs. */
public final class SyntheticRuns {

    /** Chinchilla's rounded law (Hoffmann et al. 2022 eq. 10) as θ = [α, β, ln A, ln B, ln E]. */
    public static final double[] CHINCHILLA = {0.34, 0.28, Math.log(406.4), Math.log(410.7), Math.log(1.69)};

    private SyntheticRuns() {
    }

    /** L(N, D) of {@link #CHINCHILLA} at every (N, D) of params × tokens, N-major. */
    public static Observations chinchilla(double[] params, double[] tokens) {
        List<double[]> inputs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (double n : params) {
            for (double d : tokens) {
                inputs.add(new double[] {n, d});
                losses.add(LawForm.CHINCHILLA.predict(CHINCHILLA, new double[] {n, d}));
            }
        }
        return new Observations("synthetic", LawForm.CHINCHILLA.inputs(), inputs.toArray(double[][]::new),
                losses.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
