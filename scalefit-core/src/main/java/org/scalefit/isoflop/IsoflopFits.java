package org.scalefit.isoflop;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.scalefit.parallel.Parallelism;

/**
 * The configuration-level fits of an IsoFLOP analysis (Porian et al., {@code analysis.py},
 * {@code fit_compute_optimal_power_laws} and {@code fit_loss_with_saturation}): the four point fits and the two
 * per-replicate fit lists of N*, D*, ρ* ({@link FitVariant}), and the saturating fit of the optimal loss.
 *
 * <p>Budgets fitted: every budget with an optimum, whatever its C. Replicate i (i = 0 … M−1) pairs the i-th valid
 * draw of every fitted budget, (C, N*_c[i], D*_c[i], C/(6·N*_c[i]²)), with M the smallest number of valid draws on
 * either axis over those budgets; the i-th valid draws of two budgets may come from different noise rows when
 * replicates were dropped — the code pairs them anyway. Loss replicates i = 0 … 199 fit (C, L*_c[i]) of the budgets
 * in the loss window 10¹⁶ &lt; C &lt; 5·10¹⁷ ({@code bootstrap_num_loss}).
 *
 * @param budgets          how many budgets were fitted
 * @param points           the four point fits by variant
 * @param bootstrap        the unweighted per-replicate fits (M of them)
 * @param bootstrapWeighted the weighted per-replicate fits (M of them)
 * @param loss             the unweighted saturating fit of L*(C) on the loss window (the {@code basic} and
 *                         {@code bs_median} entry), or null when not fitted or when no start converged
 * <p>Warnings name what makes the fits weaker than their numbers look: power laws through two budgets are exact
 * lines (R² = 1 by construction); an optimal-loss fit asked for but without a budget in the window is not made; one
 * on fewer budgets than its three parameters (E, A, α) is not determined by the data.
 *
 * @param lossBootstrap    the per-replicate saturating fits (empty when not fitted; a replicate whose fit failed is
 *                         left out)
 * @param warnings         what makes the fits weaker than their numbers look, in words; empty when nothing does
 */
