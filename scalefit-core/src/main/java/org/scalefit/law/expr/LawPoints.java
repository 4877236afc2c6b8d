package org.scalefit.law.expr;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.scalefit.data.Observations;

/**
 * The data an {@link ExpressionLaw} is fitted to: named columns of finite values (one value per point), the
 * observed loss of each point, and a non-negative weight per point (the w_i of F = Σ w_i·ρ(r_i); all 1 by default).
 * Unlike {@link Observations}, values may be zero or negative (a law with raw residuals may fit such losses).
 *
 * @param source      where the points came from, for provenance
 * @param columnNames the names of the columns
 * @param columns     columns[c][i] is column c at point i
 * @param losses      the observed loss of each point
 * @param weights     the weight of each point
 */
public record LawPoints(String source, List<String> columnNames, double[][] columns, double[] losses,
                        double[] weights) implements Serializable {

    public LawPoints {
        Objects.requireNonNull(source, "source");
        columnNames = List.copyOf(columnNames);
        if (columns.length != columnNames.size()) {
            throw new IllegalArgumentException(columnNames.size() + " column names for " + columns.length
                    + " columns");
        }
        if (weights.length != losses.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + losses.length + " points");
        }
        double[][] copy = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].length != losses.length) {
                throw new IllegalArgumentException("column " + columnNames.get(c) + " has " + columns[c].length
                        + " values for " + losses.length + " points");
            }
            copy[c] = columns[c].clone();
            requireFinite(copy[c], "column " + columnNames.get(c));
        }
        columns = copy;
        losses = losses.clone();
        weights = weights.clone();
        requireFinite(losses, "loss");
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weight of point " + i + " must be finite and ≥ 0, was "
                        + weights[i]);
            }
        }
    }

    private static void requireFinite(double[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + " at point " + i + " must be finite, was " + values[i]);
            }
        }
    }

    /** Points with the given columns and losses, all of weight 1. */
    public static LawPoints of(String source, List<String> columnNames, double[][] columns, double[] losses) {
        double[] ones = new double[losses.length];
        Arrays.fill(ones, 1.0);
        return new LawPoints(source, columnNames, columns, losses, ones);
    }

    /** The observations' inputs as columns of their input names, weight 1 each. */
    public static LawPoints of(Observations observations) {
        return of(observations.source(), observations.inputNames(), observations.inputColumns(),
                observations.losses());
    }

    /** These points with other weights. */
    public LawPoints withWeights(double[] next) {
        return new LawPoints(source, columnNames, columns, losses, next);
    }

    /** These points with another column added (or replaced). */
    public LawPoints withColumn(String name, double[] values) {
        List<String> names = new ArrayList<>(columnNames);
        List<double[]> values2 = new ArrayList<>(Arrays.asList(columns));
        int c = names.indexOf(name);
        if (c >= 0) {
            values2.set(c, values);
        } else {
            names.add(name);
            values2.add(values);
        }
        return new LawPoints(source, names, values2.toArray(double[][]::new), losses, weights);
    }

    /** The points i with keep[i], in order. */
    public LawPoints select(boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        double[][] cols = new double[columns.length][n];
        double[] l = new double[n];
        double[] w = new double[n];
        for (int i = 0, t = 0; i < losses.length; i++) {
            if (keep[i]) {
                for (int c = 0; c < columns.length; c++) {
                    cols[c][t] = columns[c][i];
                }
                l[t] = losses[i];
                w[t++] = weights[i];
            }
        }
        return new LawPoints(source, columnNames, cols, l, w);
    }

    /**
     * These points without those of weight 0, which add nothing to F = Σ w_i·ρ(r_i): the points a fit actually
     * uses, and the ones its counts, ranges and identification must speak of. This instance if every weight is
     * positive.
     */
    public LawPoints weighted() {
        boolean[] keep = new boolean[weights.length];
        boolean all = true;
        for (int i = 0; i < weights.length; i++) {
            keep[i] = weights[i] > 0;
            all &= keep[i];
        }
        return all ? this : select(keep);
    }

    /** Number of points. */
    public int size() {
        return losses.length;
    }

    /** Whether there is a column of this name. */
    public boolean has(String name) {
        return columnNames.contains(name);
    }

    /** The named column, a copy. */
    public double[] column(String name) {
        int c = columnNames.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in " + source + "; columns " + columnNames);
        }
        return columns[c].clone();
    }

    double[] columnView(int c) {
        return columns[c];
    }

    @Override
    public double[][] columns() {
        double[][] copy = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            copy[c] = columns[c].clone();
        }
        return copy;
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LawPoints that && source.equals(that.source) && columnNames.equals(that.columnNames)
                && Arrays.deepEquals(columns, that.columns) && Arrays.equals(losses, that.losses)
                && Arrays.equals(weights, that.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, columnNames, Arrays.deepHashCode(columns), Arrays.hashCode(losses),
                Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return "LawPoints[" + source + ", " + size() + " points, columns " + columnNames + "]";
    }
}
