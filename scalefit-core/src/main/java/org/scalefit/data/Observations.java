package org.scalefit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The points a law is fitted to: for each run, the law's inputs x<sub>1</sub>…x<sub>k</sub> and its loss, all
 * strictly positive and finite.
 *
 * @param source     where the points came from (dataset id or file), for provenance
 * @param inputNames the logical names of the k inputs, in the law's order
 * @param inputs     inputs[i][j] is input j of point i
 * @param losses     the loss of each point
 */
public record Observations(String source, List<String> inputNames, double[][] inputs, double[] losses) {

    public Observations {
        Objects.requireNonNull(source, "source");
        inputNames = List.copyOf(inputNames);
        if (inputs.length != losses.length) {
            throw new IllegalArgumentException(inputs.length + " input rows but " + losses.length + " losses");
        }
        double[][] copy = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != inputNames.size()) {
                throw new IllegalArgumentException("point " + i + " has " + inputs[i].length + " inputs, expected "
                        + inputNames.size());
            }
            copy[i] = inputs[i].clone();
            for (double value : copy[i]) {
                requirePositiveFinite(value, "input", i);
            }
            requirePositiveFinite(losses[i], "loss", i);
        }
        inputs = copy;
        losses = losses.clone();
    }

    private static void requirePositiveFinite(double value, String what, int point) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " of point " + point + " must be positive and finite, was " + value);
        }
    }

    /** Selects the named columns of a run table as inputs, and {@code lossColumn} as the loss. */
    public static Observations fromTable(RunTable table, List<String> inputColumns, String lossColumn) {
        int n = table.rows();
        double[][] inputs = new double[n][inputColumns.size()];
        for (int j = 0; j < inputColumns.size(); j++) {
            double[] column = table.column(inputColumns.get(j));
            for (int i = 0; i < n; i++) {
                inputs[i][j] = column[i];
            }
        }
        return new Observations(table.source(), inputColumns, inputs, table.column(lossColumn));
    }

    /** Number of points. */
    public int size() {
        return losses.length;
    }

    /** Number of inputs per point. */
    public int arity() {
        return inputNames.size();
    }

    @Override
    public double[][] inputs() {
        double[][] copy = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            copy[i] = inputs[i].clone();
        }
        return copy;
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    /** The inputs column by column: element [j][i] is input j of point i. */
    public double[][] inputColumns() {
        double[][] columns = new double[arity()][inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                columns[j][i] = inputs[i][j];
            }
        }
        return columns;
    }

    /** Input j of point i. */
    public double input(int i, int j) {
        return inputs[i][j];
    }

    /** The loss of point i. */
    public double loss(int i) {
        return losses[i];
    }

    /**
     * Epoch AI's outlier rule for the Chinchilla points: keep only the points whose loss is strictly below the
     * {@code count}-th largest loss (Besiroglu et al. 2024, {@code nr_of_models_excluded = 5}). Ties at the threshold
     * are dropped too, exactly as the original.
     */
    public Observations withoutHighestLosses(int count) {
        if (count <= 0) {
            return this;
        }
        if (count > losses.length) {
            throw new IllegalArgumentException("cannot drop " + count + " of " + losses.length + " points");
        }
        double[] sorted = losses.clone();
        Arrays.sort(sorted);
        double threshold = sorted[sorted.length - count];
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            if (losses[i] < threshold) {
                kept.add(i);
            }
        }
        double[][] keptInputs = new double[kept.size()][];
        double[] keptLosses = new double[kept.size()];
        for (int r = 0; r < kept.size(); r++) {
            keptInputs[r] = inputs[kept.get(r)];
            keptLosses[r] = losses[kept.get(r)];
        }
        return new Observations(source, inputNames, keptInputs, keptLosses);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Observations that && source.equals(that.source) && inputNames.equals(that.inputNames)
                && Arrays.deepEquals(inputs, that.inputs) && Arrays.equals(losses, that.losses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, inputNames, Arrays.deepHashCode(inputs), Arrays.hashCode(losses));
    }

    @Override
    public String toString() {
        return "Observations[" + source + ", " + size() + " points, inputs " + inputNames + "]";
    }
}