public record IsoflopFits(int budgets, Map<FitVariant, ComputeOptimalLaws> points, List<ComputeOptimalLaws> bootstrap,
                          List<ComputeOptimalLaws> bootstrapWeighted, SaturatingLoss loss,
                          List<SaturatingLoss> lossBootstrap, List<String> warnings) {

    /** The loss window's lower bound (exclusive). */
    public static final double LOSS_WINDOW_LOW = 1e16;
    /** The loss window's upper bound (exclusive). */
    public static final double LOSS_WINDOW_HIGH = 5e17;
    /** Loss bootstrap replicates ({@code bootstrap_num_loss}). */
    public static final int LOSS_REPLICATES = 200;

    public IsoflopFits {
        points = Map.copyOf(points);
        bootstrap = List.copyOf(bootstrap);
        bootstrapWeighted = List.copyOf(bootstrapWeighted);
        lossBootstrap = List.copyOf(lossBootstrap);
        warnings = List.copyOf(warnings);
    }

    /** These fits with {@code more} warnings after their own. */
    public IsoflopFits withWarnings(List<String> more) {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new IsoflopFits(budgets, points, bootstrap, bootstrapWeighted, loss, lossBootstrap, all);
    }

    /** A point fit. */
    public ComputeOptimalLaws point(FitVariant variant) {
        if (variant.perReplicate()) {
            throw new IllegalArgumentException(variant.key() + " is a per-replicate fit");
        }
        return points.get(variant);
    }

    /** The replicate fits of {@link FitVariant#BOOTSTRAP} or {@link FitVariant#BOOTSTRAP_WEIGHTED}. */
    public List<ComputeOptimalLaws> replicates(FitVariant variant) {
        return switch (variant) {
            case BOOTSTRAP -> bootstrap;
            case BOOTSTRAP_WEIGHTED -> bootstrapWeighted;
            default -> throw new IllegalArgumentException(variant.key() + " is a point fit");
        };
    }

    /** The saturating loss fit, if fitted. */
    public Optional<SaturatingLoss> lossFit() {
        return Optional.ofNullable(loss);
    }

    /**
     * Fits the optima.
     *
     * @param optima      the per-budget analysis ({@link IsoflopAnalysis#optima})
     * @param fitLoss     whether to fit the saturating loss law and its 200 replicates (the costly part)
     * @param parallelism workers for the loss fits
     * @throws IllegalArgumentException when fewer than two budgets have an optimum
     */
    public static IsoflopFits of(List<BudgetOptimum> optima, boolean fitLoss, Parallelism parallelism) {
        List<BudgetOptimum> fitted = optima.stream().filter(BudgetOptimum::hasOptimum).toList();
        int s = fitted.size();
        if (s < 2) {
            throw new IllegalArgumentException("only " + s + " budget" + (s == 1 ? " has" : "s have")
                    + " an interior optimum; a power law needs at least 2");
        }
        double[] c = new double[s];
        double[] n = new double[s];
        double[] t = new double[s];
        double[] rho = new double[s];
        double[] wn = new double[s];
        double[] wt = new double[s];
        double[] wrho = new double[s];
        int replicates = Integer.MAX_VALUE;
        double[][] nDraws = new double[s][];
        double[][] tDraws = new double[s][];
        for (int i = 0; i < s; i++) {
            OptimalPair pair = fitted.get(i).pair();
            c[i] = pair.flops();
            n[i] = pair.n();
            t[i] = pair.t();
            rho[i] = pair.multiplier();
            wn[i] = 1 / (pair.nSpread() * pair.nSpread());
            wt[i] = 1 / (pair.tSpread() * pair.tSpread());
            wrho[i] = 1 / (pair.multiplierSpread() * pair.multiplierSpread());
            nDraws[i] = fitted.get(i).sizes().draws();
            tDraws[i] = fitted.get(i).tokens().draws();
            replicates = Math.min(replicates, Math.min(nDraws[i].length, tDraws[i].length));
        }
        Map<FitVariant, ComputeOptimalLaws> points = new EnumMap<>(FitVariant.class);
        ComputeOptimalLaws basic = new ComputeOptimalLaws(PowerLaw.fit(c, n, null), PowerLaw.fit(c, t, null),
                PowerLaw.fit(c, rho, null));
        points.put(FitVariant.BASIC, basic);
        points.put(FitVariant.WEIGHTED, new ComputeOptimalLaws(PowerLaw.fit(c, n, wn), PowerLaw.fit(c, t, wt),
                PowerLaw.fit(c, rho, wrho)));
        points.put(FitVariant.BS_MEDIAN, basic);
        points.put(FitVariant.BS_MEDIAN_WEIGHTED, new ComputeOptimalLaws(PowerLaw.fit(c, n, wn),
                PowerLaw.fit(c, t, wt), PowerLaw.fit(c, rho, null)));
        List<ComputeOptimalLaws> bootstrap = new ArrayList<>(replicates);
        List<ComputeOptimalLaws> bootstrapWeighted = new ArrayList<>(replicates);
        replicateFits(c, nDraws, tDraws, wn, wt, replicates, bootstrap, bootstrapWeighted);
        List<String> warnings = new ArrayList<>();
        if (s == 2) {
            warnings.add("the power laws are fitted to 2 budgets: each passes through both optima, so its R² = 1 "
                    + "by construction; only the replicates' intervals measure anything");
        }
        SaturatingLoss loss = null;
        List<SaturatingLoss> lossBootstrap = List.of();
        if (fitLoss) {
            List<Integer> window = new ArrayList<>();
            for (int i = 0; i < s; i++) {
                if (c[i] > LOSS_WINDOW_LOW && c[i] < LOSS_WINDOW_HIGH) {
                    window.add(i);
                }
            }
            int w = window.size();
            if (w == 0) {
                warnings.add(String.format(Locale.ROOT, "no optimal-loss fit: none of the %d budget%s with an "
                        + "optimum lies in its window %.3g < C < %.3g FLOPs", s, s == 1 ? "" : "s", LOSS_WINDOW_LOW,
                        LOSS_WINDOW_HIGH));
            } else if (w < 3) {
                warnings.add(String.format(Locale.ROOT, "the optimal-loss fit has %d budget%s in its window "
                        + "%.3g < C < %.3g FLOPs for its 3 parameters (E, A, α): it is not determined by the data",
                        w, w == 1 ? "" : "s", LOSS_WINDOW_LOW, LOSS_WINDOW_HIGH));
            }
            if (w >= 1) {
                double[] lc = new double[w];
                double[] pointLoss = new double[w];
                double[][] drawLoss = new double[w][];
                int lossReplicates = LOSS_REPLICATES;
                for (int k = 0; k < w; k++) {
                    BudgetOptimum budget = fitted.get(window.get(k));
                    lc[k] = c[window.get(k)];
                    pointLoss[k] = budget.pair().loss();
                    drawLoss[k] = budget.tokens().drawLosses();
                    lossReplicates = Math.min(lossReplicates, drawLoss[k].length);
                }
                int count = lossReplicates;
                List<Optional<SaturatingLoss>> fits = parallelism.map(count + 1, task -> {
                    if (task == 0) {
                        return SaturatingLossFitter.fit(lc, pointLoss);
                    }
                    double[] y = new double[w];
                    for (int k = 0; k < w; k++) {
                        y[k] = drawLoss[k][task - 1];
                    }
                    return SaturatingLossFitter.fit(lc, y);
                });
                loss = fits.get(0).orElse(null);
                lossBootstrap = fits.subList(1, fits.size()).stream().flatMap(Optional::stream).toList();
            }
        }
        return new IsoflopFits(s, points, bootstrap, bootstrapWeighted, loss, lossBootstrap, warnings);
    }

    /**
     * The per-replicate fits: replicate r fits N* and D* unweighted and weighted and ρ* = C/(6·N*²) unweighted (the
     * weighted list shares the ρ* law). The five fits of a replicate go through one call site, so that the compiled
     * loop holds one copy of {@link PowerLaw#fit}.
     */
    private static void replicateFits(double[] c, double[][] nDraws, double[][] tDraws, double[] wn, double[] wt,
                                      int replicates, List<ComputeOptimalLaws> bootstrap,
                                      List<ComputeOptimalLaws> bootstrapWeighted) {
        int s = c.length;
        double[] bn = new double[s];
        double[] bt = new double[s];
        double[] brho = new double[s];
        double[][] ys = {brho, bn, bt, bn, bt};
        double[][] ws = {null, null, null, wn, wt};
        PowerLaw[] laws = new PowerLaw[ys.length];
        for (int r = 0; r < replicates; r++) {
            for (int i = 0; i < s; i++) {
                bn[i] = nDraws[i][r];
                bt[i] = tDraws[i][r];
                brho[i] = c[i] / (6.0 * (bn[i] * bn[i]));
            }
            for (int k = 0; k < ys.length; k++) {
                laws[k] = PowerLaw.fit(c, ys[k], ws[k]);
            }
            bootstrap.add(new ComputeOptimalLaws(laws[1], laws[2], laws[0]));
            bootstrapWeighted.add(new ComputeOptimalLaws(laws[3], laws[4], laws[0]));
        }
    }
}
