package org.scalefit.report.sections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.law.ComputeOptimalAllocation;
import org.scalefit.report.Block;
import org.scalefit.report.Section;
import org.scalefit.report.charts.AllocationFigures;
import org.scalefit.report.charts.ReferenceLine;
import org.scalefit.report.plot.SeriesStyle;

class AllocationSectionTest {

    private static final double[] BUDGETS = {1e19, 1e21};
    private static final double[] COMPUTE = AllocationFigures.budgets(1e18, 1e26, 9);

    /** A law with E negligible, as a fit on losses that do not depend on tokens ends up. */
    private static List<ReferenceLine> fittedRule() {
        double[] theta = {0.334, 0.0022, Math.log(375.0), Math.log(1.76), -23.6};
        return List.of(new ReferenceLine("this fit (Approach 3)", SeriesStyle.line("#1f77b4"),
                ComputeOptimalAllocation.ofChinchillaParameters(theta)));
    }

    private static List<String> texts(Section section) {
        return section.blocks().stream().filter(Block.Text.class::isInstance).map(b -> ((Block.Text) b).text())
                .toList();
    }

    @Test
    void allocationsOfAFitThatWarnedAreIntroducedWithItsWarnings() {
        String warning = "degenerate: irreducible error E = exp(-23.6) is negligible next to the smallest loss 2.03";

        Section section = AllocationSection.of("allocation", fittedRule(), BUDGETS, COMPUTE, null,
                List.of(warning));

        assertThat(texts(section)).anySatisfy(text -> assertThat(text).startsWith("Caution")
                .contains("this fit (Approach 3)").contains(warning));
    }

    @Test
    void allocationsOfAFitWithoutWarningsCarryNoCaution() {
        Section section = AllocationSection.of("allocation", fittedRule(), BUDGETS, COMPUTE, null, List.of());

        assertThat(texts(section)).noneSatisfy(text -> assertThat(text).contains("Caution"));
    }

    @Test
    void anAllocationWithoutTheFittedLawSaysWhy() {
        Section section = AllocationSection.withoutFittedLaw("allocation", List.of(), BUDGETS, COMPUTE,
                "the data cannot identify the law");

        assertThat(texts(section)).anySatisfy(text -> assertThat(text).startsWith("No allocation from this data")
                .contains("the data cannot identify the law"));
    }

    @Test
    void theCautionQuotesTheRuleItIsAbout() {
        Section section = AllocationSection.of("allocation", fittedRule(), BUDGETS, COMPUTE, null,
                List.of("a warning"));

        assertThat(texts(section)).anySatisfy(text -> assertThat(text)
                .startsWith("Caution: the fit behind the rule “this fit (Approach 3)” warned"));
    }

    @Test
    void aLawWhoseCoefficientOverflowsIsNamedAsTheReasonForNoAllocation() {
        double[] theta = {0.28, 44.7, Math.log(234.0), 837.3, Math.log(1.95)};

        assertThat(AllocationSection.noAllocationReason(theta)).contains("degenerate")
                .contains("B = exp(837.3) overflows").doesNotContain("A = ");
    }

    @Test
    void budgetsBeyondTheRunsAreCalledExtrapolations() {
        String note = AllocationSection.extrapolationNote(new double[] {1e19, 1e20, 1e21, 1e22}, 2e20);

        assertThat(note).contains("2×10²⁰").contains("10²¹ to 10²²").contains("extrapolate");
    }

    @Test
    void budgetsWithinTheRunsNeedNoNote() {
        assertThat(AllocationSection.extrapolationNote(new double[] {1e19, 1e20}, 2e20)).isEmpty();
    }

    @Test
    void aFigureWhosePublishedLineIsClippedSaysSoInItsCaption() {
        List<ReferenceLine> rules = new java.util.ArrayList<>();
        double[] chinchilla = {0.34, 0.28, Math.log(406.4), Math.log(410.7), Math.log(1.69)};
        rules.add(new ReferenceLine("this fit (Approach 3)", SeriesStyle.line("#1f77b4"),
                ComputeOptimalAllocation.ofChinchillaParameters(chinchilla)));
        rules.add(new ReferenceLine("Kaplan et al.", SeriesStyle.line("#8c564b"),
                org.scalefit.io.AllocationRules.reference("kaplan")));

        Section section = AllocationSection.of("allocation", rules, BUDGETS, COMPUTE, null, List.of());

        List<String> captions = section.blocks().stream().filter(Block.Plot.class::isInstance)
                .map(b -> ((Block.Plot) b).caption()).toList();
        assertThat(captions).anySatisfy(caption -> assertThat(caption).contains("Off scale")
                .contains("Kaplan et al."));
    }
}
