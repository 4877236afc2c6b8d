package org.scalefit.isoflop;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scalefit.parallel.Parallelism;
import org.scalefit.uncertainty.NormalSource;

/**
 * Porian et al.'s compute-savings analysis ("accuracy vs compute"; {@code analysis.py},
 * {@code perform_varying_compute_analysis} and {@code predict_and_estimate_cost}): how well the exponent of N*(C) is
 * known when the sweep stops early. For p = 3, 4, … the first p budgets of a doubling ladder are analysed afresh
 * ({@link IsoflopAnalysis}; one random stream runs on through all prefixes, every prefix drawing its budgets anew),
 * budgets with C ≤ C_start are dropped, and the power laws are fitted without the loss ({@link IsoflopFits}).
 *
 * <p>Per prefix: the {@code bs_median_weighted} exponent and coefficient of N*, D*, ρ* with the [2.5 %, 97.5 %]
 * quantiles of the weighted bootstrap replicates, the predictions coef·T^a at target budgets T with their
 * intervals, the RMS relative error of the replicates' N* exponents against the nominal 0.5,
 * √(mean_b((a_b − 0.5)/0.5)²), and the cost of the experiment: for each budget with an optimum, its points with
 * excess loss L_i − min L &lt; 1 and ρ_i = C/(6·N_i²) ≤ 100, at most 50 in increasing excess loss; each model size
 * counted once, at the largest budget where it qualified (a run that reaches the largest budget passes the smaller
 * ones on the way), cost = Σ over those sizes of that budget.
 *
 * <p>C_start is the caller's, or half the smallest budget with an optimum in the first prefix (then kept for all
 * prefixes). The paper runs it on the RefinedWeb configuration with tuned hyperparameters, short warmup and
 * constant learning rate, once by default and once with C_start = 2.4·10¹⁶ ("limited compute").
 */
public final class ComputeSavings {

    /** The nominal exponent the RMS error is measured against. */
    public static final double NOMINAL_EXPONENT = 0.5;
    /** Excess-loss limit of a point counted in the cost. */
    static final double EXCESS_LOSS_LIMIT = 1.0;
    /** Tokens-per-parameter limit of a point counted in the cost. */
    static final double MULTIPLIER_LIMIT = 100;
    /** At most this many points of a budget are counted. */
    static final int POINTS_PER_BUDGET = 50;

    private ComputeSavings() {
    }

    /** A point estimate with its 95 % bootstrap interval. */
    public record Estimate(double value, double low, double high) {
    }

    /**
     * One quantity's law on a prefix.
     *
     * @param exponent    a
     * @param coef        the coefficient
     * @param predictions coef·T^a at each target T, in the order of the targets
     */
    public record LawEstimate(Estimate exponent, Estimate coef, List<Estimate> predictions) {
        public LawEstimate {
            predictions = List.copyOf(predictions);
        }
    }

    /**
     * One prefix of the ladder.
     *
     * @param prefix         how many budgets of the ladder were run
     * @param startFlops     C_start
     * @param maxFlops       the largest budget with an optimum
     * @param cost           the experiment's cost (FLOPs)
     * @param fittedBudgets  budgets in the fits
     * @param laws           per quantity, empty when fewer than two budgets had an optimum
     * @param rmsRelativeError the replicates' RMS relative error of the N* exponent against 0.5 (NaN without fits)
     */
    public record Row(int prefix, double startFlops, double maxFlops, double cost, int fittedBudgets,
                      Map<ComputeOptimalLaws.Quantity, LawEstimate> laws, double rmsRelativeError) {
        public Row {
            laws = Map.copyOf(laws);
        }
    }

    /**
     * Runs the analysis.
     *
     * @param budgets     the configuration's IsoFLOP points (any order; budgets off the ladder are ignored)
     * @param ladder      the budgets in increasing order ({@code FLOP_VALS})
     * @param firstPrefix the smallest prefix (3)
     * @param startFlops  C_start, or NaN to take half the smallest budget with an optimum in the first prefix
     * @param targets     budgets T at which to predict
     * @param settings    the per-budget analysis settings
     * @param normals     the random stream, consumed through all prefixes in order
     * @param parallelism the workers (results do not depend on them)
     */
    public static List<Row> run(List<IsoflopBudget> budgets, double[] ladder, int firstPrefix, double startFlops,
                                double[] targets, IsoflopSettings settings, NormalSource normals,
                                Parallelism parallelism) {
        return run(budgets, ladder, firstPrefix, new double[] {startFlops}, targets, settings, normals, parallelism)
                .get(0);
    }

