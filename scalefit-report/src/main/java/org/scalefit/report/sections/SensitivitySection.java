package org.scalefit.report.sections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.data.RunTable;
import org.scalefit.fit.LawFit;
import org.scalefit.report.Block;
import org.scalefit.report.Numbers;
import org.scalefit.report.Section;
import org.scalefit.report.charts.SensitivityFigures;
import org.scalefit.sensitivity.AllocationSlopes;
import org.scalefit.sensitivity.DeltaGridPoint;
import org.scalefit.sensitivity.LineVariant;
import org.scalefit.sensitivity.RainbowLine;
import org.scalefit.sensitivity.RainbowTable;
import org.scalefit.sensitivity.SamplingComparison;

/**
 * The report sections of the sensitivity analyses of Approach 3 (Gemstones, McLeish et al. 2025;
 * {@code approach_3_grid_search.py}, {@code rainbow.py}, {@code slope_analysis.py}), all about the allocation exponents of a params/tokens law L = E + A/N^α + B/D^β: a = β/(α+β) (N_opt ∝ C^a)
 * and b = α/(α+β) (D_opt ∝ C^b).
 * <ul>
 *   <li>{@link #deltaGrid}: b for each Huber δ and start-grid size;</li>
 *   <li>{@link #rainbow}: the N_opt(C) lines of many laws and their slopes, with Δ to the base line of each
 *       family;</li>
 *   <li>{@link #sampling}: how the law changes when fitted on a reduced sample of the same runs.</li>
 * </ul>
 */
public final class SensitivitySection {

    private SensitivitySection() {
    }

    /** The δ × grid-size section: per δ the spread of b over the grids, the figure, and every fit in a table. */
    public static Section deltaGrid(String id, List<DeltaGridPoint> points) {
        Section section = Section.of(id, "Sensitivity to the Huber δ and the start grid").withText("The params/tokens "
                + "law refitted for every Huber threshold δ and every start grid (Gemstones' "
                + "create_param_search_array: e exponent values, c coefficient values and r floor values, "
                + "e²·c²·r starts); a result that depended only on the data would give one slope whatever the "
                + "grid.");
        Map<Double, List<DeltaGridPoint>> byDelta = new LinkedHashMap<>();
        points.forEach(p -> byDelta.computeIfAbsent(p.delta(), d -> new ArrayList<>()).add(p));
        Map<Double, String> deltas = SensitivityFigures.deltaLabels(points);
        List<Block.Fact> facts = new ArrayList<>();
        byDelta.forEach((delta, group) -> {
            double[] slopes = group.stream().filter(p -> p.fit().succeeded()).mapToDouble(p -> p.slopes().tokens())
                    .toArray();
            long failed = group.size() - slopes.length;
            String value = slopes.length == 0 ? "no fit converged" : Numbers.fixed(min(slopes), 4) + " … "
                    + Numbers.fixed(max(slopes), 4);
            facts.add(new Block.Fact("b over the grids, δ = " + deltas.get(delta), value, group.size()
                    + " grids" + (failed > 0 ? ", " + failed + " without a converged start" : "")));
        });
        List<List<String>> rows = new ArrayList<>();
        for (DeltaGridPoint point : points) {
            LawFit fit = point.fit();
            List<String> row = new ArrayList<>(List.of(deltas.get(point.delta()),
                    Long.toString(point.grid().target()), point.grid().exponentValues() + "×"
                            + point.grid().coefficientValues() + "×" + point.grid().errorValues(),
                    Long.toString(point.grid().size())));
            if (fit.succeeded()) {
                double[] exponents = fit.exponents();
                AllocationSlopes slopes = point.slopes();
                row.addAll(List.of(Numbers.format(fit.loss(), 6), Numbers.fixed(exponents[0], 5),
                        Numbers.fixed(exponents[1], 5), Numbers.fixed(slopes.params(), 5),
                        Numbers.fixed(slopes.tokens(), 5)));
            } else {
                row.addAll(List.of("failed", "", "", "", ""));
            }
            rows.add(row);
        }
        return section.withFacts(facts)
                .withFigure(SensitivityFigures.slopeAgainstGridSize(id + "-slopes", points), "One line per δ; hover "
                        + "for the grid and the best objective.")
                .withTable("Fits", List.of("δ", "target starts", "grid e×c×r", "starts", "best objective", "α",
                        "β", "a (N_opt)", "b (D_opt)"), rows);
    }

