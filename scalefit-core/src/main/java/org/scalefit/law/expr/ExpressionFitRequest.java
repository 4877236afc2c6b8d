package org.scalefit.law.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.scalefit.fit.DomainEdge;
import org.scalefit.fit.EquallyGood;
import org.scalefit.fit.FitDiagnostics;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.Identification;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.LbfgsOutcome;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.MultiStartResult;
import org.scalefit.fit.StartGrid;
import org.scalefit.fit.StartOutcome;
import org.scalefit.fit.StepTerm;
import org.scalefit.fit.Stationarity;
import org.scalefit.parallel.Parallelism;

/**
 * A fit of an {@link ExpressionLaw} to {@link LawPoints}: minimise F(θ) = Σ_i w_i·ρ(r_i(θ)) ({@link
 * ExpressionObjective}) over the free parameters with {@link MultiStartFitter} — L-BFGS from every start of the
 * Cartesian grid of the parameters' start values (in their transformed coordinates), every start to its end, and the
 * polish of the best start — exactly the engine of the built-in laws.
 *
 * <pre>
 *   ExpressionFit fit = new ExpressionFitRequest(NamedLaws.named("chinchilla"), LawPoints.of(observations),
 *           MultiStartFitter.Options.defaults()).run(LocalParallelism.allCores(), FitProgress.silent());
 * </pre>
 *
 * @param law     the law and its controls
 * @param data    the points (the law's input columns, losses, weights)
 * @param options the multi-start engine's options
 */
public record ExpressionFitRequest(ExpressionLaw law, LawPoints data, MultiStartFitter.Options options) {

    /**
     * The revision of the warnings a fit carries beyond the search's own ({@link #run}): part of the results store's
     * key, so that a stored fit is not served without a warning the current rules would give.
     */
    public static final String DIAGNOSTICS_REVISION = "floor-step-far-from-starts-flat-one-sided-extrapolation-"
            + "few-points-flat-optima-distinct-points-tokens-per-param-data-range-counts-exact-fit-level-"
            + "budget-cut-flat-linear-growth-competing-exact-fit-domain-edge-meanings-14";
    /**
     * A linear-scale parameter that ends farther beyond its start values than this many times their range is far
     * from its starts ({@link #run}'s warnings).
     */
    static final double FAR_FROM_STARTS = 10;
    /** Multiplying or dividing a log-scale parameter by e changes F by at most this fraction: it is not identified. */
    static final double FLAT = EquallyGood.RELATIVE;
    /** Equally good optima whose parameters differ by more than this (relative) lie along a flat direction. */
    static final double FLAT_SPREAD = 1e-2;
    /** The columns of scale along which a loss law must not grow ({@link #growthWarnings}). */
    static final Set<String> SCALE_COLUMNS = Set.of("params", "tokens", "unique_tokens", "FLOPs", "tokens_per_param",
            "width", "depth");
    /** The factor by which an input is scaled to see whether the fitted law grows along it. */
    static final double GROWTH_STEP = 1.01;
    /** The largest power of ten by which the data's largest inputs are scaled to check the law's sign beyond them. */
    static final int EXTRAPOLATION_DECADES = 6;

    public ExpressionFitRequest {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
    }

    /** The fit with the engine's default options. */
    public static ExpressionFitRequest of(ExpressionLaw law, LawPoints data) {
        return new ExpressionFitRequest(law, data, MultiStartFitter.Options.defaults());
    }

    /** The objective this fit minimises (builds it, so checks the data against the law). */
    public ExpressionObjective objective() {
        return ExpressionObjective.of(law, data);
    }

    /** The grid of starts, in the optimiser's coordinates: one axis per free parameter. */
    public StartGrid grid() {
        return law.startGrid();
    }

    /** Runs the search under the default physical limits ({@link Identification.Limits#DEFAULTS}). */
    public ExpressionFit run(Parallelism parallelism, FitProgress progress) {
        return run(parallelism, progress, Identification.Limits.DEFAULTS);
    }

