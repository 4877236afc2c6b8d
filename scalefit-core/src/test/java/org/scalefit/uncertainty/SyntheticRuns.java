package org.scalefit.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.scalefit.data.Observations;
import org.scalefit.data.RunKeys;
import org.scalefit.law.LawForm;

/**
 * Training runs of a Chinchilla-form law (A 406.4, B 410.7, E 1.69, α 0.34, β 0.28): {@code sizes} models from
 * 5·10⁷ to 5·10⁹ parameters, each with {@code checkpoints} checkpoints from 2·10⁹ to 2·10¹¹ tokens; each run's
 * losses carry a common multiplicative offset (a run effect) plus independent noise, so checkpoints of a run are
 * correlated as real ones are.
 */
record SyntheticRuns(Observations observations, RunKeys runs) {

    static final double[] TRUTH = {0.34, 0.28, Math.log(406.4), Math.log(410.7), Math.log(1.69)};

    static SyntheticRuns of(int sizes, int checkpoints, double runEffect, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> inputs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        List<double[]> keys = new ArrayList<>();
        for (int s = 0; s < sizes; s++) {
            double params = 5e7 * Math.pow(100, s / (sizes - 1.0));
            double offset = runEffect * random.nextGaussian();
            for (int c = 0; c < checkpoints; c++) {
                double tokens = 2e9 * Math.pow(100, c / (checkpoints - 1.0));
                inputs.add(new double[] {params, tokens});
                losses.add(LawForm.CHINCHILLA.predict(TRUTH, params, tokens)
                        * Math.exp(offset + noise * random.nextGaussian()));
                keys.add(new double[] {params});
            }
        }
        Observations observations = new Observations("synthetic runs", LawForm.CHINCHILLA.inputs(),
                inputs.toArray(double[][]::new), losses.stream().mapToDouble(Double::doubleValue).toArray());
        return new SyntheticRuns(observations, RunKeys.of(keys.toArray(double[][]::new)));
    }
}
