package org.scalefit.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.scalefit.fit.Stationarity;
import org.scalefit.io.analysis.EpochOutcome;
import org.scalefit.law.Allocation;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.HuberLikelihoodFit;
import org.scalefit.uncertainty.LikelihoodRatioTest;
import org.scalefit.uncertainty.ParameterTests;
import org.scalefit.uncertainty.ResidualComparison;
import org.scalefit.uncertainty.TestStatistic;
import org.scalefit.uncertainty.TestsAgainstReference;
import org.scalefit.uncertainty.TokensPerParameterPolicy;

/**
 * {@code scalefit bootstrap}'s human-readable result of Epoch AI's analysis: Fit B with the bootstrap's standard
 * errors and intervals, the tests against the reference law, and the policy band.
 *
 * @param stdout  where to print
 * @param outcome the analysis
 */
record BootstrapPrinter(PrintStream stdout, EpochOutcome outcome) {

    /** Prints all of it. */
    void print() {
        printEstimate(stdout, outcome.points(), outcome.estimate(), outcome.bootstrap(), outcome.run().threads(),
                outcome.run().seconds());
        printTests(stdout, outcome.tests());
        if (outcome.policy() != null) {
            printPolicy(stdout, outcome.policy(), outcome.referenceModel());
        }
    }

    private void printTests(PrintStream stdout, TestsAgainstReference tests) {
        String[] names = {"alpha", "beta", "A", "B", "E"};
        String[] logNames = {"alpha", "beta", "log A", "log B", "log E"};
        ParameterTests plain = tests.untransformed();
        ParameterTests logs = tests.logSpace();
        stdout.printf(Locale.ROOT, "tests against %s (bootstrap standard errors and covariance):%n",
                outcome.request().reference());
        stdout.printf(Locale.ROOT, "  per-parameter t-tests, df %.0f (untransformed, as Epoch; log space on the "
                + "right):%n", plain.tests().get(0).degreesOfFreedom());
        stdout.printf(Locale.ROOT, "  %-6s %14s %14s %12s %9s %10s   %-6s %9s %10s%n", "", "estimate", "reference",
                "s.e.", "t", "p", "", "t", "p");
        int[] order = {2, 3, 4, 0, 1};
        for (int j : order) {
            stdout.printf(Locale.ROOT, "  %-6s %14.7g %14.7g %12.5g %9.4f %10.3g   %-6s %9.4f %10.3g%n", names[j],
                    plain.estimate()[j], plain.reference()[j], plain.standardErrors()[j], plain.tests().get(j).value(),
                    plain.tests().get(j).pValue(), logNames[j], logs.tests().get(j).value(),
                    logs.tests().get(j).pValue());
        }
        TestStatistic wald = tests.wald().test();
        stdout.printf(Locale.ROOT, "  Wald chi2 (df %.0f, log space): %.2f, p = %.3g%n", wald.degreesOfFreedom(),
                wald.value(), wald.pValue());
        ResidualComparison residuals = tests.residuals();
        stdout.printf(Locale.ROOT, "  residuals L - L_hat, two-sample t (df %.0f): t = %.4f, p = %.3g "
                        + "(mean: reference %.5g, estimate %.5g)%n", residuals.test().degreesOfFreedom(),
                residuals.test().value(), residuals.test().pValue(), residuals.referenceMeanResidual(),
                residuals.estimateMeanResidual());
        printLikelihoodRatio(stdout, "fitted points", tests.likelihoodRatio());
        tests.likelihoodRatioAllPoints().ifPresent(test -> printLikelihoodRatio(stdout, "all points", test));
    }

    private static void printLikelihoodRatio(PrintStream stdout, String which, LikelihoodRatioTest test) {
        stdout.printf(Locale.ROOT, "  likelihood ratio, scale refitted, %s (%d, df %.0f): %.2f, p = %.3g "
                        + "(log-likelihood reference %.4f, estimate %.4f)%n", which, test.points(),
                test.test().degreesOfFreedom(), test.test().value(), test.test().pValue(),
                test.referenceLogLikelihood(), test.estimateLogLikelihood());
    }

    private void printPolicy(PrintStream stdout, TokensPerParameterPolicy policy, Allocation referenceModel) {
        double low = (100 - policy.coverage()) / 2;
        stdout.printf(Locale.ROOT, "tokens per parameter D/N of the compute-optimal policy: %s %% band of %d "
                + "draws from N(estimate, bootstrap covariance), seed %d; reference %s%n", fmt(policy.coverage()),
                policy.draws(), policy.seed(), outcome.request().reference());
        if (policy.skipped() > 0) {
            stdout.printf(Locale.ROOT, "  %d of the %d draws have no compute-optimal allocation (α ≤ 0 or β ≤ 0) and "
                    + "are left out of the band%n", policy.skipped(), policy.draws());
        }
        stdout.println("  (C factor: median over the draws of C / the compute the draw's law needs to reach the "
                + "reducible loss of the reference allocation)");
        stdout.printf(Locale.ROOT, "  %12s %10s %10s %10s %10s %10s %10s%n", "compute", "p" + fmt(low), "p50",
                "p" + fmt(100 - low), "estimate", "reference", "C factor");
        List<TokensPerParameterPolicy.Row> rows = policy.rows();
        int every = Math.max(1, rows.size() / 10);
        for (int i = 0; i < rows.size(); i++) {
            if (i % every == 0 || i == rows.size() - 1) {
                printRow(stdout, rows.get(i));
            }
        }
        if (referenceModel != null) {
            TokensPerParameterPolicy.Row nearest = policy.nearest(referenceModel.compute());
            stdout.printf(Locale.ROOT, "  reference model: %.3g params, %.3g tokens, C = %.3g, D/N = %.4g; nearest "
                            + "budget:%n", referenceModel.params(), referenceModel.tokens(), referenceModel.compute(),
                    referenceModel.tokensPerParam());
            printRow(stdout, nearest);
        }
        stdout.println("  (every budget in --out)");
    }