    /**
     * Runs the search if the data can identify the law, on the points of positive weight (a point of weight 0 is
     * left out, of the counts and warnings too: {@link LawPoints#weighted}): the {@link Identification} rules for
     * its free parameters and input columns (points, constant inputs, collinear inputs, physical ranges under {@code limits}; an input
     * needs two distinct values, since a law written as text need not give each input two parameters).
     *
     * @throws ExpressionException      if the data lacks an input column or the law is not finite on the data alone
     * @throws IllegalArgumentException if the data does not suit the law (see {@link ExpressionObjective#of})
     */
    public ExpressionFit run(Parallelism parallelism, FitProgress progress, Identification.Limits limits) {
        LawPoints weighted = data.weighted();
        if (weighted != data) {
            return new ExpressionFitRequest(law, weighted, options).run(parallelism, progress, limits);
        }
        ExpressionObjective objective = objective();
        StartGrid grid = grid();
        Identification identification = identification(objective.dimension(), limits);
        if (!identification.identified()) {
            progress.advance(grid.size());
            return new ExpressionFit(law, data.size(), identification, Double.NaN, new double[0],
                    LawFit.withoutSearch(grid), identification.warnings(), List.of(), List.of());
        }
        MultiStartResult search;
        if (objective.dimension() == 0) {
            double value = objective.value(new double[0]);
            LbfgsOutcome.Status status = Double.isFinite(value) ? LbfgsOutcome.Status.CONVERGED_GRADIENT
                    : LbfgsOutcome.Status.NOT_FINITE;
            StartOutcome only = new StartOutcome(0, value, new double[0], status);
            boolean found = Double.isFinite(value);
            Stationarity nothingToMove = found ? new Stationarity(value, Math.abs(value), 0, 0, Double.NaN, 0, true,
                    true) : null;
            search = new MultiStartResult(grid, found ? only : null, found ? only : null, false, 1, found ? 1 : 0, 0,
                    0, 1, 0, found ? List.of(only) : List.of(), nothingToMove, null);
            progress.advance(1);
        } else {
            search = new MultiStartFitter(options).fit(objective, grid, parallelism, progress);
        }
        String budget = search.budgetWarning(options.settings().maxEvaluations());
        if (!search.found()) {
            List<String> failed = new ArrayList<>();
            failed.add("failed: no start converged" + firstNonFiniteStart(objective, grid));
            if (budget != null) {
                failed.add(budget);
            }
            return new ExpressionFit(law, data.size(), identification, Double.NaN, new double[0], search, failed,
                    List.of(), List.of());
        }
        double[] theta = objective.theta(search.best().point());
        List<DomainEdge> edges = search.stationarity().holds() ? edges(objective, search.best().point())
                : List.of();
        List<String> warnings = new ArrayList<>();
        if (!search.stationarity().holds()) {
            warnings.add(search.stationarity().warning());
        }
        if (budget != null) {
            warnings.add(budget);
        }
        warnings.addAll(identification.cautions());
        warnings.addAll(warnings(theta));
        warnings.addAll(law.meaningWarnings(theta));
        Set<String> atEdge = new LinkedHashSet<>();
        for (DomainEdge edge : edges) {
            String name = law.parameterNames().get(edge.coordinate());
            atEdge.add(name);
            warnings.add(edgeWarning(edge, name));
        }
        warnings.addAll(farFromStartsWarnings(theta));
        Set<String> notIdentified = new LinkedHashSet<>();
        double exactFit = exactFitLevel(law, data);
        warnings.addAll(flatWarnings(objective, theta, search.best().value(), exactFit, atEdge, notIdentified));
        warnings.addAll(stepWarnings(theta, notIdentified));
        warnings.addAll(floorWarnings(theta, notIdentified));
        String oneSided = oneSidedWarning(theta);
        if (oneSided != null) {
            warnings.add(oneSided);
        }
        warnings.addAll(growthWarnings(theta));
        String extrapolation = extrapolationWarning(theta);
        if (extrapolation != null) {
            warnings.add(extrapolation);
        }
        String flat = flatOptimaWarning(objective, search, exactFit, notIdentified);
        if (flat != null) {
            warnings.add(flat);
        }
        if (search.secondBest() != null) {
            warnings.add(competing(objective, search.best(), search.secondBest()));
        }
        List<String> undetermined = law.parameterNames().stream().filter(notIdentified::contains).toList();
        return new ExpressionFit(law, data.size(), identification, search.best().value(), theta, search, warnings,
                undetermined, edges);
    }

