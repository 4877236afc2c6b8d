package org.scalefit.report.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which run each row of a table belongs to, and a label for each row: the figures draw one series per run, in the
 * run's {@link org.scalefit.report.plot.RunStyles style}, and show a row's label when the pointer is over it.
 *
 * @param names     the run of each row (rows of one run share the name)
 * @param rowLabels a label per row (e.g. its tokens and source line), or an empty list for none
 * @param order     the runs in the order figures list them, or an empty list for order of first appearance
 */
public record Runs(List<String> names, List<String> rowLabels, List<String> order) {

    public Runs {
        names = List.copyOf(names);
        rowLabels = List.copyOf(rowLabels);
        order = List.copyOf(order);
        if (!rowLabels.isEmpty() && rowLabels.size() != names.size()) {
            throw new IllegalArgumentException(names.size() + " rows but " + rowLabels.size() + " row labels");
        }
        if (!order.isEmpty() && !new java.util.HashSet<>(order).equals(new java.util.HashSet<>(names))) {
            throw new IllegalArgumentException("the run order must list every run once");
        }
    }

    /** Runs named by their shape, {@code <width>x<depth>} (Gemstones names a run by its shape). */
    public static Runs ofShapes(double[] width, double[] depth) {
        if (width.length != depth.length) {
            throw new IllegalArgumentException(width.length + " widths but " + depth.length + " depths");
        }
        List<String> names = new ArrayList<>(width.length);
        for (int i = 0; i < width.length; i++) {
            names.add(String.format(Locale.ROOT, "%.0fx%.0f", width[i], depth[i]));
        }
        return new Runs(names, List.of(), List.of());
    }

    /** Every row its own run, named by {@code names}. */
    public static Runs named(List<String> names) {
        return new Runs(names, List.of(), List.of());
    }

    /** These runs with a label per row. */
    public Runs withRowLabels(List<String> labels) {
        return new Runs(names, labels, order);
    }

    /**
     * These runs listed by increasing {@code key} of their first row (e.g. parameters), ties by name with the numbers
     * in names compared as numbers ({@code t20} before {@code t160}).
     */
    public Runs orderedBy(double[] key) {
        requireRows(key, "the order key");
        Map<String, Double> first = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            first.putIfAbsent(names.get(i), key[i]);
        }
        List<String> sorted = new ArrayList<>(first.keySet());
        sorted.sort(java.util.Comparator.comparingDouble((String name) -> first.get(name))
                .thenComparing(Runs::compareNames));
        return new Runs(names, rowLabels, sorted);
    }

    /**
     * Names compared chunk by chunk, a run of digits by its value (then by its text, so that {@code 07} and {@code 7}
     * still differ), anything else as text.
     */
    static int compareNames(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int endA = chunkEnd(a, i);
            int endB = chunkEnd(b, j);
            String chunkA = a.substring(i, endA);
            String chunkB = b.substring(j, endB);
            int order;
            if (Character.isDigit(a.charAt(i)) && Character.isDigit(b.charAt(j))) {
                java.math.BigInteger valueA = new java.math.BigInteger(chunkA);
                java.math.BigInteger valueB = new java.math.BigInteger(chunkB);
                order = valueA.compareTo(valueB);
            } else {
                order = chunkA.compareTo(chunkB);
            }
            if (order != 0) {
                return order;
            }
            i = endA;
            j = endB;
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int chunkEnd(String text, int start) {
        boolean digits = Character.isDigit(text.charAt(start));
        int end = start + 1;
        while (end < text.length() && Character.isDigit(text.charAt(end)) == digits) {
            end++;
        }
        return end;
    }

    /** Number of rows. */
    public int size() {
        return names.size();
    }

    /** The run of row i. */
    public String name(int row) {
        return names.get(row);
    }

    /** The label of row i: its row label, or its run's name. */
    public String label(int row) {
        return rowLabels.isEmpty() ? names.get(row) : rowLabels.get(row);
    }

    /** Each run's rows, runs in {@link #order()} (or of first appearance), rows in table order. */
    public Map<String, int[]> groups() {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        order.forEach(name -> rows.put(name, new ArrayList<>()));
        for (int i = 0; i < names.size(); i++) {
            rows.computeIfAbsent(names.get(i), name -> new ArrayList<>()).add(i);
        }
        Map<String, int[]> groups = new LinkedHashMap<>();
        rows.forEach((name, list) -> groups.put(name, list.stream().mapToInt(Integer::intValue).toArray()));
        return groups;
    }

    /** Requires as many rows as {@code values} has. */
    void requireRows(double[] values, String what) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException(what + " has " + values.length + " values for " + names.size()
                    + " runs' rows");
        }
    }
}
