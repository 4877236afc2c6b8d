package org.scalefit.law.expr;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.scalefit.fit.StartGrid;

/**
 * A law given as a {@link LawExpression} together with everything that says how it is fitted: the data column
 * each input reads, the control of each parameter ({@link ParameterSpec}: fixed, tied, bounded, log scale, starts),
 * the residual scale and the penalty. The objective it defines is
 * <pre>
 *   F(θ) = Σ_i w_i·ρ(r_i(θ)),   r_i = log L_i − log L̂(x_i; θ)  or  L_i − L̂(x_i; θ)
 * </pre>
 * minimised over the free parameters ({@link ExpressionObjective}, {@link ExpressionFit}).
 *
 * @param name       the law's name in results
 * @param expression the law
 * @param columns    columns.get(j) is the data column input j reads
 * @param parameters one control per parameter of the expression, in its order
 * @param residual   log or raw residuals
 * @param penalty    Huber, squared or over-estimate ({@link Penalty})
 * @param meanings   what some parameters mean as ranges of values ({@link ParameterMeaning}): law-level knowledge
 *                   a fit that ends outside warns of; no bound on the fit; empty for a law written as text
 */
public record ExpressionLaw(String name, LawExpression expression, List<String> columns,
                            List<ParameterSpec> parameters, Residual residual, Penalty penalty,
                            List<ParameterMeaning> meanings)
        implements Serializable {

    public ExpressionLaw {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(residual, "residual");
        Objects.requireNonNull(penalty, "penalty");
        columns = List.copyOf(columns);
        parameters = List.copyOf(parameters);
        meanings = List.copyOf(meanings);
        if (columns.size() != expression.inputs().size()) {
            throw new IllegalArgumentException("law " + name + " has " + expression.inputs().size()
                    + " inputs but " + columns.size() + " columns");
        }
        if (parameters.size() != expression.parameters().size()) {
            throw new IllegalArgumentException("law " + name + " has " + expression.parameters().size()
                    + " parameters but " + parameters.size() + " controls");
        }
        for (int p = 0; p < parameters.size(); p++) {
            if (!parameters.get(p).name().equals(expression.parameters().get(p))) {
                throw new IllegalArgumentException("control " + p + " is for '" + parameters.get(p).name()
                        + "', the law's parameter " + p + " is '" + expression.parameters().get(p) + "'");
            }
        }
        ParameterSpace.of(parameters); // validates ties
        for (ParameterMeaning meaning : meanings) {
            if (!expression.parameters().contains(meaning.parameter())) {
                throw new IllegalArgumentException("law " + name + " has no parameter '" + meaning.parameter()
                        + "' to give a meaning; its parameters are " + expression.parameters());
            }
        }
    }

    /**
     * The law {@code expression} with its inputs read from columns of the same names, every parameter free on the
     * linear scale with default starts, log residuals and Huber δ = 10⁻³.
     */
    public static ExpressionLaw of(String name, LawExpression expression) {
        List<ParameterSpec> controls = new ArrayList<>();
        for (String parameter : expression.parameters()) {
            controls.add(ParameterSpec.free(parameter));
        }
        return new ExpressionLaw(name, expression, expression.inputs(), controls, Residual.LOG, Penalty.huber(1e-3),
                List.of());
    }

    /** This law with input {@code input} read from data column {@code column}. */
    public ExpressionLaw withColumn(String input, String column) {
        int j = expression.inputs().indexOf(input);
        if (j < 0) {
            throw new IllegalArgumentException("law " + name + " has no input '" + input + "'; its inputs are "
                    + expression.inputs());
        }
        List<String> next = new ArrayList<>(columns);
        next.set(j, column);
        return new ExpressionLaw(name, expression, next, parameters, residual, penalty, meanings);
    }

    /** This law with the control of parameter {@code spec.name()} replaced. */
    public ExpressionLaw withParameter(ParameterSpec spec) {
        int p = expression.parameters().indexOf(spec.name());
        if (p < 0) {
            throw noParameter(spec.name());
        }
        List<ParameterSpec> next = new ArrayList<>(parameters);
        next.set(p, spec);
        return new ExpressionLaw(name, expression, columns, next, residual, penalty, meanings);
    }

    /** This law with every named parameter fixed at its value in {@code values}. */
    public ExpressionLaw withFixed(Map<String, Double> values) {
        ExpressionLaw law = this;
        for (Map.Entry<String, Double> value : values.entrySet()) {
            law = law.withParameter(law.parameter(value.getKey()).fixedAt(value.getValue()));
        }
        return law;
    }

    /** This law with residuals on another scale. */
    public ExpressionLaw withResidual(Residual next) {
        return new ExpressionLaw(name, expression, columns, parameters, next, penalty, meanings);
    }

    /** This law with another penalty. */
    public ExpressionLaw withPenalty(Penalty next) {
        return new ExpressionLaw(name, expression, columns, parameters, residual, next, meanings);
    }

    /** This law with {@code meaning} added ({@link ParameterMeaning}: a warning when a fit ends outside it). */
    public ExpressionLaw withMeaning(ParameterMeaning meaning) {
        List<ParameterMeaning> next = new ArrayList<>(meanings);
        next.add(meaning);
        return new ExpressionLaw(name, expression, columns, parameters, residual, penalty, next);
    }

    /** The {@link ParameterMeaning} warnings of parameters {@code theta}, in the order the meanings were given. */
    public List<String> meaningWarnings(double[] theta) {
        List<String> warnings = new ArrayList<>();
        for (ParameterMeaning meaning : meanings) {
            meaning.warning(theta[expression.parameters().indexOf(meaning.parameter())]).ifPresent(warnings::add);
        }
        return warnings;
    }

    /** This law under another name. */
    public ExpressionLaw withName(String next) {
        return new ExpressionLaw(next, expression, columns, parameters, residual, penalty, meanings);
    }

    /** The control of the named parameter. */
    public ParameterSpec parameter(String parameterName) {
        int p = expression.parameters().indexOf(parameterName);
        if (p < 0) {
            throw noParameter(parameterName);
        }
        return parameters.get(p);
    }

    /**
     * The grid of starts a fit of this law runs, in the optimiser's coordinates: the Cartesian product of the free
     * parameters' start values, one axis per free parameter.
     */
    public StartGrid startGrid() {
        return ParameterSpace.of(parameters).startGrid();
    }

    /** That {@code symbol} is not a parameter: an input of this law (named with its column), or not in the law. */
    private IllegalArgumentException noParameter(String symbol) {
        int input = expression.inputs().indexOf(symbol);
        if (input >= 0) {
            return new IllegalArgumentException("'" + symbol + "' is an input of law " + name + " (read from column "
                    + columns.get(input) + "), not a parameter; its parameters are " + expression.parameters()
                    + "; to fit " + symbol + " as a parameter, give it another name");
        }
        return new IllegalArgumentException("law " + name + " has no parameter '" + symbol + "'; its parameters are "
                + expression.parameters());
    }

    /** The parameters' names, in the order of θ. */
    public List<String> parameterNames() {
        return expression.parameters();
    }

    /** L̂(x; θ) with x in the order of the inputs and θ of the parameters. */
    public double predict(double[] inputs, double[] theta) {
        return expression.evaluate(inputs, theta);
    }

    /** θ as a map from parameter name, in order. */
    public Map<String, Double> named(double[] theta) {
        Map<String, Double> named = new java.util.LinkedHashMap<>();
        for (int p = 0; p < theta.length; p++) {
            named.put(expression.parameters().get(p), theta[p]);
        }
        return named;
    }

    /**
     * θ from a map of parameter values: every parameter needs one, except that a fixed parameter without a value
     * takes its fixed value ({@link ParameterSpec#fixed()}), and a tied one without a value that of the parameter it
     * is tied to.
     *
     * @throws IllegalArgumentException if a free parameter has no value, or a name is not a parameter of the law
     */
    public double[] theta(Map<String, Double> values) {
        Map<String, Double> copy = new HashMap<>(values);
        double[] theta = new double[expression.parameters().size()];
        for (int p = 0; p < theta.length; p++) {
            Double value = copy.remove(expression.parameters().get(p));
            ParameterSpec spec = parameters.get(p);
            if (value == null && spec.isFixed()) {
                value = spec.fixed();
            }
            if (value == null && spec.isTied()) {
                value = values.get(spec.tiedTo());
                if (value == null && parameter(spec.tiedTo()).isFixed()) {
                    value = parameter(spec.tiedTo()).fixed();
                }
            }
            if (value == null) {
                throw new IllegalArgumentException("no value for parameter '" + expression.parameters().get(p)
                        + "' of law " + name);
            }
            theta[p] = value;
        }
        if (!copy.isEmpty()) {
            throw new IllegalArgumentException("law " + name + " has no parameters " + copy.keySet());
        }
        return theta;
    }
}