    /**
     * The {@link DomainEdge}s of the optimum at optimiser coordinates {@code u}, in the law's parameters: each
     * coordinate's free parameter p, θ_p at the optimum and at the bracket's ends, and the slope dF/dθ_p along the
     * coordinate (∂F/∂u over dθ_p/du, which is ∂F/∂θ_p for a parameter nothing is tied to).
     */
    private List<DomainEdge> edges(ExpressionObjective objective, double[] u) {
        List<DomainEdge> found = DomainEdge.of(objective, u);
        List<DomainEdge> edges = new ArrayList<>();
        double[] theta = objective.theta(u);
        double[] at = u.clone();
        for (DomainEdge edge : found) {
            int k = edge.coordinate();
            int p = law.parameterNames().indexOf(objective.freeParameters().get(k));
            ParameterSpec spec = law.parameters().get(p);
            at[k] = edge.inside();
            double inside = objective.theta(at)[p];
            at[k] = edge.outside();
            double outside = objective.theta(at)[p];
            at[k] = u[k];
            edges.add(new DomainEdge(p, theta[p], edge.slope() / spec.derivative(u[k]), inside, outside,
                    edge.beyond()));
        }
        return edges;
    }

    /** {@link DomainEdge#warning} with what to do with such a parameter in a law written as text. */
    private static String edgeWarning(DomainEdge edge, String name) {
        return edge.warning(name) + String.format(Locale.ROOT, "; to fit the other parameters with it there, fix it "
                + "at the edge's side (--fix %s=%.6g), or bound it (--bounds %s=LOW:HIGH) to the values the law "
                + "should take", name, edge.value(), name);
    }

    /** The {@link Identification} rules on the law's input columns, for {@code freeParameters} parameters. */
    private Identification identification(int freeParameters, Identification.Limits limits) {
        List<String> columns = law.columns();
        double[][] values = new double[columns.size()][];
        for (int j = 0; j < values.length; j++) {
            values[j] = data.column(columns.get(j));
        }
        return Identification.ofColumns(columns, values, freeParameters, 2, limits);
    }

    /** Another basin almost as good as the best: its objective and its parameters, which the data barely reject. */
    private static String competing(ExpressionObjective objective, StartOutcome best, StartOutcome second) {
        double gap = (second.value() - best.value()) / Math.abs(best.value());
        return String.format(Locale.ROOT, "competing basin: another optimum (start %d) has an objective only %.3g %% "
                        + "above the best (%.6g vs %.6g) with other parameters %s; the data barely prefer one law over "
                        + "the other", second.start(), 100 * gap, second.value(), best.value(),
                objective.law().named(objective.theta(second.point())));
    }

    /**
     * Other starts' optima (the search's leaders) as good as the best by the {@link EquallyGood} rule (within
     * {@value #FLAT} of the best objective, or of the exact-fit level {@code exactFit} on data the law fits exactly)
     * but whose parameters differ from the best's by more than {@value #FLAT_SPREAD} (relative to max(1, |θ_i|)): the
     * objective is flat along a direction, so the data do not determine those parameters — the rule {@link
     * org.scalefit.fit.FitDiagnostics} applies to the built-in laws. Null if there are none. Every parameter that
     * differs by more than that is added to {@code notIdentified}; the warning names the one that differs most.
     */
    private String flatOptimaWarning(ExpressionObjective objective, MultiStartResult search, double exactFit,
                                     Set<String> notIdentified) {
        StartOutcome best = search.best();
        double[] p = objective.theta(best.point());
        EquallyGood rule = EquallyGood.of(best.value(), objective.roundingLevel(), exactFit);
        double worst = 0;
        int where = -1;
        for (StartOutcome other : search.leaders()) {
            if (other.start() == best.start() || !rule.equallyGood(best.value(), other.value())) {
                continue;
            }
            double[] q = objective.theta(other.point());
            for (int i = 0; i < p.length; i++) {
                double difference = Math.abs(p[i] - q[i]) / Math.max(1, Math.abs(p[i]));
                if (difference > FLAT_SPREAD) {
                    notIdentified.add(objective.law().parameters().get(i).name());
                }
                if (difference > worst) {
                    worst = difference;
                    where = i;
                }
            }
        }
        String within = rule.within(String.format(Locale.ROOT, "within %.0e of the best objective", FLAT));
        return worst > FLAT_SPREAD ? String.format(Locale.ROOT, "flat: optima %s differ by up to %.3g (relative) in "
                + "parameter %s, so the data do not determine it", within, worst,
                objective.law().parameters().get(where).name()) : null;
    }

