package org.scalefit.report.sections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.law.Allocation;
import org.scalefit.report.Numbers;
import org.scalefit.report.Section;
import org.scalefit.report.plot.Band;
import org.scalefit.report.charts.AllocationFigures;
import org.scalefit.report.charts.AllocationQuantity;
import org.scalefit.report.charts.ReferenceLine;
import org.scalefit.uncertainty.AllocationBands;

/**
 * The report section of compute-optimal allocation (Hoffmann et al. 2022 eq. 4): N_opt, D_opt and D/N against
 * compute for each rule (the first typically the law fitted here, with its bootstrap {@link AllocationBands} when
 * given), and a table of the allocations at round budgets.
 */
public final class AllocationSection {

    private AllocationSection() {
    }

    /**
     * The section.
     *
     * @param rules   the allocation rules, the first the one the bands (if any) belong to
     * @param budgets the budgets of the table (e.g. 10¹⁹ … 10²⁵)
     * @param compute the budgets the figures evaluate the rules at (e.g. {@link AllocationFigures#budgets(double,
     *                double, int)} over 10¹⁸ … 10²⁶); with bands, their budgets
     * @param bands   bootstrap bands of the first rule at {@code compute}, or null
     */
    public static Section of(String id, List<ReferenceLine> rules, double[] budgets, double[] compute,
                             AllocationBands bands) {
        return of(id, rules, budgets, compute, bands, List.of());
    }

    /**
     * A note on the table's budgets beyond the largest compute of the runs the law was fitted to (how many times
     * beyond, for the smallest and the largest of them): the law's allocations there are extrapolations. Empty when
     * no budget exceeds it.
     */
    public static String extrapolationNote(double[] budgets, double largestObserved) {
        double[] beyond = java.util.Arrays.stream(budgets).filter(budget -> budget > largestObserved).sorted()
                .toArray();
        if (beyond.length == 0 || !(largestObserved > 0)) {
            return "";
        }
        return "The runs reach " + Numbers.format(largestObserved, 3) + " FLOPs: the fitted law's rows at "
                + Numbers.format(beyond[0], 3) + (beyond.length > 1 ? " to " + Numbers.format(beyond[beyond.length - 1],
                3) : "") + " extrapolate it " + Numbers.format(beyond[0] / largestObserved, 2)
                + (beyond.length > 1 ? " to " + Numbers.format(beyond[beyond.length - 1] / largestObserved, 2) : "")
                + " times beyond them.";
    }

    /**
     * Why a fitted params/tokens law θ = [α, β, ln A, ln B, ln E] has no eq.-4 allocation, which needs α, β, A and B
     * positive and finite: the parameters that are not, e.g. "B = exp(837.3) overflows".
     */
    public static String noAllocationReason(double[] theta) {
        List<String> bad = new ArrayList<>();
        String[] exponents = {"α", "β"};
        String[] coefficients = {"A", "B"};
        for (int j = 0; j < 2; j++) {
            if (!(theta[j] > 0) || Double.isInfinite(theta[j])) {
                bad.add(exponents[j] + " = " + Numbers.format(theta[j], 4) + " is not positive and finite");
            }
            if (Double.isInfinite(Math.exp(theta[2 + j]))) {
                bad.add(coefficients[j] + " = exp(" + Numbers.format(theta[2 + j], 4) + ") overflows");
            } else if (!(Math.exp(theta[2 + j]) > 0)) {
                bad.add(coefficients[j] + " = exp(" + Numbers.format(theta[2 + j], 4) + ") is 0");
            }
        }
        return "the fitted law is degenerate (see the warnings of Approach 3): eq. 4 needs α, β, A and B positive and "
                + "finite" + (bad.isEmpty() ? "" : ", and " + String.join(", ", bad));
    }

    /**
     * The section of the published rules alone, introduced by why the data's own law is not among them (so that a
     * reader does not take its absence for an oversight).
     *
     * @param rules  the published allocation rules
     * @param reason why there is no fitted law to allocate with, e.g. "the data cannot identify the law"
     */
    public static Section withoutFittedLaw(String id, List<ReferenceLine> rules, double[] budgets, double[] compute,
                                           String reason) {
        Section section = Section.of(id, "Compute-optimal allocation").withText("No allocation from this data: "
                + reason + ". Only the published rules are shown.");
        return withRules(section, id, rules, budgets, compute, null);
    }

    /**
     * The section, introduced by a caution when the fit the first rule comes from warned (a degenerate or
     * implausible law, a competing basin): its allocations follow from those parameters and are no more certain.
     *
     * @param rules    the allocation rules, the first the one the bands (if any) and the warnings belong to
     * @param budgets  the budgets of the table (e.g. 10¹⁹ … 10²⁵)
     * @param compute  the budgets the figures evaluate the rules at; with bands, their budgets
     * @param bands    bootstrap bands of the first rule at {@code compute}, or null
     * @param warnings the warnings of the fit of the first rule (empty: none)
     */
    public static Section of(String id, List<ReferenceLine> rules, double[] budgets, double[] compute,
                             AllocationBands bands, List<String> warnings) {
        if (bands != null && !java.util.Arrays.equals(AllocationFigures.budgets(bands), compute)) {
            throw new IllegalArgumentException("the allocation bands are not at the figures' budgets");
        }
        Section section = Section.of(id, "Compute-optimal allocation").withText("How each rule splits a training "
                + "budget C ≈ 6·N·D into parameters N and tokens D. For a fitted law L = E + A/N^α + B/D^β: "
                + "N_opt = G·(C/6)^a, D_opt = G⁻¹·(C/6)^b with a = β/(α+β), b = α/(α+β), G = (αA/(βB))^(1/(α+β))"
                + (bands == null ? "." : "; the band is the central " + Numbers.format(bands.level(), 3)
                + " % percentile interval over the pairs-bootstrap refits of the law."));
        if (!warnings.isEmpty() && !rules.isEmpty()) {
            section = section.withText("Caution: the fit behind the rule “" + rules.get(0).label() + "” warned — "
                    + String.join("; ", warnings) + ". Its allocations are computed from those parameters.");
        }
        return withRules(section, id, rules, budgets, compute, bands);
    }

    private static Section withRules(Section section, String id, List<ReferenceLine> rules, double[] budgets,
                                     double[] compute, AllocationBands bands) {
        for (AllocationQuantity quantity : AllocationQuantity.values()) {
            Map<String, Band> byRule = new LinkedHashMap<>();
            if (bands != null && !rules.isEmpty()) {
                byRule.put(rules.get(0).label(), AllocationFigures.band(bands, quantity));
            }
            section = section.withFigure(AllocationFigures.quantityAgainstCompute(id + "-" + quantity.slug(), quantity,
                    rules, compute, byRule), AllocationFigures.offScale(quantity, rules, compute, byRule));
        }
        List<List<String>> rows = new ArrayList<>();
        for (ReferenceLine rule : rules) {
            for (double budget : budgets) {
                Allocation allocation = rule.rule().at(budget);
                rows.add(List.of(rule.label(), Numbers.format(budget, 3), Numbers.format(allocation.params(), 4),
                        Numbers.format(allocation.tokens(), 4), Numbers.format(allocation.tokensPerParam(), 4),
                        Double.isNaN(allocation.predictedLoss()) ? "" : Numbers.format(allocation.predictedLoss(), 5)));
            }
        }
        return section.withTable("Allocations at round budgets", List.of("rule", "compute C", "N_opt", "D_opt",
                "D/N", "predicted loss"), rows);
    }
}
