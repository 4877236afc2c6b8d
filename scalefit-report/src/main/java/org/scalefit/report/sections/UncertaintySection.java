package org.scalefit.report.sections;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.law.Allocation;
import org.scalefit.report.Block;
import org.scalefit.report.Numbers;
import org.scalefit.report.Section;
import org.scalefit.report.charts.UncertaintyFigures;
import org.scalefit.uncertainty.LikelihoodRatioTest;
import org.scalefit.uncertainty.ParameterTests;
import org.scalefit.uncertainty.TestStatistic;
import org.scalefit.uncertainty.TestsAgainstReference;
import org.scalefit.uncertainty.TokensPerParameterPolicy;

/**
 * The report sections of Epoch AI's uncertainty analysis of a fitted law against a reference law (Besiroglu et al.
 * 2024 §3–4; {@code data_analysis.ipynb}):
 * <ul>
 *   <li>{@link #policy}: the compute-optimal tokens per parameter D/N = G⁻²·(C/6)^(b−a) with its band over draws
 *       from N(θ̂, Σ_bootstrap), beside the reference's policy and trained model;</li>
 *   <li>{@link #testsAgainstReference}: per-parameter t-tests, the Wald χ² test, the two-sample t-test of the
 *       residuals and the likelihood-ratio tests, each with its statistic, degrees of freedom and p-value.</li>
 * </ul>
 */
public final class UncertaintySection {

    private UncertaintySection() {
    }

    /**
     * The policy section: the figure, the policies at the reference model's budget (if given) as key numbers, and a
     * table at the budgets nearest each power of ten.
     *
     * @param referenceModel the reference's trained model, or null
     */
    public static Section policy(String id, TokensPerParameterPolicy policy, String estimateLabel,
                                 String referenceLabel, Allocation referenceModel) {
        String band = Numbers.format((100 - policy.coverage()) / 2, 3) + "th–"
                + Numbers.format((100 + policy.coverage()) / 2, 3) + "th percentile";
        Section section = Section.of(id, "Compute-optimal tokens per parameter").withText("For a law L = E + A/N^α + "
                + "B/D^β the compute-optimal split of C ≈ 6ND gives D/N = G⁻²·(C/6)^(b−a), G = (αA/(βB))^(1/(α+β)), "
                + "a = β/(α+β), b = α/(α+β). The band is the " + band + " of D/N over " + policy.draws()
                + " draws of the log-space parameters from N(estimate, bootstrap covariance) (seed " + policy.seed()
                + (policy.skipped() > 0 ? "; " + policy.skipped() + " of them, with no compute-optimal allocation "
                + "(α ≤ 0 or β ≤ 0), are left out" : "") + "); the reference's band spans the ends of its published interval for a.");
        if (referenceModel != null) {
            TokensPerParameterPolicy.Row row = policy.nearest(referenceModel.compute());
            section = section.withFacts(List.of(
                    new Block.Fact(estimateLabel + ": D/N at C = " + Numbers.format(row.compute(), 4),
                            Numbers.withInterval(row.median(), row.low(), row.high(), 4), "median [" + band
                            + "]; point estimate " + Numbers.format(row.pointEstimate(), 4)),
                    new Block.Fact(referenceLabel + ": D/N there", Numbers.format(row.reference(), 4),
                            "the model itself was trained at D/N = "
                                    + Numbers.format(referenceModel.tokensPerParam(), 3)),
                    new Block.Fact("compute factor there", Numbers.format(row.medianComputeFactor(), 4), "median of "
                            + "C / C_needed: the compute the reference's allocation spends over what the fitted law "
                            + "needs for the same loss")));
        }
        List<List<String>> rows = new ArrayList<>();
        for (TokensPerParameterPolicy.Row row : atPowersOfTen(policy)) {
            rows.add(List.of(Numbers.format(row.compute(), 4), Numbers.format(row.pointEstimate(), 4),
                    Numbers.format(row.median(), 4), Numbers.format(row.low(), 4), Numbers.format(row.high(), 4),
                    Numbers.format(row.reference(), 4), Numbers.format(row.medianComputeFactor(), 4)));
        }
        return section.withFigure(UncertaintyFigures.tokensPerParameter(id + "-ratio", policy, estimateLabel,
                        referenceLabel, referenceModel), "Shaded: the " + band + " band of the fitted law and the "
                        + "reference's interval for a. The dotted blue line is the point estimate itself.")
                .withTable("Tokens per parameter at the budgets nearest each power of ten", List.of("compute C",
                        "point estimate", "median", "low", "high", referenceLabel, "compute factor"), rows);
    }

