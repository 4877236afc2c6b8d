package org.scalefit.io;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.isoflop.BudgetOptimum;
import org.scalefit.isoflop.IsoflopAnalysis;
import org.scalefit.isoflop.IsoflopSettings;
import org.scalefit.isoflop.SeedNoise;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.uncertainty.NormalSource;
import org.scalefit.uncertainty.ResamplingStream;

/** The per-budget analysis of all fifteen Porian configurations with NumPy's stream, seed 42 per table, computed once. */
final class PorianReplay {

    /** One configuration's analysis. */
    record Analysed(PorianConfiguration configuration, List<BudgetOptimum> optima) {
    }

    private static List<Analysed> all;

    private PorianReplay() {
    }

    static synchronized List<Analysed> all() {
        if (all == null) {
            List<Analysed> result = new ArrayList<>();
            for (String table : PorianData.TABLES) {
                NormalSource normals = ResamplingStream.NUMPY_RANDOM_STATE.normals(42);
                for (PorianConfiguration configuration : PorianData.configurations(table)) {
                    result.add(new Analysed(configuration, IsoflopAnalysis.optima(configuration.budgets(),
                            IsoflopSettings.porian(configuration.noise(SeedNoise.Rule.AS_IMPLEMENTED)), normals,
                            LocalParallelism.allCores())));
                }
            }
            all = List.copyOf(result);
        }
        return all;
    }
}
