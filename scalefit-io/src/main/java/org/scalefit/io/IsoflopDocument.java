package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalefit.isoflop.BudgetOptimum;
import org.scalefit.isoflop.ComputeOptimalLaws;
import org.scalefit.isoflop.FitVariant;
import org.scalefit.isoflop.IsoflopFits;
import org.scalefit.isoflop.IsoflopIntervals;
import org.scalefit.isoflop.OptimalPair;
import org.scalefit.isoflop.PowerLaw;
import org.scalefit.isoflop.SaturatingLoss;
import org.scalefit.isoflop.SeedNoise;

/**
 * scalefit's result document of an Approach 2 (IsoFLOP) analysis (Hoffmann et al. 2022 §3.2, as Porian et al. 2024
 * run it): the data read, the settings, per budget its points, status, issues and optimal pair with spreads; the fits
 * of N*(C), D*(C), ρ*(C) (power laws y = coef·C^exponent) per variant, the 95 % intervals of the exponents from the
 * bootstrap replicates, the allocation at requested budgets (the {@code bs_median_weighted} laws, the paper's headline
 * fit, with 95 % intervals from the weighted replicates), and the saturating fit of the optimal loss when it was run.
 * When fewer than two budgets have an optimum there are no fits, and {@code fits_failure} says why. Numbers that are
 * not finite are null. Written and read by {@link Documents}' mapper.
 *
 * @param data        the data's name, SHA-256 and the selections made from it
 * @param settings    the analysis' settings, seed and stream
 * @param budgets     the per-budget analysis
 * @param fitsFailure why there are no fits; absent when there are
 * @param fits        the fits; absent when there are none
 * @param allocations the allocation per requested budget; absent when there are no fits
 * @param run         the threads (the only part that changes with them)
 * @param provenance  the version
 */
