package org.scalefit.sensitivity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A reference sampling design: for each model-size class, the token counts at which the reference study has a run
 * (Gemstones {@code chinchilla_reduced_sampling.py}, where the reference is Chinchilla's points as
 * Epoch AI extracted them).
 *
 * <p>A model's size class is its parameter count rounded to one significant figure, half to even
 * ({@code int(float(f"{N:.0e}"))}: 66 758 784 → 7·10⁷, 94 776 832 → 9·10⁷, 2 006 673 381 → 2·10⁹). Token counts
 * are held rounded to a unit u (Gemstones: 2·10⁹), {@code round(D/u)·u} with halves to even as Python's
 * {@code round}.
 *
 * @param tokenUnit         u, the unit the token counts are rounded to
 * @param tokensBySizeClass size class → rounded token counts, in the order given (repeats kept)
 */
public record ReferenceDesign(double tokenUnit, SortedMap<Double, double[]> tokensBySizeClass) {

    public ReferenceDesign {
        requireUnit(tokenUnit);
        SortedMap<Double, double[]> copy = new TreeMap<>();
        for (Map.Entry<Double, double[]> entry : tokensBySizeClass.entrySet()) {
            copy.put(entry.getKey(), entry.getValue().clone());
        }
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a reference design needs at least one size class");
        }
        tokensBySizeClass = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * The design of a table of reference runs: each run's tokens, rounded to {@code tokenUnit}, listed under its
     * size class, in row order.
     */
    public static ReferenceDesign fromRuns(double[] params, double[] tokens, double tokenUnit) {
        if (params.length != tokens.length || params.length == 0) {
            throw new IllegalArgumentException("a reference design needs runs with as many params as tokens, had "
                    + params.length + " and " + tokens.length);
        }
        requireUnit(tokenUnit);
        Map<Double, List<Double>> lists = new TreeMap<>();
        for (int i = 0; i < params.length; i++) {
            lists.computeIfAbsent(sizeClass(params[i]), key -> new ArrayList<>()).add(round(tokens[i], tokenUnit));
        }
        SortedMap<Double, double[]> design = new TreeMap<>();
        lists.forEach((sizeClass, list) -> design.put(sizeClass, list.stream().mapToDouble(Double::doubleValue)
                .toArray()));
        return new ReferenceDesign(tokenUnit, design);
    }

    /**
     * A design given as token lists per size class (e.g. read off a table by hand, as Gemstones did), each token
     * count rounded to {@code tokenUnit}; the keys are mapped to their size class.
     *
     * @throws IllegalArgumentException if two keys fall in the same size class
     */
    public static ReferenceDesign ofTokenLists(Map<Double, double[]> tokensByModelSize, double tokenUnit) {
        requireUnit(tokenUnit);
        SortedMap<Double, double[]> design = new TreeMap<>();
        for (Map.Entry<Double, double[]> entry : tokensByModelSize.entrySet()) {
            double sizeClass = sizeClass(entry.getKey());
            double[] rounded = Arrays.stream(entry.getValue()).map(value -> round(value, tokenUnit)).toArray();
            if (design.put(sizeClass, rounded) != null) {
                throw new IllegalArgumentException("two token lists for size class " + sizeClass);
            }
        }
        return new ReferenceDesign(tokenUnit, design);
    }

    /** The size class of a model with {@code params} parameters: params to one significant figure, half to even. */
    public static double sizeClass(double params) {
        if (!(params > 0) || Double.isInfinite(params)) {
            throw new IllegalArgumentException("a parameter count must be positive and finite, was " + params);
        }
        return new BigDecimal(params).round(new MathContext(1, RoundingMode.HALF_EVEN)).doubleValue();
    }

    /** The rounded token counts of {@code sizeClass}; empty if the design has none. */
    public double[] tokens(double sizeClass) {
        double[] tokens = tokensBySizeClass.get(sizeClass);
        return tokens == null ? new double[0] : tokens.clone();
    }

    /** Whether the design has a run of size class {@code sizeClass} at {@code roundedTokens}. */
    public boolean contains(double sizeClass, double roundedTokens) {
        double[] tokens = tokensBySizeClass.get(sizeClass);
        if (tokens == null) {
            return false;
        }
        for (double value : tokens) {
            if (value == roundedTokens) {
                return true;
            }
        }
        return false;
    }

    @Override
    public SortedMap<Double, double[]> tokensBySizeClass() {
        SortedMap<Double, double[]> copy = new TreeMap<>();
        tokensBySizeClass.forEach((key, value) -> copy.put(key, value.clone()));
        return copy;
    }

    /** {@code value} rounded to a multiple of {@code unit}, halves to even: numpy's {@code round(x, −9)} for u = 1e9. */
    static double round(double value, double unit) {
        return Math.rint(value / unit) * unit;
    }

    private static void requireUnit(double unit) {
        if (!(unit > 0) || Double.isInfinite(unit)) {
            throw new IllegalArgumentException("the token unit must be positive and finite, was " + unit);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ReferenceDesign that) || tokenUnit != that.tokenUnit
                || !tokensBySizeClass.keySet().equals(that.tokensBySizeClass.keySet())) {
            return false;
        }
        for (Double key : tokensBySizeClass.keySet()) {
            if (!Arrays.equals(tokensBySizeClass.get(key), that.tokensBySizeClass.get(key))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = Double.hashCode(tokenUnit);
        for (Map.Entry<Double, double[]> entry : tokensBySizeClass.entrySet()) {
            hash = 31 * hash + entry.getKey().hashCode() + Arrays.hashCode(entry.getValue());
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ReferenceDesign[unit " + tokenUnit);
        tokensBySizeClass.forEach((key, value) -> text.append(", ").append(key).append(": ")
                .append(Arrays.toString(value)));
        return text.append(']').toString();
    }
}
