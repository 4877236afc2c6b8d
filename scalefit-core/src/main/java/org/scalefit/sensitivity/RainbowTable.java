package org.scalefit.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Gemstones' rainbow of allocation slopes and its table ({@code plotters/rainbow.py}): the study's
 * lines N_opt(C) ordered by their value at a large budget (the original: C = 10²⁸; a stable sort, so equal values
 * keep their input order), each with its slope and Δ = slope − slope of the base line of its family (same approach,
 * same embeddings flag; see {@link LineVariant#isBase()}). Reference lines are listed apart, ordered the same way,
 * with no Δ.
 *
 * @param sortCompute the budget the lines are ordered at
 * @param rows        the study's lines, smallest N_opt(sortCompute) first
 * @param references  the reference lines, smallest N_opt(sortCompute) first
 */
public record RainbowTable(double sortCompute, List<Row> rows, List<Row> references) {

    /** Gemstones' ordering budget, 10²⁸ FLOPs. */
    public static final double GEMSTONES_SORT_COMPUTE = 1e28;

    /**
     * One line of the table.
     *
     * @param line          the line
     * @param paramsAtSort  N_opt at the ordering budget
     * @param delta         slope − base slope; NaN when the family has no base (and for references)
     * @param baseLabel     the label of the base line; empty when there is none
     */
    public record Row(RainbowLine line, double paramsAtSort, double delta, String baseLabel) {

        public Row {
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(baseLabel, "baseLabel");
        }
    }

    public RainbowTable {
        rows = List.copyOf(rows);
        references = List.copyOf(references);
    }

    /**
     * The table of {@code lines}, ordered at {@code sortCompute}.
     *
     * @throws IllegalArgumentException if a family (approach × embeddings) has two base lines
     */
    public static RainbowTable of(List<RainbowLine> lines, double sortCompute) {
        if (!(sortCompute > 0) || Double.isInfinite(sortCompute)) {
            throw new IllegalArgumentException("the ordering budget must be positive and finite, was " + sortCompute);
        }
        Map<String, RainbowLine> bases = new LinkedHashMap<>();
        for (RainbowLine line : lines) {
            if (line.family() != RainbowLine.Family.REFERENCE && line.variant().isBase()) {
                RainbowLine previous = bases.putIfAbsent(familyKey(line), line);
                if (previous != null) {
                    throw new IllegalArgumentException("two base lines for " + familyKey(line) + ": '"
                            + previous.label() + "' and '" + line.label() + "'");
                }
            }
        }
        List<Row> study = new ArrayList<>();
        List<Row> references = new ArrayList<>();
        for (RainbowLine line : lines) {
            double paramsAtSort = line.paramsAt(sortCompute);
            if (line.family() == RainbowLine.Family.REFERENCE) {
                references.add(new Row(line, paramsAtSort, Double.NaN, ""));
                continue;
            }
            RainbowLine base = bases.get(familyKey(line));
            study.add(base == null ? new Row(line, paramsAtSort, Double.NaN, "")
                    : new Row(line, paramsAtSort, line.slope() - base.slope(), base.label()));
        }
        Comparator<Row> byParams = Comparator.comparingDouble(Row::paramsAtSort);
        study.sort(byParams);
        references.sort(byParams);
        return new RainbowTable(sortCompute, study, references);
    }

    private static String familyKey(RainbowLine line) {
        return (line.family() == RainbowLine.Family.APPROACH_1 ? "approach 1" : "approach 3")
                + (line.variant().embeddings() ? " with embeddings" : " without embeddings");
    }
}
