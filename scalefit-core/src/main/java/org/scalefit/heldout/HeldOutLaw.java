package org.scalefit.heldout;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.law.LawForm;
import org.scalefit.law.expr.ExpressionFit;
import org.scalefit.law.expr.ExpressionFitRequest;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.LawPoints;
import org.scalefit.law.expr.Penalty;
import org.scalefit.parallel.Parallelism;

/**
 * What a held-out evaluation ({@link HeldOutEvaluation}) needs of a law: fit it to a subset of the points, and
 * predict the loss L̂(x) of a point from the fit. Both are {@code scalefit fit}'s: the multi-start engine from every
 * start of the law's grid, polished, with its identification rules and stationarity test.
 * <ul>
 *   <li>{@link BuiltIn}: a built-in log-sum-exp law ({@link LawForm}), L̂ = Σ_j e^{c_j}·x_j^{−α_j} + e^e, fitted
 *       by the Huber objective of log-loss residuals with threshold δ ({@link FitProblem}).</li>
 *   <li>{@link Written}: a law of the law language ({@link ExpressionLaw}: written as text, named or read from a
 *       law file, with its fixed, tied, bounded and log-scale parameters), fitted by its own objective
 *       F(θ) = Σ_i w_i·ρ(r_i(θ)) ({@link ExpressionFitRequest}).</li>
 * </ul>
 * The points are {@link Observations} whose inputs are the law's {@link #inputs()}, in order.
 */
public sealed interface HeldOutLaw {

    /** The law's name (for a law written as text, the name it was given). */
    String name();

    /** The inputs the law reads, in the order of the observations' inputs: data columns, e.g. params, tokens. */
    List<String> inputs();

    /** The starts of every fit. */
    StartGrid grid();

    /** δ of the fits' Huber (or over-estimate) penalty; NaN for a written law's squared penalty. */
    double delta();

    /**
     * Fits the law to the observations at {@code points} (indices into {@code observations}).
     *
     * @throws IllegalArgumentException if the observations' inputs are not the law's
     */
    Fitted fit(Observations observations, int[] points, Parallelism parallelism, FitProgress progress);

    /**
     * A built-in law fitted as {@code scalefit fit --law chinchilla|width-depth|width-depth-params} fits it.
     *
     * @param form    the law
     * @param delta   the Huber threshold δ on log-loss residuals
     * @param grid    the starts of every fit
     * @param fitting how the multi-start engine runs
     */
    record BuiltIn(LawForm form, double delta, StartGrid grid, MultiStartFitter.Options fitting)
            implements HeldOutLaw {

        public BuiltIn {
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(grid, "grid");
            Objects.requireNonNull(fitting, "fitting");
            if (grid.dimension() != form.parameterCount()) {
                throw new IllegalArgumentException("grid sets " + grid.dimension() + " parameters, law "
                        + form.name() + " has " + form.parameterCount());
            }
            if (!(delta > 0) || Double.isInfinite(delta)) {
                throw new IllegalArgumentException("Huber delta must be positive and finite, was " + delta);
            }
        }

        @Override
        public String name() {
            return form.name();
        }

        @Override
        public List<String> inputs() {
            return form.inputs();
        }

        @Override
        public Fitted fit(Observations observations, int[] points, Parallelism parallelism, FitProgress progress) {
            if (observations.arity() != form.arity()) {
                throw new IllegalArgumentException("the points have " + observations.arity() + " inputs, law "
                        + form.name() + " reads " + form.arity());
            }
            Observations training = HeldOutEvaluation.subset(observations, points);
            return new BuiltInFit(form, new FitProblem(form, training, delta, grid, fitting).fit(parallelism,
                    progress));
        }
    }

    /**
     * A law of the law language fitted as {@code scalefit fit --law '<expression>'} fits it, with a weight per
     * point of the observations it is evaluated on (the fit's w_i; none: every weight 1).
     *
     * @param law     the law with its controls (inputs, parameters, residual, penalty)
     * @param weights the weight of every point of the observations, or empty for weight 1 each
     * @param options the multi-start engine's options
     */
    record Written(ExpressionLaw law, double[] weights, MultiStartFitter.Options options) implements HeldOutLaw {

        public Written {
            Objects.requireNonNull(law, "law");
            weights = weights.clone();
            Objects.requireNonNull(options, "options");
        }

        /** The law with weight 1 on every point and the engine's default options. */
        public static Written of(ExpressionLaw law) {
            return new Written(law, new double[0], MultiStartFitter.Options.defaults());
        }

        /** The same law with a weight per point. */
        public Written withWeights(double[] next) {
            return new Written(law, next, options);
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }

        @Override
        public String name() {
            return law.name();
        }

        /** The data columns the law's inputs read ({@link ExpressionLaw#columns()}). */
        @Override
        public List<String> inputs() {
            return law.columns();
        }

        @Override
        public StartGrid grid() {
            return law.startGrid();
        }

