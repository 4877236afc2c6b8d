package org.scalefit.sensitivity;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.Parallelism;

/**
 * Gemstones' δ × grid-size sensitivity analysis ({@code plotters/slope_analysis.py}): the params/tokens
 * law L = E + A/N^α + B/D^β is fitted for every Huber threshold δ and every target grid size g, each from the start
 * grid {@link ParamSearchArray#forTarget(int, long) create_param_search_array(2, g)}, and the allocation slopes
 * b = α/(α+β) (D_opt ∝ C^b, the slope the original plots) and a = β/(α+β) are reported with the best Huber loss.
 *
 * <p>Configurations run one after another in the order δ, then g (as the original loops); the starts of each run in
 * parallel through {@link MultiStartFitter}, whose result does not depend on the thread count.
 */
public final class DeltaGridSweep {

    /** Gemstones' δ values: 1e-3, 1e-4, 1e-5. */
    public static final List<Double> GEMSTONES_DELTAS = List.of(1e-3, 1e-4, 1e-5);

    private DeltaGridSweep() {
    }

    /**
     * Gemstones' 20 target sizes: {@code np.arange(3000, 10000, 1000)}, {@code np.arange(10000, 50000, 5000)},
     * {@code np.arange(50000, 100000, 10000)}.
     */
    public static List<Long> gemstonesGridSizes() {
        List<Long> sizes = new ArrayList<>();
        for (long g = 3000; g < 10_000; g += 1000) {
            sizes.add(g);
        }
        for (long g = 10_000; g < 50_000; g += 5000) {
            sizes.add(g);
        }
        for (long g = 50_000; g < 100_000; g += 10_000) {
            sizes.add(g);
        }
        return List.copyOf(sizes);
    }

    /** The configurations of a sweep, δ-major: for each δ, every grid size in the order given. */
    public static List<DeltaGridPoint.Configuration> configurations(List<Double> deltas, List<Long> gridSizes) {
        if (deltas.isEmpty() || gridSizes.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one δ and one grid size");
        }
        List<DeltaGridPoint.Configuration> configurations = new ArrayList<>();
        for (double delta : deltas) {
            for (long size : gridSizes) {
                configurations.add(new DeltaGridPoint.Configuration(delta,
                        ParamSearchArray.forTarget(LawForm.CHINCHILLA.arity(), size)));
            }
        }
        return List.copyOf(configurations);
    }

    /** The total number of starts of {@code configurations}. */
    public static long totalStarts(List<DeltaGridPoint.Configuration> configurations) {
        return configurations.stream().mapToLong(configuration -> configuration.grid().size()).sum();
    }

    /**
     * Fits the params/tokens law to {@code observations} (inputs [params, tokens]) for every configuration.
     *
     * @throws IllegalArgumentException if the observations do not have exactly the two inputs, or a δ is not
     *                                  positive and finite
     */
    public static List<DeltaGridPoint> run(Observations observations, List<DeltaGridPoint.Configuration> configurations,
                                           MultiStartFitter.Options fitter, Parallelism parallelism, FitProgress progress) {
        List<DeltaGridPoint> points = new ArrayList<>();
        for (DeltaGridPoint.Configuration configuration : configurations) {
            LawFit fit = new FitProblem(LawForm.CHINCHILLA, observations, configuration.delta(),
                    configuration.grid().grid(), fitter)
                    .fit(parallelism, progress);
            points.add(new DeltaGridPoint(configuration.delta(), configuration.grid(), fit));
        }
        return List.copyOf(points);
    }
}