    /**
     * The rainbow section: the figure over [lowCompute, highCompute] and the table of slopes and Δ (Gemstones'
     * LaTeX table), then the reference lines.
     */
    public static Section rainbow(String id, RainbowTable table, double lowCompute, double highCompute) {
        Section section = Section.of(id, "Allocation slopes of every law (the rainbow)").withText("Each line is a "
                + "compute-optimal model size N_opt(C) = k·(C/C₀)^s: from a params/tokens law (Approach 3: k = G, "
                + "C₀ = 6, s = β/(α+β)) or from a regression along the loss frontier (Approach 1: ln N = s·ln C + c). "
                + "Δ is the slope minus that of the base line of the same approach and embeddings count (all tokens, "
                + "no cooldown, no learning-rate ablation); Gemstones marks |Δ| > 0.05 and > 0.1.");
        List<List<String>> rows = new ArrayList<>();
        for (RainbowTable.Row row : table.rows()) {
            RainbowLine line = row.line();
            LineVariant variant = line.variant();
            rows.add(List.of(line.label(), line.family() == RainbowLine.Family.APPROACH_1 ? "1" : "3",
                    variant.tokens(), mark(variant.cooldown()), mark(variant.lrAblation()),
                    mark(variant.embeddings()), Numbers.fixed(line.slope(), 4),
                    Double.isNaN(row.delta()) ? "" : Numbers.fixed(row.delta(), 4)
                            + (Math.abs(row.delta()) > 0.1 ? " (> 0.1)" : Math.abs(row.delta()) > 0.05 ? " (> 0.05)"
                            : ""), row.baseLabel(), Numbers.format(row.paramsAtSort(), 4)));
        }
        section = section.withFigure(SensitivityFigures.rainbow(id + "-lines", table, lowCompute, highCompute),
                        "Colours follow the order of N_opt at C = " + Numbers.format(table.sortCompute(), 3)
                                + " (purple smallest, red largest); reference laws in grey.")
                .withTable("Lines, smallest N_opt at C = " + Numbers.format(table.sortCompute(), 3) + " first",
                        List.of("line", "approach", "tokens", "cooldown", "LR ablation", "embeddings", "slope", "Δ",
                                "base", "N_opt at ordering budget"), rows);
        if (!table.references().isEmpty()) {
            List<List<String>> references = new ArrayList<>();
            for (RainbowTable.Row row : table.references()) {
                references.add(List.of(row.line().label(), Numbers.fixed(row.line().slope(), 4),
                        Numbers.format(row.paramsAtSort(), 4)));
            }
            section = section.withTable("Reference laws", List.of("reference", "slope", "N_opt at ordering budget"),
                    references);
        }
        return section;
    }

    /**
     * The reduced-sampling section of one comparison: the two fits' exponents and allocation slopes and their change
     * as key numbers, and parameters against tokens of the full table and the sample.
     *
     * @param full    the table the full fit was made on (columns {@code params}, {@code tokens})
     * @param reduced the sample the reduced fit was made on
     */
    public static Section sampling(String id, SamplingComparison comparison, RunTable full, RunTable reduced) {
        Section section = Section.of(id, "Reduced sampling: " + comparison.name()).withText("The params/tokens law "
                + "fitted on every run and on a sample of them with the same δ and start grid: if the sample "
                + "covered the runs well, the exponents and the allocation slopes would barely move.");
        List<Block.Fact> facts = new ArrayList<>();
        facts.add(fitFact("full: " + comparison.full().points() + " points", comparison.full()));
        facts.add(fitFact("reduced: " + comparison.reduced().points() + " points", comparison.reduced()));
        if (comparison.succeeded()) {
            double[] change = comparison.parameterChange();
            facts.add(new Block.Fact("change (reduced − full)", "Δα " + signed(change[0]) + ", Δβ "
                    + signed(change[1]) + ", Δa " + signed(comparison.paramsSlopeChange()) + ", Δb "
                    + signed(comparison.tokensSlopeChange()), "a = β/(α+β), b = α/(α+β)"));
        } else {
            facts.add(new Block.Fact("change", "not available", "a fit found no optimum"));
        }
        return section.withFacts(facts).withFigure(SensitivityFigures.sampledRuns(id + "-runs", "Runs and the reduced "
                + "sample: parameters against tokens", full, "all runs", reduced, "sample"), "Grey: every run of "
                + full.source() + "; blue: the sample (hover for the source line).");
    }

    private static Block.Fact fitFact(String name, LawFit fit) {
        if (!fit.succeeded()) {
            return new Block.Fact(name, "failed: no start converged", "");
        }
        double[] theta = fit.parameters();
        AllocationSlopes slopes = AllocationSlopes.of(fit);
        return new Block.Fact(name, "α " + Numbers.fixed(theta[0], 4) + ", β " + Numbers.fixed(theta[1], 4) + ", a "
                + Numbers.fixed(slopes.params(), 4) + ", b " + Numbers.fixed(slopes.tokens(), 4), "A "
                + Numbers.format(Math.exp(theta[2]), 4) + ", B " + Numbers.format(Math.exp(theta[3]), 4) + ", E "
                + Numbers.format(Math.exp(theta[4]), 4) + "; objective " + Numbers.format(fit.loss(), 6));
    }

    /** "+0.0123", "−0.0123", and "0.0000" for a change that rounds to nothing. */
    private static String signed(double value) {
        String text = Numbers.fixed(Math.abs(value), 4);
        if (text.equals(Numbers.fixed(0, 4))) {
            return text;
        }
        return (value > 0 ? "+" : "−") + text;
    }

    private static String mark(boolean value) {
        return value ? "yes" : "";
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElseThrow();
    }
}