    /** The tests section: the joint tests as key numbers, and the per-parameter t-tests in both parameterisations. */
    public static Section testsAgainstReference(String id, TestsAgainstReference tests, String estimateLabel,
                                                String referenceLabel) {
        List<Block.Fact> facts = new ArrayList<>();
        facts.add(fact("Wald χ² (all parameters)", tests.wald().test(), "bootstrap covariance of the log-space "
                + "parameters"));
        facts.add(fact("residuals: two-sample t", tests.residuals().test(), "mean residual " + referenceLabel + " "
                + Numbers.format(tests.residuals().referenceMeanResidual(), 4) + ", " + estimateLabel + " "
                + Numbers.format(tests.residuals().estimateMeanResidual(), 4)));
        facts.add(likelihoodRatio("likelihood ratio, fitted points", tests.likelihoodRatio()));
        tests.likelihoodRatioAllPoints().ifPresent(all -> facts.add(likelihoodRatio("likelihood ratio, all points",
                all)));
        List<List<String>> rows = new ArrayList<>();
        addRows(rows, tests.untransformed());
        addRows(rows, tests.logSpace());
        return Section.of(id, "Tests of " + estimateLabel + " against " + referenceLabel).withText("Is the fitted law "
                        + "compatible with " + referenceLabel + "? Per-parameter t-tests with the bootstrap standard "
                        + "errors (ν = n − p), the Wald χ² test of all parameters at once, Student's two-sample t-test "
                        + "of the two laws' loss residuals, and likelihood-ratio tests with the Huber scale refitted "
                        + "for each law. Small p-values reject the reference.")
                .withFacts(facts)
                .withTable("Per-parameter t-tests", List.of("parameterisation", "parameter", estimateLabel,
                        referenceLabel, "standard error", "t", "df", "p"), rows);
    }

    private static void addRows(List<List<String>> rows, ParameterTests tests) {
        double[] estimate = tests.estimate();
        double[] reference = tests.reference();
        double[] errors = tests.standardErrors();
        List<String> names = parameterNames(estimate.length, tests.untransformed());
        for (int j = 0; j < estimate.length; j++) {
            TestStatistic test = tests.tests().get(j);
            rows.add(List.of(tests.untransformed() ? "untransformed" : "log space", names.get(j),
                    Numbers.format(estimate[j], 5), Numbers.format(reference[j], 5), Numbers.format(errors[j], 4),
                    Numbers.format(test.value(), 4), Numbers.format(test.degreesOfFreedom(), 4),
                    Numbers.format(test.pValue(), 3)));
        }
    }

    /** [α, β, A, B, E] (or ln A, ln B, ln E) for a 2-input law; α_j, exp(c_j) or c_j, E or e otherwise. */
    static List<String> parameterNames(int count, boolean untransformed) {
        int arity = (count - 1) / 2;
        List<String> names = new ArrayList<>();
        for (int j = 0; j < arity; j++) {
            names.add(arity == 2 ? (j == 0 ? "α" : "β") : "α" + (j + 1));
        }
        for (int j = 0; j < arity; j++) {
            String coefficient = arity == 2 ? (j == 0 ? "A" : "B") : "exp(c" + (j + 1) + ")";
            names.add(untransformed ? coefficient : arity == 2 ? "ln " + coefficient : "c" + (j + 1));
        }
        names.add(untransformed ? "E" : "ln E");
        return names;
    }

    private static Block.Fact fact(String name, TestStatistic test, String detail) {
        return new Block.Fact(name, Numbers.format(test.value(), 4) + " (df " + Numbers.format(test.degreesOfFreedom(),
                4) + ", p " + Numbers.format(test.pValue(), 3) + ")", detail);
    }

    private static Block.Fact likelihoodRatio(String name, LikelihoodRatioTest test) {
        return fact(name, test.test(), test.points() + " points; log-likelihood " + Numbers.format(
                test.estimateLogLikelihood(), 6) + " (fit) against " + Numbers.format(test.referenceLogLikelihood(), 6)
                + " (reference)");
    }

    /** The rows nearest each power of ten within the policy's budgets, each once. */
    private static List<TokensPerParameterPolicy.Row> atPowersOfTen(TokensPerParameterPolicy policy) {
        double low = policy.rows().stream().mapToDouble(TokensPerParameterPolicy.Row::compute).min().orElseThrow();
        double high = policy.rows().stream().mapToDouble(TokensPerParameterPolicy.Row::compute).max().orElseThrow();
        List<TokensPerParameterPolicy.Row> rows = new ArrayList<>();
        for (int k = (int) Math.ceil(Math.log10(low) - 1e-9); k <= (int) Math.floor(Math.log10(high) + 1e-9); k++) {
            TokensPerParameterPolicy.Row row = policy.nearest(Math.pow(10, k));
            if (!rows.contains(row)) {
                rows.add(row);
            }
        }
        return rows;
    }
}
