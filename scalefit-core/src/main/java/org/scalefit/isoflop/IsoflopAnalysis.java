package org.scalefit.isoflop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.scalefit.data.RowLocation;
import org.scalefit.parallel.Parallelism;
import org.scalefit.shapes.NumpyGrids;
import org.scalefit.uncertainty.NormalSource;

/**
 * Chinchilla's Approach 2 as Porian et al. run it (arXiv:2406.19146, §2 and appendix; {@code analysis.py},
 * {@code interp_flop}, {@code interpolation}, {@code vectorized_interp_with_seed_noise} and the optimal-pairs step of
 * {@code perform_main_analysis}): per budget, in increasing C, an {@link AxisProfile} along model size and one along
 * tokens, each with its seed-noise bootstrap, and the {@link OptimalPair} of bootstrap medians.
 *
 * <p>Random numbers: for every budget with at least three sizes, one B × k normal matrix for the size axis (columns
 * in increasing N) and then one for the token axis (columns in increasing D, i.e. decreasing N), drawn from the
 * {@link NormalSource} in that order before any computing. With {@code ResamplingStream.NUMPY_RANDOM_STATE} seeded 42
 * at the start of a table and the table's configurations analysed in order through one source, this is exactly the
 * stream of the published draws. The splines are then fitted on the {@link Parallelism}'s workers, one task per
 * budget and axis; results do not depend on the number of workers.
 *
 * <p>Input hygiene (the authors' data needs none): points with a non-finite or non-positive size or loss are
 * dropped, and a budget left with fewer than three sizes is skipped. Several runs of one size in one budget are taken
 * as seed replicates: the point's loss is their mean L̄ = (1/r)·Σ L_j and its seed noise in the bootstrap is
 * σ(L̄)/√r, the standard deviation of a mean of r independent runs under the seed-noise model
 * ({@link IsoflopBudget#replicates()}; with one run per size, as in the authors' data, nothing changes). The
 * authors' {@code data.py} keeps the smallest loss of several runs of a size instead; on seed replicates that is
 * biased low (the minimum of r draws), more so where more seeds were run, so runs that differ in something other
 * than the seed (a learning-rate sweep) should be selected before, e.g. with a row condition. Every such step is
 * named in {@link BudgetOptimum#issues()}; nothing throws for bad points.
 */
public final class IsoflopAnalysis {

    /** Relative distance below which a skipped budget's neighbour is named as possibly the same budget. */
    static final double NEAR_BUDGET = 0.1;

    private IsoflopAnalysis() {
    }

    /**
     * Analyses the budgets (in increasing C, whatever their order here).
     *
     * @param budgets     the IsoFLOP points per budget
     * @param settings    B, grid density, spread floor and noise model
     * @param normals     where the noise comes from; advanced by 2·B·k normals per analysed budget
     * @param parallelism the workers
     */
    public static List<BudgetOptimum> optima(List<IsoflopBudget> budgets, IsoflopSettings settings,
                                             NormalSource normals, Parallelism parallelism) {
        return optima(budgets, settings, normals, parallelism, IsoflopColumns.LOGICAL);
    }

