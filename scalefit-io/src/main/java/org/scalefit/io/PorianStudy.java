package org.scalefit.io;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.fit.Parallelism;
import org.scalefit.isoflop.BudgetOptimum;
import org.scalefit.isoflop.IsoflopAnalysis;
import org.scalefit.isoflop.IsoflopFits;
import org.scalefit.isoflop.IsoflopSettings;
import org.scalefit.isoflop.SeedNoise;
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

    private PorianStudy() {
    }

    /** Runs one table's configurations (seed 42 at the start of the table). */
    public static List<Result> table(String table, boolean fitLoss, Parallelism parallelism) {
        NormalSource normals = ResamplingStream.NUMPY_RANDOM_STATE.normals(42);
        List<Result> results = new ArrayList<>();
        for (PorianConfiguration configuration : PorianData.configurations(table)) {
            List<BudgetOptimum> optima = IsoflopAnalysis.optima(configuration.budgets(),
                    IsoflopSettings.porian(configuration.noise(SeedNoise.Rule.AS_IMPLEMENTED)), normals, parallelism);
            results.add(new Result(configuration, optima, IsoflopFits.of(optima, fitLoss, parallelism)));
        }
        return List.copyOf(results);
    }
}
