package org.scalefit.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalefit.data.RunTable;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartOutcome;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.TableReader;
import org.scalefit.law.expr.ExpressionFit;
import org.scalefit.law.expr.ExpressionFitRequest;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.ExpressionObjective;
import org.scalefit.law.expr.LawPoints;
import org.scalefit.law.expr.NamedLaws;

/**
 * Muennighoff et al. 2023 ("Scaling Data-Constrained Language Models"): their data-constrained law (eqs. 5–7, the
 * {@code data-constrained} named law) on the 182 runs of their published fit, the C4 base law held fixed and R_D*,
 * R_N* fitted from their 4 × 4 grid by the multi-start engine; compared with the published R_D*, R_N*, objective and
 * the two check values of their README. The grid's best lies in the published basin; a lower basin beyond the grid
 * (reached by scipy's L-BFGS-B from one of their starts) is shown beside it.
 */
public final class DatablationsReproduction {

    static final String TITLE = "Scaling Data-Constrained Language Models (Muennighoff et al. 2023)";
    static final double PUBLISHED_R_D = 15.387756;
    static final double PUBLISHED_R_N = 5.309743;
    static final double PUBLISHED_OBJECTIVE = 0.015825936570763588;

    private DatablationsReproduction() {
    }

    /** Runs the reproduction. */
    public static StudyReproduction run(ReproductionContext context) {
        long begin = System.nanoTime();
        DataLog data = new DataLog(new TableReader());
        RunTable table = data.read("datablations:c4_published_fit",
                ColumnRequest.of("params", "tokens", "unique_tokens", "loss"));
        LawPoints runs = LawPoints.of(table.source(), List.of("params", "tokens", "unique_tokens"),
                new double[][] {table.column("params"), table.column("tokens"), table.column("unique_tokens")},
                table.column("loss"));
        ExpressionLaw law = NamedLaws.named("data-constrained");
        double[] published = {NamedLaws.DATA_CONSTRAINED_A, NamedLaws.DATA_CONSTRAINED_B,
                NamedLaws.DATA_CONSTRAINED_E, NamedLaws.DATA_CONSTRAINED_ALPHA, NamedLaws.DATA_CONSTRAINED_ALPHA,
                PUBLISHED_R_D, PUBLISHED_R_N};
        List<Comparison> comparisons = new ArrayList<>();
        String check = "README check values, published point";
        comparisons.add(Comparison.absolute(check, "L(6.34e9, 242e9, 25e9)",
                law.predict(new double[] {6.34e9, 242e9, 25e9}, published), 2.2256440889984477, 1e-12));
        comparisons.add(Comparison.absolute(check, "L(8.67e9, 178e9, 25e9)",
                law.predict(new double[] {8.67e9, 178e9, 25e9}, published), 2.2269634075087867, 1e-12));
        double atPublished = ExpressionObjective.of(law, runs).valueAtTheta(published, null);
        comparisons.add(Comparison.relative("objective at the published point", "Huber sum (δ 1e-3)", atPublished,
                PUBLISHED_OBJECTIVE, 1e-7));

        MultiStartFitter.Options exhaustive = MultiStartFitter.Options.defaults();
        ExpressionFit grid = new ExpressionFitRequest(law, runs, exhaustive)
                .run(context.parallelism(), context.progress());
        ExpressionObjective objective = ExpressionObjective.of(law, runs);
        int rd = law.parameterNames().indexOf("R_D_star");
        int rn = law.parameterNames().indexOf("R_N_star");
        // the published basin: of the optima the search reports (best, and a competing basin within 5 %), the one
        // nearest the published (R_D*, R_N*)
        double[] basin = grid.parameters();
        double basinObjective = grid.objective();
        StartOutcome competing = grid.search().secondBest();
        if (competing != null) {
            double[] other = objective.theta(competing.point());
            if (distance(other, rd, rn) < distance(basin, rd, rn)) {
                basin = other;
                basinObjective = competing.value();
            }
        }
        String fit = "fit of R_D*, R_N* (base fixed), their grid {0, 20/3, 40/3, 20}²: the published basin";
        comparisons.add(Comparison.relative(fit, "R_D*", basin[rd], PUBLISHED_R_D, 1.1e-3));
        comparisons.add(Comparison.relative(fit, "R_N*", basin[rn], PUBLISHED_R_N, 1.1e-3));
        comparisons.add(Comparison.objective(fit, basinObjective, PUBLISHED_OBJECTIVE, 1e-12));
        boolean gridFoundLower = grid.objective() < basinObjective;
        if (gridFoundLower) {
            String best = "fit of R_D*, R_N*, their grid: the lowest optimum found";
            comparisons.add(Comparison.unpublished(best, "R_D*", grid.parameter("R_D_star"), ""));
            comparisons.add(Comparison.unpublished(best, "R_N*", grid.parameter("R_N_star"), ""));
            comparisons.add(Comparison.unpublished(best, "objective", grid.objective(), String.format(Locale.ROOT,
                    "%.3g below the published basin's optimum", basinObjective - grid.objective())));
        }

        ExpressionLaw nearLower = law.withParameter(law.parameter("R_D_star").withStarts(45))
                .withParameter(law.parameter("R_N_star").withStarts(2.5));
        ExpressionFit lower = new ExpressionFitRequest(nearLower, runs, exhaustive)
                .run(context.parallelism(), context.progress());
        String beyond = "lower basin beyond the grid (start R_D* = 45, R_N* = 2.5)";
        comparisons.add(Comparison.unpublished(beyond, "R_D*", lower.parameter("R_D_star"), ""));
        comparisons.add(Comparison.unpublished(beyond, "R_N*", lower.parameter("R_N_star"), ""));
        comparisons.add(Comparison.unpublished(beyond, "objective", lower.objective(), String.format(Locale.ROOT,
                "%.3g below the published basin's optimum", basinObjective - lower.objective())));

        List<String> notes = List.of(
                "The published objective was computed in float32 (torch); the same point in double precision is "
                        + "8.3e-8 relative lower, equal to a numpy/scipy float64 reference to 1e-16.",
                "Their grid's 7 starts with R_D* = 0 or R_N* = 0 are not finite (−R/R* divides by zero); the other "
                        + grid.search().successfulStarts() + " converge, to the published basin, whose optimum is "
                        + "below the published objective (their float32 L-BFGS stopped within 1e-3 of it)"
                        + (gridFoundLower ? ", and, after polishing, to a lower basin, which the fit reports as its "
                        + "optimum with the published basin as a competing one" : "") + ".",
                "A lower basin at R_D* ≈ 47, R_N* ≈ 2.33 exists: scipy's L-BFGS-B (finite differences) reaches it "
                        + "from their start (20, 20/3); both basins are shown.");
        return new StudyReproduction("datablations", TITLE, comparisons, notes, List.of(), data.sources(),
                (System.nanoTime() - begin) / 1e9);
    }

    /** Relative distance of (R_D*, R_N*) in θ from the published values. */
    private static double distance(double[] theta, int rd, int rn) {
        return Math.hypot(theta[rd] / PUBLISHED_R_D - 1, theta[rn] / PUBLISHED_R_N - 1);
    }
}