public record IsoflopDocument(Data data, Settings settings, List<Budget> budgets,
                              @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("fits_failure")
                              String fitsFailure,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Fits fits,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<Allocation> allocations,
                              Threads run, VersionProvenance provenance) implements ResultDocument {

    /** The value of {@link Envelope#analysis()}. */
    public static final String ANALYSIS = "isoflop";

    public IsoflopDocument {
        budgets = List.copyOf(budgets);
        allocations = allocations == null ? null : List.copyOf(allocations);
    }

    /**
     * The data read, its SHA-256, and what selected or derived the points from it ({@link IsoflopInputs#transforms};
     * absent when none).
     */
    public record Data(String source, String sha256,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> transforms) {

        public Data {
            transforms = transforms == null ? List.of() : List.copyOf(transforms);
        }
    }

    /** The settings: bootstrap replicates, grid multiplier, spread floor, seed noise, seed and stream. */
    public record Settings(int bootstrap, @JsonProperty("grid_multiplier") int gridMultiplier,
                           @JsonProperty("floor_factor") double floorFactor, Noise noise, long seed,
                           String stream) {
    }

    /** The seed-noise rule ({@link SeedNoise}); only {@code sigma_low} for a constant rule. */
    public record Noise(String rule, @JsonProperty("sigma_low") double sigmaLow,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("sigma_high") Double sigmaHigh,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("loss_low") Double lossLow,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("loss_high") Double lossHigh) {

        static Noise of(SeedNoise noise) {
            String rule = noise.rule().name().toLowerCase(Locale.ROOT).replace('_', '-');
            if (noise.rule() == SeedNoise.Rule.CONSTANT) {
                return new Noise(rule, noise.sigmaLow(), null, null, null);
            }
            return new Noise(rule, noise.sigmaLow(), noise.sigmaHigh(), noise.lossLow(), noise.lossHigh());
        }
    }

    /** The run's threads. */
    public record Threads(int threads) {
    }

    /**
     * One budget: its FLOPs, points, status ({@code optimum}, {@code no optimum}, {@code skipped}) and optimum. When
     * a size had several runs, {@code losses} are the means of its runs and {@code replicates} how many runs each
     * point averages ({@link org.scalefit.isoflop.IsoflopBudget#replicates()}); absent when every point is one run.
     */
    public record Budget(Double flops, List<Double> sizes, List<Double> losses,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<Integer> replicates, String status,
                         List<String> issues, @JsonInclude(JsonInclude.Include.NON_NULL) Optimum optimum) {

        public Budget {
            sizes = List.copyOf(sizes);
            losses = List.copyOf(losses);
            replicates = replicates == null ? null : List.copyOf(replicates);
            issues = List.copyOf(issues);
        }
    }

    /** A budget's optimal pair (N*, D*, ρ*, L*) with its spreads over the seed-noise replicates. */
    public record Optimum(Double params, Double tokens, @JsonProperty("tokens_per_param") Double tokensPerParam,
                          Double loss, @JsonProperty("params_log_spread") Double paramsLogSpread,
                          @JsonProperty("tokens_log_spread") Double tokensLogSpread,
                          @JsonProperty("tokens_per_param_log_spread") Double tokensPerParamLogSpread,
                          @JsonProperty("loss_spread") Double lossSpread) {
    }

    /**
     * The fits: how many budgets and replicates, each variant's three laws, the exponents' 95 % intervals over the
     * unweighted and weighted replicates, the optimal-loss fit, and the fits' warnings ({@link IsoflopFits#warnings()};
     * absent when empty).
     */
    public record Fits(int budgets, int replicates, Map<String, Laws> variants,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("bootstrap_exponent_95")
                       Intervals bootstrapExponent95,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("bootstrap_weighted_exponent_95")
                       Intervals bootstrapWeightedExponent95,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("optimal_loss")
                       OptimalLoss optimalLoss,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

        public Fits {
            variants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variants));
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }

    /** The laws of N*, D* and ρ* against C. */
    public record Laws(Law params, Law tokens, @JsonProperty("tokens_per_param") Law tokensPerParam) {
    }

    /** A power law y = coef·C^exponent and its R² ({@link PowerLaw}). */
    public record Law(Double exponent, Double coef, Double r2) {
    }

    /** An interval [low, high] per quantity. */
    public record Intervals(List<Double> params, List<Double> tokens,
                            @JsonProperty("tokens_per_param") List<Double> tokensPerParam) {
    }

    /** The saturating fit L*(C) = E + A·C^(−α) of the optimal losses ({@link SaturatingLoss}). */
    public record OptimalLoss(String law, @JsonProperty("A") Double a, @JsonProperty("E") Double e, Double alpha,
                              Double huber, int replicates) {
    }

    /** The allocation at one budget, each quantity with its 95 % interval when there are weighted replicates. */
    public record Allocation(double compute, Double params,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("params_95")
                             List<Double> params95,
                             Double tokens,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("tokens_95")
                             List<Double> tokens95,
                             @JsonProperty("tokens_per_param") Double tokensPerParam,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("tokens_per_param_95")
                             List<Double> tokensPerParam95) {
    }

    /**
     * The document of {@code optima} and {@code fits} (null when there are none, {@code fitsFailure} saying why) on
     * {@code inputs}, run with {@code run}'s settings, seed and stream, with the allocation at {@code allocate}.
     */
    public static IsoflopDocument of(IsoflopInputs inputs, IsoflopJson.Run run, List<BudgetOptimum> optima,
                                     IsoflopFits fits, String fitsFailure, List<Double> allocate, String version) {
        List<Budget> budgets = new ArrayList<>();
        for (BudgetOptimum optimum : optima) {
            budgets.add(budget(optimum));
        }
        Settings settings = new Settings(run.settings().replicates(), run.settings().gridMultiplier(),
                run.settings().floorFactor(), Noise.of(run.settings().noise()), run.seed(), run.stream());
        List<Allocation> allocations = null;
        if (fits != null) {
            allocations = new ArrayList<>();
            ComputeOptimalLaws laws = fits.point(FitVariant.BS_MEDIAN_WEIGHTED);
            boolean intervals = !fits.bootstrapWeighted().isEmpty();
            List<List<Double>> ci = new ArrayList<>();
            for (double c : allocate) {
                ci.clear();
                for (ComputeOptimalLaws.Quantity q : ComputeOptimalLaws.Quantity.values()) {
                    ci.add(intervals ? pair(IsoflopIntervals.valueInterval(fits.bootstrapWeighted(), q, c)) : null);
                }
                allocations.add(new Allocation(c, finite(laws.law(ComputeOptimalLaws.Quantity.N).at(c)), ci.get(0),
                        finite(laws.law(ComputeOptimalLaws.Quantity.T).at(c)), ci.get(1),
                        finite(laws.law(ComputeOptimalLaws.Quantity.MULTIPLIER).at(c)), ci.get(2)));
            }
        }
        return new IsoflopDocument(new Data(inputs.source(), inputs.sha256(), inputs.transforms()), settings, budgets,
                fits == null ? fitsFailure : null, fits == null ? null : fits(fits), allocations,
                new Threads(run.threads()), new VersionProvenance(version));
    }

    /**
     * Reads a document written by {@link #write()}.
     *
     * @throws InputException if {@code file} is not one
     */
    public static IsoflopDocument read(Path file) {
        return Documents.read(file, IsoflopDocument.class);
    }

    @Override
    public Envelope envelope() {
        return new Envelope(ANALYSIS, provenance.scalefitVersion(), data.source(), data.sha256(), settings.seed(),
                null);
    }

    private static Budget budget(BudgetOptimum optimum) {
        Optimum pair = null;
        if (optimum.optimalPair().isPresent()) {
            OptimalPair p = optimum.optimalPair().get();
            pair = new Optimum(finite(p.n()), finite(p.t()), finite(p.multiplier()), finite(p.loss()),
                    finite(p.nSpread()), finite(p.tSpread()), finite(p.multiplierSpread()), finite(p.lossSpread()));
        }
        String status = optimum.skipped() ? "skipped" : optimum.hasOptimum() ? "optimum" : "no optimum";
        int[] replicates = optimum.budget().replicates();
        boolean repeated = java.util.Arrays.stream(replicates).anyMatch(r -> r > 1);
        return new Budget(finite(optimum.budget().flops()), finites(optimum.budget().sizes()),
                finites(optimum.budget().losses()),
                repeated ? java.util.Arrays.stream(replicates).boxed().toList() : null, status, optimum.issues(),
                pair);
    }

    private static Fits fits(IsoflopFits fits) {
        Map<String, Laws> variants = new LinkedHashMap<>();
        for (FitVariant variant : FitVariant.values()) {
            if (!variant.perReplicate()) {
                ComputeOptimalLaws laws = fits.point(variant);
                variants.put(variant.key(), new Laws(law(laws.law(ComputeOptimalLaws.Quantity.N)),
                        law(laws.law(ComputeOptimalLaws.Quantity.T)),
                        law(laws.law(ComputeOptimalLaws.Quantity.MULTIPLIER))));
            }
        }
        OptimalLoss loss = fits.lossFit().map(l -> new OptimalLoss("L*(C) = E + A·C^(-alpha)", finite(l.a()),
                finite(l.e()), finite(l.alpha()), finite(l.huber()), fits.lossBootstrap().size())).orElse(null);
        return new Fits(fits.budgets(), fits.bootstrap().size(), variants,
                exponentIntervals(fits.replicates(FitVariant.BOOTSTRAP)),
                exponentIntervals(fits.replicates(FitVariant.BOOTSTRAP_WEIGHTED)), loss, fits.warnings());
    }

    private static Intervals exponentIntervals(List<ComputeOptimalLaws> replicates) {
        if (replicates.isEmpty()) {
            return null;
        }
        return new Intervals(pair(IsoflopIntervals.exponentInterval(replicates, ComputeOptimalLaws.Quantity.N)),
                pair(IsoflopIntervals.exponentInterval(replicates, ComputeOptimalLaws.Quantity.T)),
                pair(IsoflopIntervals.exponentInterval(replicates, ComputeOptimalLaws.Quantity.MULTIPLIER)));
    }

    private static Law law(PowerLaw law) {
        return new Law(finite(law.exponent()), finite(law.coef()), finite(law.r2()));
    }

    private static List<Double> pair(double[] interval) {
        return finites(new double[] {interval[0], interval[1]});
    }

    private static List<Double> finites(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(finite(value));
        }
        return java.util.Collections.unmodifiableList(list);
    }

    private static Double finite(double value) {
        return Documents.finite(value);
    }
}
