package org.scalefit.io;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.isoflop.BudgetOptimum;
import org.scalefit.isoflop.ComputeSavings;
import org.scalefit.isoflop.IsoflopAnalysis;
import org.scalefit.isoflop.IsoflopFits;
import org.scalefit.isoflop.IsoflopSettings;
import org.scalefit.isoflop.SeedNoise;
import org.scalefit.parallel.Parallelism;
import org.scalefit.uncertainty.NormalSource;
import org.scalefit.uncertainty.ResamplingStream;

/**
 * Porian et al.'s main analysis ({@code analysis.perform_main_analysis} as {@code make_paper.ipynb} runs it) on the
 * bundled IsoFLOP points: for each table, NumPy's generator seeded with 42, then each configuration in table order
 * through {@link IsoflopAnalysis} (as-implemented seed noise of its dataset, B = 1000) and {@link IsoflopFits}.
 * With these settings the per-budget draws are the published ones exactly.
 */
public final class PorianStudy {

    /** One configuration's analysis. */
    public record Result(PorianConfiguration configuration, List<BudgetOptimum> optima, IsoflopFits fits) {
        public Result {
            optima = List.copyOf(optima);
        }
    }

    /** The smallest and largest budget of the paper ({@code FLOP_VALS}). */
    public static final double SMALLEST_BUDGET = 1.25e16;
    /** The largest budget of the paper. */
    public static final double LARGEST_BUDGET = 2.56e19;

    /** The targets of the compute-savings predictions: the paper's largest budget and Chinchilla's (5.76·10²³). */
    public static final double[] SAVINGS_TARGETS = {2.56e19, 5.76e23};
    /** The "limited compute" C_start of the compute-savings analysis. */
    public static final double LIMITED_COMPUTE_START = 2.4e16;

    private PorianStudy() {
    }

    /**
     * The compute-savings analysis as {@code make_paper.ipynb} runs it ({@link ComputeSavings}): configuration
     * (rw, tuned, short, const, standard, val) of {@code summary_df}, ladder 1.25·10¹⁶·2^j (j = 0 … 11), prefixes
     * from 3, NumPy's generator seeded with 42 once, as-implemented RefinedWeb seed noise, B = 1000.
     *
     * @param startFlops C_start, or NaN for the default (half the smallest budget with an optimum);
     *                   {@link #LIMITED_COMPUTE_START} for the "limited compute" variant
     */
    public static List<ComputeSavings.Row> computeSavings(double startFlops, Parallelism parallelism) {
        return computeSavings(new double[] {startFlops}, parallelism).get(0);
    }

    /**
     * {@link #computeSavings(double, Parallelism)} for several C_start at once, sharing the per-budget analyses
     * (the notebook's two runs draw the same numbers: C_start only selects budgets after the analysis).
     *
     * @return the rows of each C_start, in order
     */
    public static List<List<ComputeSavings.Row>> computeSavings(double[] startFlops, Parallelism parallelism) {
        return computeSavings(PorianData.configurations("summary_df"), startFlops, parallelism);
    }

    /**
     * {@link #computeSavings(double[], Parallelism)} with {@code summary_df}'s configurations already read
     * ({@link PorianData#configurations}).
     */
    public static List<List<ComputeSavings.Row>> computeSavings(List<PorianConfiguration> summaryDf,
                                                                double[] startFlops, Parallelism parallelism) {
        PorianConfiguration configuration = summaryDf.stream()
                .filter(c -> c.tuple().equals("rw,tuned,short,const,standard,val")).findFirst().orElseThrow();
        double[] ladder = new double[12];
        for (int j = 0; j < ladder.length; j++) {
            ladder[j] = SMALLEST_BUDGET * Math.pow(2, j);
        }
        return ComputeSavings.run(configuration.budgets(), ladder, 3, startFlops, SAVINGS_TARGETS,
                IsoflopSettings.porian(configuration.noise(SeedNoise.Rule.AS_IMPLEMENTED)),
                ResamplingStream.NUMPY_RANDOM_STATE.normals(42), parallelism);
    }

    /** Runs one table's configurations (seed 42 at the start of the table). */
    public static List<Result> table(String table, boolean fitLoss, Parallelism parallelism) {
        return table(PorianData.configurations(table), fitLoss, parallelism);
    }

    /** {@link #table(String, boolean, Parallelism)} with the table's configurations already read, in table order. */
    public static List<Result> table(List<PorianConfiguration> configurations, boolean fitLoss,
                                     Parallelism parallelism) {
        NormalSource normals = ResamplingStream.NUMPY_RANDOM_STATE.normals(42);
        List<Result> results = new ArrayList<>();
        for (PorianConfiguration configuration : configurations) {
            List<BudgetOptimum> optima = IsoflopAnalysis.optima(configuration.budgets(),
                    IsoflopSettings.porian(configuration.noise(SeedNoise.Rule.AS_IMPLEMENTED)), normals, parallelism);
            results.add(new Result(configuration, optima, IsoflopFits.of(optima, fitLoss, parallelism)));
        }
        return List.copyOf(results);
    }
}