    private static void printRow(PrintStream stdout, TokensPerParameterPolicy.Row row) {
        stdout.printf(Locale.ROOT, "  %12.4g %10.4f %10.4f %10.4f %10.4f %10.4f %10.4f%n", row.compute(), row.low(),
                row.median(), row.high(), row.pointEstimate(), row.reference(), row.medianComputeFactor());
    }

    /** The stationarity test's figures, as the sentence they support. */
    private static String evidence(Stationarity test) {
        return String.format(Locale.ROOT, "%s tested step lowers NLL by more than %.0e of it (largest decrease "
                        + "%.3g of |NLL|; ‖∇NLL‖∞ = %.3g, relative gradient %.3g; curvature ratio %.3g)",
                test.holds() ? "no" : "a", Stationarity.DECREASE_TOLERANCE, test.relativeDecrease(),
                test.gradientNorm(), test.relativeGradient(), test.curvatureRatio());
    }

    private static String fmt(double percentile) {
        return percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile);
    }

    private void printEstimate(PrintStream stdout, int points, HuberLikelihoodFit estimate,
                               BootstrapResult bootstrap, int workers, double seconds) {
        double[] theta = estimate.theta();
        double[] value = {Math.exp(theta[2]), Math.exp(theta[3]), Math.exp(theta[4]), theta[0], theta[1]};
        int[] order = {2, 3, 4, 0, 1};
        double[] se = bootstrap.untransformedStandardErrors();
        double[] logSe = bootstrap.standardErrors();
        double[] low = bootstrap.untransformedPercentile(2.5);
        double[] high = bootstrap.untransformedPercentile(97.5);
        String[] names = {"A", "B", "E", "alpha", "beta"};
        stdout.printf(Locale.ROOT, "%s: %d points; start %s; %s%n", outcome.request().data().data(), points,
                outcome.request().start(), Wording.delta(outcome.request().delta()));
        stdout.printf(Locale.ROOT, "Huber-likelihood estimate (Fit B): sigma = exp(%.8f), NLL %.10f, %s%n",
                estimate.logScale(), estimate.negativeLogLikelihood(), estimate.outcome().status());
        Stationarity test = estimate.stationarity();
        switch (estimate.convergence()) {
            case CONVERGED -> { }
            case AT_PRECISION_FLOOR -> stdout.printf(Locale.ROOT, "  converged at the precision floor: L-BFGS stopped "
                    + "(%s) %s%n", estimate.outcome().status(), estimate.polished()
                    ? "where a tested step still lowered NLL, and was polished to a tested local minimum"
                    : "at a tested local minimum");
            case NOT_STATIONARY, SCALE_BELOW_PRECISION -> {
                String message = String.format(Locale.ROOT, "NOT CONVERGED: Fit B (L-BFGS stopped: %s%s) is %s%s",
                        estimate.outcome().status(), estimate.polished() ? ", then polished" : "", estimate.warning(),
                        estimate.convergence() == HuberLikelihoodFit.Convergence.NOT_STATIONARY
                                ? "; the tests and policy computed from it are not from an optimum" : "");
                stdout.println(message);
                System.err.println("scalefit bootstrap: " + message);
            }
        }
        stdout.printf(Locale.ROOT, "  %s: %s%n", test.holds() ? "stationary" : "not stationary", evidence(test));
        stdout.printf(Locale.ROOT, "pairs bootstrap: %d resamples (seed %d, %s stream); refits: %s%n",
                bootstrap.count(), outcome.request().seed(), outcome.request().streamName(),
                FitBootstrapPrinter.refitCounts(bootstrap));
        stdout.printf(Locale.ROOT, "  %-6s %14s %12s %12s %14s %14s%n", "", "estimate", "s.e.", "s.e.(log)",
                "2.5 %", "97.5 %");
        for (int p = 0; p < 5; p++) {
            int j = order[p];
            stdout.printf(Locale.ROOT, "  %-6s %14.7g %12.5g %12.5g %14.7g %14.7g%n", names[p], value[p], se[j],
                    logSe[j], low[j], high[j]);
        }
        stdout.printf(Locale.ROOT, "%s, %.2f s%n", Counts.of(workers, "thread"), seconds);
    }
}
