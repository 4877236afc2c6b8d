package org.scalefit.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scalefit.law.FittedLaw;

/**
 * The laws of a bootstrap's replicates θ_r that an analysis repeats itself for: every replicate but those whose
 * refit failed and those with a parameter that is not finite, which are left out.
 *
 * @param laws    the replicates' laws, in replicate order
 * @param indices each law's replicate index
 * @param leftOut the replicates left out, ascending
 */
record ReplicateLaws(List<FittedLaw> laws, List<Integer> indices, List<Integer> leftOut) {

    ReplicateLaws {
        laws = List.copyOf(laws);
        indices = List.copyOf(indices);
        leftOut = List.copyOf(leftOut);
    }

    /**
     * The laws of {@code replicates} (rows in {@code estimate}'s parameter order) but those listed in {@code failed}.
     *
     * @throws IllegalArgumentException if a replicate has the wrong number of parameters
     */
    static ReplicateLaws of(FittedLaw estimate, double[][] replicates, int[] failed) {
        List<FittedLaw> laws = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        List<Integer> leftOut = new ArrayList<>();
        for (int r = 0; r < replicates.length; r++) {
            double[] theta = replicates[r];
            if (theta.length != estimate.form().parameterCount()) {
                throw new IllegalArgumentException("replicate " + r + " has " + theta.length + " parameters, law "
                        + estimate.form().name() + " has " + estimate.form().parameterCount());
            }
            int index = r;
            if (Arrays.stream(failed).anyMatch(f -> f == index) || !Arrays.stream(theta).allMatch(Double::isFinite)) {
                leftOut.add(r);
            } else {
                laws.add(new FittedLaw(estimate.form(), theta));
                indices.add(r);
            }
        }
        return new ReplicateLaws(laws, indices, leftOut);
    }
}