    /**
     * As {@link #optima(List, IsoflopSettings, NormalSource, Parallelism)}, the issues calling the points' size and
     * loss by {@code columns} (the file's columns they were read from).
     */
    public static List<BudgetOptimum> optima(List<IsoflopBudget> budgets, IsoflopSettings settings,
                                             NormalSource normals, Parallelism parallelism, IsoflopColumns columns) {
        List<IsoflopBudget> ordered = new ArrayList<>(budgets);
        ordered.sort(Comparator.comparingDouble(IsoflopBudget::flops));
        int count = ordered.size();
        IsoflopBudget[] cleaned = new IsoflopBudget[count];
        List<List<String>> issues = new ArrayList<>();
        double[][][] noise = new double[2 * count][][];
        for (int c = 0; c < count; c++) {
            List<String> found = new ArrayList<>();
            cleaned[c] = clean(ordered.get(c), found, columns);
            issues.add(found);
            int k = cleaned[c].points();
            if (k >= 3) {
                noise[2 * c] = normals.nextMatrix(settings.replicates(), k);
                noise[2 * c + 1] = normals.nextMatrix(settings.replicates(), k);
            } else {
                found.add(String.format(Locale.ROOT, "skipped: %d usable model size%s, at least 3 are needed", k,
                        k == 1 ? "" : "s") + nearBudget(ordered, c));
            }
        }
        List<AxisProfile> profiles = parallelism.map(2 * count, task -> {
            IsoflopBudget budget = cleaned[task / 2];
            if (noise[task] == null) {
                return null;
            }
            double[] x = task % 2 == 0 ? budget.sizes() : reversed(budget.tokens());
            double[] loss = task % 2 == 0 ? budget.losses() : reversed(budget.losses());
            int[] runs = task % 2 == 0 ? budget.replicates() : reversed(budget.replicates());
            return profile(x, loss, runs, settings, noise[task]);
        });
        List<BudgetOptimum> result = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            AxisProfile sizes = profiles.get(2 * c);
            AxisProfile tokens = profiles.get(2 * c + 1);
            List<String> found = issues.get(c);
            OptimalPair pair = null;
            if (sizes != null) {
                double[] losses = cleaned[c].losses();
                if (!sizes.interior() && Arrays.stream(losses).allMatch(l -> l == losses[0])) {
                    found.add(String.format(Locale.ROOT, "no optimum: every size reached the same loss %s, so the "
                            + "profile is flat; the budget is left out of the fits", losses[0]));
                } else if (!sizes.interior()) {
                    found.add("no optimum: the interpolated minimum is at the " + (sizes.optimumIndex() == 0
                            ? "smallest" : "largest") + " model size; the budget is left out of the fits");
                }
                String artifact = sizes.interior() ? belowEveryLoss(cleaned[c], sizes.minimumLoss()) : null;
                if (artifact != null) {
                    found.add(artifact);
                }
                if (!sizes.bootstrapSucceeded()) {
                    found.add(String.format(Locale.ROOT, "size bootstrap failed: %d of %d replicates had an "
                            + "interior optimum, at least half are needed", sizes.validCount(), settings.replicates()));
                }
                if (!tokens.bootstrapSucceeded()) {
                    found.add(String.format(Locale.ROOT, "token bootstrap failed: %d of %d replicates had an "
                            + "interior optimum; the budget has no token spread and is left out of the fits",
                            tokens.validCount(), settings.replicates()));
                }
                if (sizes.interior() && artifact == null && sizes.bootstrapSucceeded() && tokens.bootstrapSucceeded()) {
                    pair = pair(cleaned[c].flops(), sizes, tokens);
                }
            }
            result.add(new BudgetOptimum(cleaned[c], sizes, tokens, pair, found));
        }
        return List.copyOf(result);
    }

    /**
     * Sizes of one budget closer than this (relative) are one size: a model size is not resolved finer than by
     * seed noise (two architectures of 26 547 456 and 26 556 160 parameters, 0.03 % apart, are the same size to
     * any scaling law), and Akima's slopes through two sizes a hair apart whose losses differ by noise swing far.
     */
    static final double SAME_SIZE = 1e-3;

    /**
     * Why an interpolated minimum L* is no loss the budget could reach, or null: L* lies below the lowest measured
     * loss L_min by more than the measured losses' whole range L_max − L_min. A smooth loss curve falls below its
     * lowest sample by less than it changes across the samples beside it, so such a dip is the interpolant's own
     * (Akima's slopes through two sizes a hair apart whose losses differ by seed noise; Porian et al.'s method
     * fits it as it is). The sizes closest together are named when they are within 1 % of each other.
     */
    static String belowEveryLoss(IsoflopBudget budget, double minimum) {
        double[] losses = budget.losses();
        double lowest = Arrays.stream(losses).min().orElse(Double.NaN);
        double range = Arrays.stream(losses).max().orElse(Double.NaN) - lowest;
        if (!(lowest - minimum > range)) {
            return null;
        }
        double[] sizes = budget.sizes();
        int closest = -1;
        for (int i = 0; i + 1 < sizes.length; i++) {
            if (closest < 0 || sizes[i + 1] / sizes[i] < sizes[closest + 1] / sizes[closest]) {
                closest = i;
            }
        }
        double gap = closest < 0 ? Double.NaN : sizes[closest + 1] / sizes[closest] - 1;
        int digits = (int) Math.min(17, Math.max(5, 2 + Math.ceil(-Math.log10(gap))));
        String pair = gap < 0.01
                ? String.format(Locale.ROOT, " (sizes %." + digits + "g and %." + digits + "g are only %.1g %% apart, "
                        + "with losses %.4g and %.4g: merge them or drop one)", sizes[closest], sizes[closest + 1],
                        100 * gap, losses[closest], losses[closest + 1])
                : "";
        return String.format(Locale.ROOT, "no optimum: the interpolated minimum %.4g lies %.3g below the lowest "
                + "measured loss %.4g, more than the measured losses' whole range %.3g: an artifact of the "
                + "interpolation%s; the budget is left out of the fits", minimum, lowest - minimum, lowest, range, pair);
    }

    /**
     * For a skipped budget, a hint naming the budget next to it in C when the two are within {@link #NEAR_BUDGET} of
     * each other (Porian et al.'s {@code fetch_flop} tolerance): runs written with slightly different FLOPs for one
     * budget (e.g. 6·N·D with D rounded to whole batches) form budgets of one run each. Empty otherwise.
     */
    private static String nearBudget(List<IsoflopBudget> ordered, int c) {
        double flops = ordered.get(c).flops();
        for (int neighbour : new int[] {c - 1, c + 1}) {
            if (neighbour < 0 || neighbour >= ordered.size()) {
                continue;
            }
            double other = ordered.get(neighbour).flops();
            if (Math.abs(other - flops) <= NEAR_BUDGET * Math.min(Math.abs(other), Math.abs(flops))) {
                return String.format(Locale.ROOT, "; the budget C = %s differs from it by only %.2g %%: if their "
                        + "runs share a budget, give them the same flops value", other,
                        100 * Math.abs(other / flops - 1));
            }
        }
        return "";
    }

    /** The optimal pair: medians of the draws of both axes. */
    private static OptimalPair pair(double flops, AxisProfile sizes, AxisProfile tokens) {
        double[] n = sizes.draws();
        double[] multipliers = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            multipliers[i] = flops / (6.0 * (n[i] * n[i]));
        }
        double t = Statistics.median(tokens.draws());
        double loss = Statistics.median(tokens.drawLosses());
        return new OptimalPair(flops, Statistics.median(n), t, Statistics.median(multipliers), loss,
                tokens.minimumLoss(), sizes.spread(), tokens.spread(), 2 * sizes.spread(), sizes.lossSpread());
    }

    /**
     * One axis: noiseless profile and seed-noise bootstrap through points (x_i, L_i), x strictly increasing, with
     * the noise matrix {@code z} (B × k, column i for point i); point i is the mean of {@code runs[i]} runs, so its
     * noise is σ(L_i)/√runs[i].
     */
    static AxisProfile profile(double[] x, double[] loss, int[] runs, IsoflopSettings settings, double[][] z) {
        int k = x.length;
        int size = settings.gridMultiplier() * (k - 1);
        double[] grid = geomspace(x[0], x[k - 1], size);
        double[] lnGrid = new double[size];
        logs(grid, lnGrid, size);
        double[] lnX = new double[k];
        double[] lnLoss = new double[k];
        double[] sigma = new double[k];
        for (int i = 0; i < k; i++) {
            lnX[i] = Math.log(x[i]);
            lnLoss[i] = Math.log(loss[i]);
            sigma[i] = settings.noise().sigma(loss[i]) / Math.sqrt(runs[i]);
        }
        double[] p = new double[size];
        AkimaInterpolator.of(lnX, lnLoss).valuesAscending(lnGrid, p);
        double[] curve = new double[size];
        exps(p, curve);
        int optimum = argmin(curve);
        int replicates = z.length;
        int[] indices = new int[replicates];
        double[] minima = new double[replicates];
        int valid = bootstrap(lnX, loss, sigma, lnGrid, z, p, indices, minima);
        if (2 * valid < replicates) {
            return new AxisProfile(grid, curve, optimum, new int[0], new double[0], valid, Double.NaN, Double.NaN);
        }
        int[] kept = Arrays.copyOf(indices, valid);
        double[] keptLosses = Arrays.copyOf(minima, valid);
        double[] lnDraws = new double[valid];
        double[] lnMinima = new double[valid];
        gather(lnGrid, kept, lnDraws);
        logs(keptLosses, lnMinima, valid);
        double minStep = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < k; i++) {
            minStep = Math.min(minStep, Math.log(loss[i + 1] / loss[i]));
        }
        double inflation = (double) replicates / valid;
        double phi = settings.floorSteps();
        double spread = Math.max(Statistics.populationSd(lnDraws), phi * Math.log(grid[1] / grid[0])) * inflation;
        double lossSpread = Math.max(Statistics.populationSd(lnMinima), phi * minStep) * inflation;
        return new AxisProfile(grid, curve, optimum, kept, keptLosses, valid, spread, lossSpread);
    }

    /**
     * The seed-noise bootstrap of one axis: for each row of z, the Akima curve through ln(L_i + σ_i·z_i) on the grid
     * and its argmin; rows whose argmin is interior are kept, their grid index into {@code indices} and their minimum
     * loss into {@code minima}, in row order. A separate method from {@link #profile}, so that the compiled hot loop
     * is this one alone.
     *
     * @param p work array of the grid's length
     * @return how many rows were kept
     */
    private static int bootstrap(double[] lnX, double[] loss, double[] sigma, double[] lnGrid, double[][] z,
                                 double[] p, int[] indices, double[] minima) {
        int k = lnX.length;
        int size = lnGrid.length;
        int valid = 0;
        double[] noisy = new double[k];
        AkimaInterpolator.Workspace akima = new AkimaInterpolator.Workspace(lnX);
        for (double[] row : z) {
            for (int i = 0; i < k; i++) {
                noisy[i] = Math.log(loss[i] + sigma[i] * row[i]);
            }
            int j;
            double minimum;
            try {
                akima.fit(noisy);
                akima.valuesAscending(lnGrid, p);
                j = argminOfExp(p);
                minimum = Math.exp(p[j]);
            } catch (IllegalArgumentException nonFiniteLoss) {
                continue;
            }
            if (j > 0 && j < size - 1) {
                indices[valid] = j;
                minima[valid] = minimum;
                valid++;
            }
        }
        return valid;
    }

    /**
     * ln of the first {@code count} values into {@code into}. The loops over the grid and the draws are small methods
     * of their own, so that {@link #profile} (called once per budget and axis) holds no long loop: the JIT then
     * compiles these small methods instead of recompiling all of it (results are the same either way).
     */
    private static void logs(double[] values, double[] into, int count) {
        for (int i = 0; i < count; i++) {
            into[i] = Math.log(values[i]);
        }
    }

    /** into[b] = values[indices[b]] (see {@link #logs}). */
    private static void gather(double[] values, int[] indices, double[] into) {
        for (int b = 0; b < indices.length; b++) {
            into[b] = values[indices[b]];
        }
    }

    /** exp of each value into {@code into} (see {@link #logs}). */
    private static void exps(double[] values, double[] into) {
        for (int i = 0; i < values.length; i++) {
            into[i] = Math.exp(values[i]);
        }
    }

    /**
     * numpy's {@code geomspace(start, stop, num)}: 10^linspace(log10 start, log10 stop, num), first and last entries
     * set to start and stop.
     */
    public static double[] geomspace(double start, double stop, int num) {
        double[] y = NumpyGrids.linspace(Math.log10(start), Math.log10(stop), num);
        for (int i = 0; i < num; i++) {
            y[i] = Math.pow(10.0, y[i]);
        }
        y[0] = start;
        if (num > 1) {
            y[num - 1] = stop;
        }
        return y;
    }

    /** The first index of the smallest value (numpy {@code argmin}). */
    static int argmin(double[] values) {
        int best = 0;
        for (int j = 1; j < values.length; j++) {
            if (values[j] < values[best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * argmin_j exp(p_j), the first on ties: the argmin of p, moved to an earlier index whose exp rounds to the same
     * double.
     */
    private static int argminOfExp(double[] p) {
        int best = 0;
        for (int j = 1; j < p.length; j++) {
            if (p[j] < p[best] || Double.isNaN(p[best]) && !Double.isNaN(p[j])) {
                best = j;
            }
        }
        if (Double.isNaN(p[best])) {
            throw new IllegalArgumentException("no finite value");
        }
        double target = Math.exp(p[best]);
        double near = p[best] + 8 * Math.ulp(p[best]);
        for (int j = 0; j < best; j++) {
            if (p[j] <= near && Math.exp(p[j]) == target) {
                return j;
            }
        }
        return best;
    }

    private static double[] reversed(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[values.length - 1 - i];
        }
        return out;
    }

    private static int[] reversed(int[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[values.length - 1 - i];
        }
        return out;
    }

    /**
     * " (line 4)" or " (lines 4, 7)" (rows of a Parquet file): where the points {@code indices} came from; empty
     * without lines.
     */
    private static String atLines(int[] lines, RowLocation locations, List<Integer> indices) {
        if (lines.length == 0 || indices.isEmpty()) {
            return "";
        }
        return " (" + locations.at(indices.stream().mapToInt(i -> lines[i]).toArray()) + ")";
    }

    /**
     * Drops unusable points, averages the runs of a repeated size, or of sizes within {@link #SAME_SIZE} of the
     * smallest of them (the mean loss, counted in {@link IsoflopBudget#replicates()}, at the geometric mean of their
     * sizes), sorts by size.
     */
    private static IsoflopBudget clean(IsoflopBudget budget, List<String> issues, IsoflopColumns columns) {
        double flops = budget.flops();
        double[] sizes = budget.sizes();
        double[] losses = budget.losses();
        int[] lines = budget.lines();
        if (!(flops > 0) || Double.isInfinite(flops)) {
            issues.add((Double.isNaN(flops) ? "the FLOPs of these rows are missing, not a number, or not positive"
                    : "the budget " + flops + " is not a positive finite number of FLOPs") + "; all points dropped"
                    + atLines(lines, budget.locations(), IntStream.range(0, lines.length).boxed().toList()));
            return new IsoflopBudget(flops, new double[0], new double[0]);
        }
        TreeMap<Double, List<Integer>> runsOfSize = new TreeMap<>();
        List<Integer> badSize = new ArrayList<>();
        List<Integer> badLoss = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            if (!(sizes[i] > 0) || Double.isInfinite(sizes[i])) {
                badSize.add(i);
            } else if (!(losses[i] > 0) || Double.isInfinite(losses[i])) {
                badLoss.add(i);
            } else {
                runsOfSize.computeIfAbsent(sizes[i], size -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> dropped : List.of(badSize, badLoss)) {
            if (!dropped.isEmpty()) {
                issues.add(String.format(Locale.ROOT, "%d point%s dropped: %s missing, not a number or not positive",
                        dropped.size(), dropped.size() == 1 ? "" : "s",
                        dropped == badSize ? columns.size() : columns.loss())
                        + atLines(lines, budget.locations(), dropped));
            }
        }
        List<List<Double>> groups = new ArrayList<>();   // sizes within SAME_SIZE of their group's smallest
        for (double size : runsOfSize.keySet()) {
            if (groups.isEmpty() || size > groups.get(groups.size() - 1).get(0) * (1 + SAME_SIZE)) {
                groups.add(new ArrayList<>());
            }
            groups.get(groups.size() - 1).add(size);
        }
        int k = groups.size();
        double[] n = new double[k];
        double[] l = new double[k];
        int[] replicates = new int[k];
        List<Integer> averaged = new ArrayList<>();
        List<String> merged = new ArrayList<>();
        int repeatedSizes = 0;
        int p = 0;
        for (List<Double> group : groups) {
            List<Integer> runs = new ArrayList<>();
            double logSum = 0;
            for (double size : group) {
                runs.addAll(runsOfSize.get(size));
                logSum += Math.log(size) * runsOfSize.get(size).size();
            }
            runs.sort(null);
            double mean = 0;
            for (int j = 0; j < runs.size(); j++) {
                mean += (losses[runs.get(j)] - mean) / (j + 1);   // running mean: r equal losses give that loss
            }
            n[p] = group.size() == 1 ? group.get(0) : Math.exp(logSum / runs.size());
            if (group.size() > 1) {
                merged.add(String.format(Locale.ROOT, "%s → %.8g", group.stream()
                        .map(size -> String.format(Locale.ROOT, "%.8g", size)).toList(), n[p]));
            }
            l[p] = mean;
            replicates[p] = runs.size();
            for (double size : group) {
                if (runsOfSize.get(size).size() > 1) {
                    repeatedSizes++;
                    averaged.addAll(runsOfSize.get(size));
                }
            }
            p++;
        }
        if (repeatedSizes > 0) {
            averaged.sort(null);
            issues.add(String.format(Locale.ROOT, "%d run%s of %d repeated size%s averaged: a size's loss is the "
                    + "mean of its runs (seed replicates), with seed noise σ/√r for r runs", averaged.size(),
                    averaged.size() == 1 ? "" : "s", repeatedSizes, repeatedSizes == 1 ? "" : "s")
                    + atLines(lines, budget.locations(), averaged));
        }
        if (!merged.isEmpty()) {
            issues.add(String.format(Locale.ROOT, "sizes within %.1g %% of each other taken as one size (the "
                    + "geometric mean of their runs' sizes, the mean of their losses), where an interpolation through "
                    + "two sizes a hair apart would follow their losses' noise: %s", 100 * SAME_SIZE,
                    String.join("; ", merged)));
        }
        return new IsoflopBudget(flops, n, l, new int[0], RowLocation.LINE, replicates);
    }
}