        /** δ of the law's Huber or over-estimate penalty; NaN for the squared penalty. */
        @Override
        public double delta() {
            Penalty penalty = law.penalty();
            return penalty instanceof Penalty.Huber huber ? huber.delta()
                    : penalty instanceof Penalty.OverEstimate over ? over.delta() : Double.NaN;
        }

        /**
         * The training points as the law's {@link LawPoints}: the observations' inputs as the law's columns, their
         * losses and weights.
         */
        public LawPoints points(Observations observations, int[] points) {
            requireInputs(observations, inputs());
            if (weights.length != 0 && weights.length != observations.size()) {
                throw new IllegalArgumentException(weights.length + " weights for " + observations.size()
                        + " points");
            }
            double[][] columns = new double[observations.arity()][points.length];
            double[] losses = new double[points.length];
            double[] w = new double[points.length];
            for (int t = 0; t < points.length; t++) {
                for (int j = 0; j < columns.length; j++) {
                    columns[j][t] = observations.input(points[t], j);
                }
                losses[t] = observations.loss(points[t]);
                w[t] = weights.length == 0 ? 1 : weights[points[t]];
            }
            return new LawPoints(observations.source(), law.columns(), columns, losses, w);
        }

        @Override
        public Fitted fit(Observations observations, int[] points, Parallelism parallelism, FitProgress progress) {
            return new WrittenFit(new ExpressionFitRequest(law, points(observations, points), options)
                    .run(parallelism, progress));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Written that && law.equals(that.law) && Arrays.equals(weights, that.weights)
                    && options.equals(that.options);
        }

        @Override
        public int hashCode() {
            return 31 * law.hashCode() + Arrays.hashCode(weights);
        }

        @Override
        public String toString() {
            return "Written[" + law.name() + ", " + weights.length + " weights]";
        }
    }

    /**
     * A fit of a held-out evaluation: how it ended ({@link LawFit.Status}, in {@code scalefit fit}'s terms), its
     * parameters, warnings, search and objective, and the law's prediction at a point.
     */
    sealed interface Fitted {

        /** How the fit ended. */
        LawFit.Status status();

        /** Whether it converged to a tested local minimum ({@link LawFit.Status#CONVERGED}). */
        default boolean succeeded() {
            return status() == LawFit.Status.CONVERGED;
        }

        /** How many points were fitted. */
        int points();

        /** θ at the optimum, in the law's order (empty or meaningless unless {@link #succeeded()}). */
        double[] parameters();

        /** What looks degenerate, and why a fit failed. */
        List<String> warnings();

        /** How many starts the search ran. */
        long starts();

        /** How many of them converged. */
        long successfulStarts();

        /** The objective at the optimum. */
        double loss();

        /** L̂ at {@code inputs}, in the order of the law's inputs, from the fitted parameters. */
        double predict(double[] inputs);
    }

    /** A built-in law's fit ({@link LawFit}); L̂ = exp(log L̂(log x)), as the law computes it. */
    record BuiltInFit(LawForm form, LawFit fit) implements Fitted {

        public BuiltInFit {
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(fit, "fit");
        }

        @Override
        public LawFit.Status status() {
            return fit.status();
        }

        @Override
        public boolean succeeded() {
            return fit.succeeded();
        }

        @Override
        public int points() {
            return fit.points();
        }

        @Override
        public double[] parameters() {
            return fit.parameters();
        }

        @Override
        public List<String> warnings() {
            return fit.warnings();
        }

        @Override
        public long starts() {
            return fit.search().starts();
        }

        @Override
        public long successfulStarts() {
            return fit.search().successfulStarts();
        }

        @Override
        public double loss() {
            return fit.loss();
        }

        @Override
        public double predict(double[] inputs) {
            double[] logInputs = new double[inputs.length];
            for (int j = 0; j < inputs.length; j++) {
                logInputs[j] = Math.log(inputs[j]);
            }
            return Math.exp(form.logPrediction(fit.parameters(), logInputs));
        }
    }

    /** A law of the law language's fit ({@link ExpressionFit}); L̂ is the expression at the fitted θ. */
    record WrittenFit(ExpressionFit fit) implements Fitted {

        public WrittenFit {
            Objects.requireNonNull(fit, "fit");
        }

        @Override
        public LawFit.Status status() {
            return fit.status();
        }

        @Override
        public int points() {
            return fit.points();
        }

        @Override
        public double[] parameters() {
            return fit.parameters();
        }

        @Override
        public List<String> warnings() {
            return fit.warnings();
        }

        @Override
        public long starts() {
            return fit.search().starts();
        }

        @Override
        public long successfulStarts() {
            return fit.search().successfulStarts();
        }

        /** The objective F at the optimum (NaN if nothing converged). */
        @Override
        public double loss() {
            return fit.objective();
        }

        @Override
        public double predict(double[] inputs) {
            return fit.predict(inputs);
        }
    }

    private static void requireInputs(Observations observations, List<String> inputs) {
        if (!observations.inputNames().equals(inputs)) {
            throw new IllegalArgumentException("the points' inputs are " + observations.inputNames() + ", the law "
                    + "reads " + inputs);
        }
    }
}