    /**
     * The objective at residuals of rounding size ({@link EquallyGood#exactFitLevel}) for this law's residual scale
     * and penalty on its points.
     */
    static double exactFitLevel(ExpressionLaw law, LawPoints data) {
        return EquallyGood.exactFitLevel(data.losses(), data.weights(), law.residual() == Residual.LOG,
                u -> penalty(law.penalty(), u));
    }

    /** ρ(u) for a residual u ≥ 0 ({@link Penalty}): an over-estimate's κ applies to r &lt; 0 only. */
    static double penalty(Penalty penalty, double u) {
        double delta = penalty instanceof Penalty.Huber huber ? huber.delta()
                : penalty instanceof Penalty.OverEstimate over ? over.delta() : Double.NaN;
        return Double.isNaN(delta) ? u * u : u <= delta ? u * u / 2 : delta * (u - delta / 2);
    }

    /** Says where F is not finite at the first start, the usual reason why nothing converges. */
    private static String firstNonFiniteStart(ExpressionObjective objective, StartGrid grid) {
        double[] u = new double[grid.dimension()];
        grid.start(0, u);
        double value = objective.value(u);
        return Double.isFinite(value) ? "" : " (the objective is " + value + " at the first start, "
                + objective.law().named(objective.theta(u)) + ")";
    }

    /**
     * A free parameter on the linear scale whose value θ̂ lies farther from its start values [θ_lo, θ_hi] than
     * {@value #FAR_FROM_STARTS}·(θ_hi − θ_lo): every start began far from where the fit ended, so the grid did not
     * explore that region and a better optimum may lie there unvisited — typically a coefficient of 10²–10⁹ fitted
     * from the default starts 0, 0.5, 1, where the search is also badly scaled. (A log-scale parameter far from its
     * starts is judged by {@link #flatWarnings}.) Parameters with a single start value have no range and are not
     * checked.
     */
    private List<String> farFromStartsWarnings(double[] theta) {
        List<String> warnings = new ArrayList<>();
        for (int p = 0; p < theta.length; p++) {
            ParameterSpec spec = law.parameters().get(p);
            if (!spec.isFree() || spec.scale() != ParameterSpec.Scale.LINEAR) {
                continue;
            }
            double[] starts = spec.startValues();
            double low = Arrays.stream(starts).min().orElse(Double.NaN);
            double high = Arrays.stream(starts).max().orElse(Double.NaN);
            double beyond = Math.max(0, Math.max(low - theta[p], theta[p] - high));
            if (starts.length >= 2 && beyond > FAR_FROM_STARTS * (high - low)) {
                warnings.add(String.format(Locale.ROOT, "parameter %s = %.6g ended far beyond its start values "
                                + "(%s … %s, linear scale): no start of the grid began near it, so a better optimum "
                                + "may lie in a region the search did not explore; fit it on the log scale (--log %s) "
                                + "or from starts near its size (--start %s=…)",
                        spec.name(), theta[p], plain(low), plain(high), spec.name(), spec.name()));
            }
        }
        return warnings;
    }