    /**
     * Runs the analysis for several C_start at once: C_start only chooses which analysed budgets are fitted, so the
     * per-budget analyses (and the random numbers they draw) are shared, and each variant's rows are those
     * {@link #run(List, double[], int, double, double[], IsoflopSettings, NormalSource, Parallelism) run} gives
     * with that C_start and the same stream.
     *
     * @param startFlops C_start of each variant (NaN: the default)
     * @return the rows of each variant, in the order of {@code startFlops}
     */
    public static List<List<Row>> run(List<IsoflopBudget> budgets, double[] ladder, int firstPrefix,
                                      double[] startFlops, double[] targets, IsoflopSettings settings,
                                      NormalSource normals, Parallelism parallelism) {
        double[] start = startFlops.clone();
        List<List<Row>> rows = new ArrayList<>();
        for (int v = 0; v < start.length; v++) {
            rows.add(new ArrayList<>());
        }
        for (int p = firstPrefix; p <= ladder.length; p++) {
            List<IsoflopBudget> prefix = new ArrayList<>();
            for (IsoflopBudget budget : budgets) {
                for (int j = 0; j < p; j++) {
                    if (budget.flops() == ladder[j]) {
                        prefix.add(budget);
                    }
                }
            }
            List<BudgetOptimum> optima = IsoflopAnalysis.optima(prefix, settings, normals, parallelism);
            for (int v = 0; v < start.length; v++) {
                if (Double.isNaN(start[v])) {
                    start[v] = optima.stream().filter(BudgetOptimum::hasOptimum).mapToDouble(BudgetOptimum::flops)
                            .min().orElse(Double.NaN) / 2;
                }
                rows.get(v).add(row(p, start[v], optima, targets, parallelism));
            }
        }
        return rows.stream().map(List::copyOf).toList();
    }

    /** One prefix's row for one C_start. */
    private static Row row(int p, double start, List<BudgetOptimum> optima, double[] targets,
                           Parallelism parallelism) {
        List<BudgetOptimum> kept = optima.stream().filter(o -> o.flops() > start).toList();
        List<BudgetOptimum> withOptimum = kept.stream().filter(BudgetOptimum::hasOptimum).toList();
        double maxFlops = withOptimum.stream().mapToDouble(BudgetOptimum::flops).max().orElse(Double.NaN);
        double cost = cost(withOptimum);
        Map<ComputeOptimalLaws.Quantity, LawEstimate> laws = new EnumMap<>(ComputeOptimalLaws.Quantity.class);
        double rms = Double.NaN;
        if (withOptimum.size() >= 2) {
            IsoflopFits fits = IsoflopFits.of(kept, false, parallelism);
            List<ComputeOptimalLaws> replicates = fits.bootstrapWeighted();
            for (ComputeOptimalLaws.Quantity q : ComputeOptimalLaws.Quantity.values()) {
                laws.put(q, estimate(fits.point(FitVariant.BS_MEDIAN_WEIGHTED).law(q), replicates, q, targets));
            }
            double sum = 0;
            for (ComputeOptimalLaws replicate : replicates) {
                double r = (replicate.n().exponent() - NOMINAL_EXPONENT) / NOMINAL_EXPONENT;
                sum += r * r;
            }
            rms = Math.sqrt(sum / replicates.size());
        }
        return new Row(p, start, maxFlops, cost, withOptimum.size(), laws, rms);
    }

    private static LawEstimate estimate(PowerLaw point, List<ComputeOptimalLaws> replicates,
                                        ComputeOptimalLaws.Quantity q, double[] targets) {
        double[] exponents = replicates.stream().mapToDouble(r -> r.law(q).exponent()).toArray();
        double[] coefs = replicates.stream().mapToDouble(r -> r.law(q).coef()).toArray();
        List<Estimate> predictions = new ArrayList<>();
        for (double target : targets) {
            double[] values = replicates.stream().mapToDouble(r -> r.law(q).at(target)).toArray();
            predictions.add(interval(point.at(target), values));
        }
        return new LawEstimate(interval(point.exponent(), exponents), interval(point.coef(), coefs), predictions);
    }

    private static Estimate interval(double value, double[] replicates) {
        if (replicates.length == 0) {
            return new Estimate(value, Double.NaN, Double.NaN);
        }
        double[] interval = Statistics.interval95(replicates);
        return new Estimate(value, interval[0], interval[1]);
    }

    /** Σ over distinct model sizes of the largest budget at which the size qualified. */
    static double cost(List<BudgetOptimum> withOptimum) {
        TreeMap<Double, Double> largestBudget = new TreeMap<>();
        for (BudgetOptimum optimum : withOptimum) {
            IsoflopBudget budget = optimum.budget();
            double c = budget.flops();
            double[] n = budget.sizes();
            double[] l = budget.losses();
            double min = Double.POSITIVE_INFINITY;
            for (double loss : l) {
                min = Math.min(min, loss);
            }
            List<double[]> qualified = new ArrayList<>();
            for (int i = 0; i < n.length; i++) {
                double excess = l[i] - min;
                if (excess < EXCESS_LOSS_LIMIT && c / (6 * n[i] * n[i]) <= MULTIPLIER_LIMIT) {
                    qualified.add(new double[] {excess, n[i]});
                }
            }
            qualified.sort((a, b) -> Double.compare(a[0], b[0]));
            for (int k = 0; k < Math.min(POINTS_PER_BUDGET, qualified.size()); k++) {
                largestBudget.merge(qualified.get(k)[1], c, Math::max);
            }
        }
        double cost = 0;
        for (double c : largestBudget.values()) {
            cost += c;
        }
        return cost;
    }
}