    /**
     * A free parameter that the data do not determine: multiplying or dividing it by e (with the others held) changes
     * F by at most {@value #FLAT} of F (or F's rounding level, or the exact-fit level {@code exactFit}) — e.g. a floor E of 10⁻¹³
     * next to losses of 3, or 10⁻¹²⁰ after running off towards 0 (log scale), or a linear-scale coefficient or
     * exponent of a term that vanishes at every point (Kaplan's law written as text, fitted from the default starts,
     * can end with D_c/D negligible and α_D at its start). A log-scale parameter is said to be negligible when it
     * lies below its starts, unbounded above them; a linear-scale one (checked when it is not 0) arbitrary. Bounded
     * parameters whose bound the steps would cross are not checked, nor parameters at an edge of the law's domain
     * ({@code atEdge}, {@link DomainEdge}): the objective may not move when they are multiplied by e, but the data
     * pin them at the edge. Each one found is added to {@code notIdentified}.
     */
    private List<String> flatWarnings(ExpressionObjective objective, double[] theta, double value, double exactFit,
                                      Set<String> atEdge, Set<String> notIdentified) {
        List<String> warnings = new ArrayList<>();
        double allowed = Math.max(Math.max(FLAT * Math.abs(value), objective.roundingLevel()), exactFit);
        for (int p = 0; p < theta.length; p++) {
            ParameterSpec spec = law.parameters().get(p);
            boolean logScale = spec.scale() == ParameterSpec.Scale.LOG;
            if (!spec.isFree() || theta[p] == 0 || atEdge.contains(spec.name())) {
                continue;
            }
            double largest = 0;
            boolean checked = true;
            for (double factor : new double[] {Math.E, 1 / Math.E}) {
                double moved = theta[p] * factor;
                if (!(moved > spec.lower() && moved < spec.upper())) {
                    checked = false;
                    break;
                }
                double[] at = theta.clone();
                at[p] = moved;
                largest = Math.max(largest, Math.abs(objective.value(objective.internal(at)) - value));
            }
            if (!checked || !(largest <= allowed)) {
                continue;
            }
            double[] starts = spec.startValues();
            double low = Arrays.stream(starts).min().orElse(theta[p]);
            double high = Arrays.stream(starts).max().orElse(theta[p]);
            notIdentified.add(spec.name());
            String reading = !logScale ? "its value is arbitrary" : theta[p] < low
                    ? "read it as negligible (0), not as a value" : theta[p] > high
                    ? "read it as unbounded, not as a value" : "its value is arbitrary";
            warnings.add(String.format(Locale.ROOT, "parameter %s = %.6g is not identified: "
                    + "multiplying or dividing it by e changes the objective by at most %.3g (at %.6g), so the data "
                    + "do not determine it; %s", spec.name(), theta[p], largest, value, reading));
        }
        return warnings;
    }

    /**
     * Every weighted point on the same side of the fitted law (all residuals r_i = L_i − L̂_i, or log L_i − log L̂_i,
     * of one sign; three points or more): the law, with its fixed values and bounds, cannot pass through the data
     * — with a free parameter that shifts it, the optimum would not leave them all on one side. Names the fixed
     * parameters, the usual cause (e.g. a floor fixed above every loss).
     */
    private String oneSidedWarning(double[] theta) {
        double[][] columns = new double[law.columns().size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = data.column(law.columns().get(j));
        }
        double[] x = new double[columns.length];
        double[] losses = data.losses();
        double[] weights = data.weights();
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        int counted = 0;
        for (int i = 0; i < losses.length; i++) {
            if (!(weights[i] > 0)) {
                continue;
            }
            for (int j = 0; j < x.length; j++) {
                x[j] = columns[j][i];
            }
            double predicted = law.predict(x, theta);
            double r = law.residual().of(losses[i], predicted);
            if (!Double.isFinite(r)) {
                return null;
            }
            lowest = Math.min(lowest, r);
            highest = Math.max(highest, r);
            counted++;
        }
        if (counted < 3 || (lowest <= 0 && highest >= 0)) {
            return null;
        }
        List<String> fixed = new ArrayList<>();
        for (ParameterSpec spec : law.parameters()) {
            if (spec.isFixed()) {
                fixed.add(spec.name() + " = " + plain(spec.fixed()));
            }
        }
        return String.format(Locale.ROOT, "every point lies %s the fitted law (%s residuals %.4g … %.4g): the law "
                        + "cannot pass through the data%s; its parameters are a compromise, not a fit",
                highest < 0 ? "below" : "above", law.residual() == Residual.LOG ? "log" : "raw", lowest, highest,
                fixed.isEmpty() ? "" : " with its fixed values (" + String.join(", ", fixed) + ")");
    }

    /**
     * The inputs read from a column of scale — {@link #SCALE_COLUMNS}: parameters, tokens, unique tokens, FLOPs,
     * tokens per parameter, width, depth — along which the fitted law's prediction grows at every weighted point:
     * L̂ with that input multiplied by {@value #GROWTH_STEP} (the others held) exceeds L̂ at every point by more than
     * {@value #FLAT} of itself. Every published scaling law has the loss fall (or stay) as a model, its data or its
     * compute grows; a fit that ends otherwise — e.g. Kaplan's law written as text and fitted from the default
     * linear starts, which ends with α_N &lt; 0 — has found a region the grid began in, not the law.
     */
    private List<String> growthWarnings(double[] theta) {
        List<String> warnings = new ArrayList<>();
        List<String> inputs = law.expression().inputs();
        double[][] columns = new double[inputs.size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = data.column(law.columns().get(j));
        }
        double[] weights = data.weights();
        double[] x = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            if (!SCALE_COLUMNS.contains(law.columns().get(j))) {
                continue;
            }
            boolean grows = true;
            int counted = 0;
            for (int i = 0; i < weights.length && grows; i++) {
                if (!(weights[i] > 0)) {
                    continue;
                }
                for (int m = 0; m < x.length; m++) {
                    x[m] = columns[m][i];
                }
                double at = law.predict(x, theta);
                x[j] *= GROWTH_STEP;
                double larger = law.predict(x, theta);
                grows = Double.isFinite(at) && Double.isFinite(larger) && larger - at > FLAT * Math.abs(at);
                counted++;
            }
            if (grows && counted > 0) {
                warnings.add(String.format(Locale.ROOT, "implausible: the fitted loss grows with %s (column %s) at "
                                + "every point: a larger %s predicts a higher loss, against every published scaling "
                                + "law; the search likely ended where its starts began, not at the law the data "
                                + "follow (fit coefficients on the log scale, --log NAME, from starts near their "
                                + "size, --start NAME=…)",
                        inputs.get(j), law.columns().get(j), inputs.get(j)));
            }
        }
        return warnings;
    }

    /** A value as a person writes it: 0, 0.5, 10, 100000; beyond 10⁻⁴…10⁷, six significant digits (1e+09). */
    private static String plain(double value) {
        double size = Math.abs(value);
        return value == 0 || (size >= 1e-4 && size < 1e7)
                ? BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros().toPlainString()
                : String.format(Locale.ROOT, "%.6g", value);
    }

    /**
     * Whether the fitted law turns non-positive beyond the data: the law is evaluated with the data's largest value
     * of each input, and each non-empty set of inputs (beyond 8 inputs, all of them together only) scaled by 10,
     * 10², …, 10^{@value #EXTRAPOLATION_DECADES} (the others at their largest); the first finite prediction ≤ 0, at
     * the smallest factor, is reported. A loss (or error) law that does so — e.g. E + A/N^α + B/D^β with a negative
     * floor E — cannot be extrapolated there, although it fits the data; null if it stays positive (non-finite
     * predictions are not judged).
     */
    private String extrapolationWarning(double[] theta) {
        List<String> inputs = law.expression().inputs();
        int k = inputs.size();
        if (k == 0) {
            return null;
        }
        double[] largest = new double[k];
        for (int j = 0; j < k; j++) {
            largest[j] = Arrays.stream(data.column(law.columns().get(j))).max().orElseThrow();
        }
        double[] x = new double[k];
        boolean everySubset = k <= 8;
        int subsets = everySubset ? (1 << k) - 1 : 1;
        boolean[] scaledUp = new boolean[k];
        for (int decade = 1; decade <= EXTRAPOLATION_DECADES; decade++) {
            double factor = Math.pow(10, decade);
            for (int subset = 1; subset <= subsets; subset++) {
                for (int j = 0; j < k; j++) {
                    scaledUp[j] = !everySubset || (subset & (1 << j)) != 0;
                    x[j] = scaledUp[j] ? largest[j] * factor : largest[j];
                }
                double predicted = law.predict(x, theta);
                if (Double.isFinite(predicted) && predicted <= 0) {
                    StringBuilder at = new StringBuilder();
                    StringBuilder scaled = new StringBuilder();
                    for (int j = 0; j < k; j++) {
                        at.append(j == 0 ? "" : ", ").append(inputs.get(j)).append(" = ")
                                .append(String.format(Locale.ROOT, "%.3g", x[j]));
                        if (scaledUp[j]) {
                            scaled.append(scaled.length() == 0 ? "" : ", ").append(inputs.get(j));
                        }
                    }
                    return String.format(Locale.ROOT, "the fitted law predicts a non-positive value (%.6g) beyond "
                                    + "the data, at %s (%s at 10^%d times the data's largest): it fits the data but "
                                    + "cannot be extrapolated that far; bound the parameters that let it turn negative "
                                    + "(e.g. --bounds NAME=0: or --log NAME)",
                            predicted, at, scaled, decade);
                }
            }
        }
        return null;
    }

    /**
     * The additive terms of the law that act as a step ({@link StepTerm}), as {@link org.scalefit.fit.FitDiagnostics}
     * says of the built-in laws' terms: the final expression is split at its top-level sums and differences into
     * terms t_1 … t_m (m ≥ 2, {@link LawExpression#additiveTerms}); a term that reads exactly one input x and has free
     * parameters no other term uses is judged by its shares |t(x_i)| / |L̂(x_i)| of the predictions at the weighted
     * points. Its own free parameters are named as the ones the step leaves not identified (a parameter that another
     * term also uses is determined there too).
     */
    List<String> stepWarnings(double[] theta) {
        return stepWarnings(theta, new LinkedHashSet<>());
    }

    /** {@link #stepWarnings(double[])}, adding each step term's own free parameters to {@code notIdentified}. */
    List<String> stepWarnings(double[] theta, Set<String> notIdentified) {
        List<Node> terms = law.expression().additiveTerms();
        if (terms.size() < 2) {
            return List.of();
        }
        double[][] columns = new double[law.columns().size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = data.column(law.columns().get(j));
        }
        double[] weights = data.weights();
        int weighted = (int) Arrays.stream(weights).filter(w -> w > 0).count();
        double[] predictions = new double[weighted];
        double[][] points = new double[weighted][];
        for (int i = 0, t = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                double[] x = new double[columns.length];
                for (int j = 0; j < x.length; j++) {
                    x[j] = columns[j][i];
                }
                points[t] = x;
                predictions[t++] = law.predict(x, theta);
            }
        }
        List<String> warnings = new ArrayList<>();
        for (int m = 0; m < terms.size(); m++) {
            java.util.SortedSet<Integer> inputs = LawExpression.uses(terms.get(m), Op.INPUT);
            List<String> own = ownFreeParameters(terms, m);
            if (inputs.size() != 1 || own.isEmpty()) {
                continue;
            }
            int j = inputs.first();
            double[] shares = new double[weighted];
            double[] input = new double[weighted];
            for (int t = 0; t < weighted; t++) {
                shares[t] = Math.abs(LawExpression.value(terms.get(m), points[t], theta) / predictions[t]);
                input[t] = points[t][j];
            }
            String name = law.expression().inputs().get(j);
            String listed = own.size() == 1 ? own.get(0)
                    : String.join(", ", own.subList(0, own.size() - 1)) + " and " + own.get(own.size() - 1);
            Optional<StepTerm> step = StepTerm.of(shares, input);
            if (step.isEmpty()) {
                continue;
            }
            notIdentified.addAll(own);
            warnings.add(String.format(Locale.ROOT, "degenerate: the %s "
                    + "term (%s %s) acts as a step: %s; %s %s those points alone and %s not identified, and the law "
                    + "says %s has no effect beyond them", name, own.size() == 1 ? "parameter" : "parameters",
                    String.join(", ", own), step.get().extent(name), listed, own.size() == 1 ? "fits" : "fit",
                    own.size() == 1 ? "is" : "are", name));
        }
        return warnings;
    }

    /**
     * The law's floor negligible next to every loss, as {@link org.scalefit.fit.FitDiagnostics} says of the built-in
     * laws' irreducible error: an additive term ({@link LawExpression#additiveTerms}, m ≥ 2) that reads no input and
     * has free parameters no other term uses, whose value |t| is below {@value FitDiagnostics#NEGLIGIBLE_FLOOR} of the
     * smallest loss. Such a floor could be 0 as well: the law has none, and its parameters are not identified.
     * Parameters already in {@code notIdentified} (named by another rule) are not warned of twice; those warned of
     * are added to it.
     */
    List<String> floorWarnings(double[] theta, Set<String> notIdentified) {
        List<Node> terms = law.expression().additiveTerms();
        if (terms.size() < 2) {
            return List.of();
        }
        double smallest = Arrays.stream(data.losses()).filter(loss -> loss > 0).min().orElse(Double.NaN);
        List<String> warnings = new ArrayList<>();
        for (int m = 0; m < terms.size(); m++) {
            if (!LawExpression.uses(terms.get(m), Op.INPUT).isEmpty()) {
                continue;
            }
            List<String> own = ownFreeParameters(terms, m);
            if (own.isEmpty() || own.stream().anyMatch(notIdentified::contains)) {
                continue;
            }
            double value = Math.abs(LawExpression.value(terms.get(m), new double[law.columns().size()], theta));
            if (value < FitDiagnostics.NEGLIGIBLE_FLOOR * smallest) {
                notIdentified.addAll(own);
                warnings.add(String.format(Locale.ROOT, "degenerate: the constant term (%s %s) is %.2g, negligible "
                        + "next to the smallest loss %.4g; the law has no floor and %s %s not identified",
                        own.size() == 1 ? "parameter" : "parameters", String.join(", ", own), value, smallest,
                        String.join(", ", own), own.size() == 1 ? "is" : "are"));
            }
        }
        return warnings;
    }

    /** The free parameters of additive term m that no other term uses. */
    private List<String> ownFreeParameters(List<Node> terms, int m) {
        List<java.util.SortedSet<Integer>> parameters = terms.stream()
                .map(term -> LawExpression.uses(term, Op.PARAM)).toList();
        List<String> own = new ArrayList<>();
        for (int p : parameters.get(m)) {
            boolean shared = false;
            for (int other = 0; other < terms.size(); other++) {
                shared |= other != m && parameters.get(other).contains(p);
            }
            if (!shared && law.parameters().get(p).isFree()) {
                own.add(law.expression().parameters().get(p));
            }
        }
        return own;
    }

    /** A bounded parameter that ended on its bound (to 10⁻⁹ of the bounds' width, or of its size). */
    private List<String> warnings(double[] theta) {
        List<String> warnings = new ArrayList<>();
        for (int p = 0; p < theta.length; p++) {
            ParameterSpec spec = law.parameters().get(p);
            if (!spec.isFree() || !spec.isBounded()) {
                continue;
            }
            double scale = Double.isFinite(spec.upper() - spec.lower()) ? spec.upper() - spec.lower()
                    : Math.max(1, Math.abs(theta[p]));
            for (double bound : new double[] {spec.lower(), spec.upper()}) {
                if (Double.isFinite(bound) && Math.abs(theta[p] - bound) <= 1e-9 * scale
                        && !(spec.scale() == ParameterSpec.Scale.LOG && bound == 0)) {
                    warnings.add("parameter " + spec.name() + " = " + theta[p] + " is at its bound " + bound
                            + ": the optimum lies on the boundary (bounds are imposed by a change of variables, "
                            + "so the bound is approached, not attained)");
                }
            }
        }
        return warnings;
    }
}
