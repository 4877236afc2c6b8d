package org.scalefit.law.expr;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scalefit.fit.DifferentiableObjective;
import org.scalefit.fit.EquallyGood;
import org.scalefit.fit.TableLogExp;

/**
 * The fitting objective of an {@link ExpressionLaw} on {@link LawPoints}, as a function of the optimiser's
 * coordinates u (the free parameters, through their {@link ParameterSpec} transforms):
 * <pre>
 *   F(u) = Σ_i w_i·ρ(r_i),   r_i = log L_i − log L̂(x_i; θ(u))  (or L_i − L̂),   ρ = huber_δ, r² or the
 *   over-estimate penalty (κ·huber_δ(r) for r &lt; 0, {@link Penalty.OverEstimate})
 * </pre>
 * with the exact gradient by reverse-mode automatic differentiation of the compiled {@link Tape}:
 * ∂F/∂θ = Σ_i w_i·ρ′(r_i)·∂r_i/∂L̂·∂L̂/∂θ, then pulled back to u by the chain rule.
 *
 * <p>How it is computed (the speed-ups of {@code HuberLogLossObjective}, generalised): every slot of the program is
 * classified by what it depends on. Slots of the data alone (e.g. {@code log(N)}, {@code D/U − 1}) are computed once,
 * when the objective is built. A slot that depends on the parameters and on one input only (e.g.
 * {@code exp(a − alpha·log(N))}, or {@code A/N^alpha}) is computed once per <em>distinct value</em> of that input —
 * run tables repeat their model sizes and token counts, so a Chinchilla-form law costs one exponential per distinct
 * model size and token count, not per point; only slots of two inputs or more are computed per point. In the
 * backward pass the adjoints of per-point slots are added into the per-value slots they read; an adjoint is set by its
 * first contribution rather than zero-filled, and residual, penalty and ∂F/∂L̂ take one pass over the points.
 * Exponentials and logarithms are {@link TableLogExp}'s. A sub-expression of the data alone that is not finite at
 * some row (e.g. a division by zero) is rejected when the objective is built, with its position in the expression.
 *
 * <p>Keeps scratch space: one instance per thread, see {@link #copy()}.
 */
public final class ExpressionObjective implements DifferentiableObjective {

    private static final long serialVersionUID = 1L;

    /** Domain code of a slot that depends on no input (one value). */
    private static final int SCALAR = -1;
    /** Accumulation code: operand and slot have the same domain. */
    private static final int SAME = -2;
    /** Operand read through its gather index. */
    private static final byte GATHERED = 0;
    /** Operand of the slot's own domain: element k reads element k. */
    private static final byte ALIGNED = 1;
    /** Operand of no input, slot of some: every element reads element 0. */
    private static final byte BROADCAST = 2;

    private final ExpressionLaw law;
    private final ParameterSpace space;
    private final Tape tape;
    private final int points;
    /** True for slots that depend on the parameters (recomputed at each evaluation). */
    private final boolean[] varying;
    /** Index arrays: gatherA[s][k] is the element of operand a's values that element k of slot s reads. */
    private final int[][] gatherA;
    private final int[][] gatherB;
    /** How element k of slot s reads operand a (b): {@link #GATHERED}, {@link #ALIGNED} or {@link #BROADCAST}. */
    private final byte[] readA;
    private final byte[] readB;
    /**
     * How the adjoint of each operand is accumulated: ≥ 0 — the operand is per distinct value of that input and the
     * slot per point, so the contributions of the points with each value are summed (pointsStart/pointsWithValue);
     * {@link #SAME} — element by element; {@link #SCALAR} — all into one.
     */
    private final int[] reduceA;
    private final int[] reduceB;
    private final int reduceOutput;
    /** pointsWithValue[j][pointsStart[j][v] .. pointsStart[j][v+1]): the points whose input j has distinct value v. */
    private final int[][] pointsStart;
    private final int[][] pointsWithValue;
    /** For the output: which output element point i reads. */
    private final int[] gatherOutput;
    /** For POW slots with a base of the data alone, all positive: log of the base, per base element. */
    private final double[][] logBase;
    /** The varying non-parameter slots, in evaluation order. */
    private final int[] program;
    /** Slot of each parameter θ_p. */
    private final int[] parameterSlot;
    private final double[] logLosses;
    private final double[] losses;
    private final double[] weights;
    private final boolean logResidual;
    /** Huber or over-estimate (else squared). */
    private final boolean huber;
    private final double delta;
    /** The weight of over-estimates (r &lt; 0): 1 for Huber, κ for {@link Penalty.OverEstimate}. */
    private final double kappa;
    // per instance: values of the varying slots (data slots shared), adjoints, θ and ∂F/∂θ
    private final double[][] values;
    private final double[][] adjoint;
    private final double[] theta;
    private final double[] thetaGradient;
    private final double[] contribution;
    /** Per slot, whether its adjoint has been written in this backward pass (unwritten adjoints are zero). */
    private final boolean[] written;

    private ExpressionObjective(ExpressionObjective from, double[] weights) {
        this.law = from.law;
        this.space = from.space;
        this.tape = from.tape;
        this.points = from.points;
        this.varying = from.varying;
        this.gatherA = from.gatherA;
        this.gatherB = from.gatherB;
        this.readA = from.readA;
        this.readB = from.readB;
        this.gatherOutput = from.gatherOutput;
        this.reduceA = from.reduceA;
        this.reduceB = from.reduceB;
        this.reduceOutput = from.reduceOutput;
        this.pointsStart = from.pointsStart;
        this.pointsWithValue = from.pointsWithValue;
        this.contribution = new double[from.contribution.length];
        this.written = new boolean[from.written.length];
        this.logBase = from.logBase;
        this.program = from.program;
        this.parameterSlot = from.parameterSlot;
        this.logLosses = from.logLosses;
        this.losses = from.losses;
        this.weights = weights;
        this.logResidual = from.logResidual;
        this.huber = from.huber;
        this.delta = from.delta;
        this.kappa = from.kappa;
        this.values = new double[from.values.length][];
        this.adjoint = new double[from.values.length][];
        for (int s = 0; s < values.length; s++) {
            values[s] = varying[s] ? new double[from.values[s].length] : from.values[s];
            adjoint[s] = varying[s] ? new double[from.values[s].length] : null;
        }
        this.theta = new double[from.theta.length];
        this.thetaGradient = new double[from.theta.length];
    }

    private ExpressionObjective(ExpressionLaw law, LawPoints data) {
        this.law = law;
        this.space = ParameterSpace.of(law.parameters());
        LawExpression expression = law.expression();
        this.tape = expression.tape();
        this.points = data.size();
        if (points == 0) {
            throw new IllegalArgumentException("no points to fit");
        }
        int k = expression.inputs().size();
        if (k > 62) {
            throw new IllegalArgumentException("a law may have at most 62 inputs");
        }
        // the input columns and their distinct values
        double[][] columns = new double[k][];
        double[][] distinct = new double[k][];
        int[][] valueIndex = new int[k][];
        for (int j = 0; j < k; j++) {
            String column = law.columns().get(j);
            int c = data.columnNames().indexOf(column);
            if (c < 0) {
                throw new ExpressionException("input '" + expression.inputs().get(j) + "' reads column '" + column
                        + "', which the data (" + data.source() + ") does not have; its columns are "
                        + data.columnNames(), expression.text(), expression.inputOffset(j));
            }
            columns[j] = data.columnView(c);
            TreeMap<Double, Integer> sorted = new TreeMap<>();
            for (double value : columns[j]) {
                sorted.put(value, 0);
            }
            distinct[j] = new double[sorted.size()];
            int next = 0;
            for (Map.Entry<Double, Integer> entry : sorted.entrySet()) {
                distinct[j][next] = entry.getKey();
                entry.setValue(next++);
            }
            valueIndex[j] = new int[points];
            for (int i = 0; i < points; i++) {
                valueIndex[j][i] = sorted.get(columns[j][i]);
            }
        }
        // classify the slots: which inputs each depends on, and whether it depends on the parameters
        int n = tape.size();
        long[] inputs = new long[n];
        varying = new boolean[n];
        int[] domain = new int[n];
        parameterSlot = new int[expression.parameters().size()];
        for (int s = 0; s < n; s++) {
            Op op = tape.op[s];
            switch (op) {
                case CONST -> { }
                case INPUT -> inputs[s] = 1L << tape.index[s];
                case PARAM -> {
                    varying[s] = true;
                    parameterSlot[tape.index[s]] = s;
                }
                default -> {
                    inputs[s] = inputs[tape.a[s]] | (op.arity() == 2 ? inputs[tape.b[s]] : 0);
                    varying[s] = varying[tape.a[s]] || (op.arity() == 2 && varying[tape.b[s]]);
                }
            }
            domain[s] = inputs[s] == 0 ? SCALAR
                    : Long.bitCount(inputs[s]) == 1 ? Long.numberOfTrailingZeros(inputs[s]) : k;
        }
        // index arrays between domains, shared by size
        Map<Integer, int[]> identities = new HashMap<>();
        Map<Integer, int[]> zeros = new HashMap<>();
        int[] sizes = new int[k + 1];
        for (int j = 0; j < k; j++) {
            sizes[j] = distinct[j].length;
        }
        sizes[k] = points;
        gatherA = new int[n][];
        gatherB = new int[n][];
        values = new double[n][];
        adjoint = new double[n][];
        logBase = new double[n][];
        for (int s = 0; s < n; s++) {
            int size = domain[s] == SCALAR ? 1 : sizes[domain[s]];
            values[s] = new double[size];
            adjoint[s] = varying[s] ? new double[size] : null;
            if (tape.op[s].arity() >= 1) {
                gatherA[s] = gather(domain[tape.a[s]], domain[s], size, valueIndex, identities, zeros);
            }
            if (tape.op[s].arity() == 2) {
                gatherB[s] = gather(domain[tape.b[s]], domain[s], size, valueIndex, identities, zeros);
            }
        }
        gatherOutput = gather(domain[tape.output], k, points, valueIndex, identities, zeros);
        readA = new byte[n];
        readB = new byte[n];
        for (int s = 0; s < n; s++) {
            readA[s] = tape.op[s].arity() >= 1 ? read(domain[tape.a[s]], domain[s]) : GATHERED;
            readB[s] = tape.op[s].arity() == 2 ? read(domain[tape.b[s]], domain[s]) : GATHERED;
        }
        reduceA = new int[n];
        reduceB = new int[n];
        for (int s = 0; s < n; s++) {
            reduceA[s] = tape.op[s].arity() >= 1 ? reduction(domain[tape.a[s]], domain[s]) : SAME;
            reduceB[s] = tape.op[s].arity() == 2 ? reduction(domain[tape.b[s]], domain[s]) : SAME;
        }
        reduceOutput = reduction(domain[tape.output], k);
        pointsStart = new int[k][];
        pointsWithValue = new int[k][];
        for (int j = 0; j < k; j++) {
            pointsStart[j] = new int[distinct[j].length + 1];
            for (int i = 0; i < points; i++) {
                pointsStart[j][valueIndex[j][i] + 1]++;
            }
            for (int v = 0; v < distinct[j].length; v++) {
                pointsStart[j][v + 1] += pointsStart[j][v];
            }
            pointsWithValue[j] = new int[points];
            int[] next = Arrays.copyOf(pointsStart[j], distinct[j].length);
            for (int i = 0; i < points; i++) {
                pointsWithValue[j][next[valueIndex[j][i]]++] = i;
            }
        }
        contribution = new double[points];
        written = new boolean[n];
        // the slots of the data alone, once
        int[] varyingProgram = new int[n];
        int programLength = 0;
        for (int s = 0; s < n; s++) {
            Op op = tape.op[s];
            if (op == Op.CONST) {
                values[s][0] = tape.constant[s];
            } else if (op == Op.INPUT) {
                System.arraycopy(distinct[tape.index[s]], 0, values[s], 0, values[s].length);
            } else if (!varying[s]) {
                forward(s, true);
                checkFinite(s, domain[s], expression, distinct, valueIndex, columns);
            } else if (op != Op.PARAM) {
                if (op == Op.DIV && !varying[tape.b[s]]) {
                    checkDenominator(s, domain[tape.b[s]], expression, valueIndex, columns);
                }
                varyingProgram[programLength++] = s;
                if (op == Op.POW && !varying[tape.a[s]]) {
                    double[] base = values[tape.a[s]];
                    if (Arrays.stream(base).allMatch(v -> v > 0)) {
                        logBase[s] = Arrays.stream(base).map(Math::log).toArray();
                    }
                }
            }
        }
        program = Arrays.copyOf(varyingProgram, programLength);
        losses = data.losses();
        weights = data.weights();
        logResidual = law.residual() == Residual.LOG;
        logLosses = new double[points];
        if (logResidual) {
            for (int i = 0; i < points; i++) {
                if (!(losses[i] > 0)) {
                    throw new IllegalArgumentException("log residuals need positive losses, but point " + i + " of "
                            + data.source() + " has loss " + losses[i] + " (use raw residuals)");
                }
                logLosses[i] = Math.log(losses[i]);
            }
        }
        huber = !(law.penalty() instanceof Penalty.Squared);
        if (law.penalty() instanceof Penalty.Huber h) {
            delta = h.delta();
            kappa = 1;
        } else if (law.penalty() instanceof Penalty.OverEstimate over) {
            delta = over.delta();
            kappa = over.kappa();
        } else {
            delta = Double.POSITIVE_INFINITY;
            kappa = 1;
        }
        theta = new double[parameterSlot.length];
        thetaGradient = new double[parameterSlot.length];
    }

    /**
     * The objective of {@code law} on {@code data}.
     *
     * @throws ExpressionException      if an input's column is missing, or a sub-expression of the data alone is not
     *                                  finite at some point (with the position in the expression and the point)
     * @throws IllegalArgumentException if there are no points, or log residuals meet a loss ≤ 0
     */
    public static ExpressionObjective of(ExpressionLaw law, LawPoints data) {
        return new ExpressionObjective(law, data);
    }

    private static byte read(int from, int to) {
        return from == to ? ALIGNED : from == SCALAR ? BROADCAST : GATHERED;
    }

    /** How adjoints flow from a slot of domain {@code to} back to an operand of domain {@code from}. */
    private static int reduction(int from, int to) {
        return from == to ? SAME : from;
    }

    private static int[] gather(int from, int to, int size, int[][] valueIndex, Map<Integer, int[]> identities,
                                Map<Integer, int[]> zeros) {
        if (from == to) {
            return identities.computeIfAbsent(size, m -> {
                int[] identity = new int[m];
                Arrays.setAll(identity, i -> i);
                return identity;
            });
        }
        if (from == SCALAR) {
            return zeros.computeIfAbsent(size, int[]::new);
        }
        return valueIndex[from];
    }

    private void checkFinite(int s, int domain, LawExpression expression, double[][] distinct, int[][] valueIndex,
                             double[][] columns) {
        double[] v = values[s];
        for (int e = 0; e < v.length; e++) {
            if (Double.isFinite(v[e])) {
                continue;
            }
            int row = rowOf(domain, e, valueIndex);
            String where = describe(row, expression, columns);
            boolean divisionByZero = tape.op[s] == Op.DIV && values[tape.b[s]][gatherB[s][e]] == 0;
            throw new ExpressionException((divisionByZero ? "division by zero" : "a sub-expression of the data "
                    + "evaluates to " + v[e]) + " at data point " + row + " (" + where + ")", expression.text(),
                    tape.offset[s]);
        }
    }

    /** A division of a varying numerator by data that is zero at some point divides by zero there. */
    private void checkDenominator(int s, int domain, LawExpression expression, int[][] valueIndex,
                                  double[][] columns) {
        double[] denominator = values[tape.b[s]];
        for (int e = 0; e < denominator.length; e++) {
            if (denominator[e] == 0) {
                int row = rowOf(domain, e, valueIndex);
                throw new ExpressionException("division by zero at data point " + row + " (" + describe(row,
                        expression, columns) + ")", expression.text(), tape.offset[s]);
            }
        }
    }

    private static String describe(int row, LawExpression expression, double[][] columns) {
        StringBuilder where = new StringBuilder();
        for (int j = 0; j < columns.length; j++) {
            where.append(j == 0 ? "" : ", ").append(expression.inputs().get(j)).append(" = ")
                    .append(columns[j][row]);
        }
        return where.toString();
    }

    /** A point whose inputs give element e of a slot of the given domain. */
    private int rowOf(int domain, int e, int[][] valueIndex) {
        if (domain == SCALAR) {
            return 0;
        }
        if (domain == valueIndex.length) {
            return e;
        }
        int[] index = valueIndex[domain];
        for (int i = 0; i < index.length; i++) {
            if (index[i] == e) {
                return i;
            }
        }
        return 0;
    }

    /** {@link EquallyGood#exactFitLevel} of this law's residuals and penalty on its points, at their weights. */
    @Override
    public double exactFitLevel() {
        return EquallyGood.exactFitLevel(losses, weights, logResidual,
                u -> ExpressionFitRequest.penalty(law.penalty(), u));
    }

    /** The law. */
    public ExpressionLaw law() {
        return law;
    }

    /** Number of points summed over. */
    public int points() {
        return points;
    }

    /** The names of the free parameters, in the order of u. */
    public List<String> freeParameters() {
        return space.freeNames();
    }

    /** θ(u): every parameter's value at optimiser coordinates u. */
    public double[] theta(double[] u) {
        double[] out = new double[parameterSlot.length];
        space.toTheta(u, out);
        return out;
    }

    /** u of the free parameters' values in a full θ. */
    public double[] internal(double[] theta) {
        return space.toInternal(theta);
    }

    ParameterSpace space() {
        return space;
    }

    /**
     * The objective of a resample: Σ_i counts[i]·w_i·ρ(r_i), point i taken counts[i] times (a bootstrap resample
     * with replacement as multiplicities).
     */
    public ExpressionObjective resampled(int[] counts) {
        if (counts.length != points) {
            throw new IllegalArgumentException(counts.length + " counts for " + points + " points");
        }
        double[] next = new double[points];
        for (int i = 0; i < points; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("negative count " + counts[i]);
            }
            next[i] = weights[i] * counts[i];
        }
        return new ExpressionObjective(this, next);
    }

    @Override
    public int dimension() {
        return space.dimension();
    }

    @Override
    public DifferentiableObjective copy() {
        return new ExpressionObjective(this, weights);
    }

    @Override
    public double value(double[] u) {
        return evaluate(u, null);
    }

    @Override
    public double valueAndGradient(double[] u, double[] gradient) {
        return evaluate(u, gradient);
    }

    /** F at parameters θ (all of them, fixed and tied ones included), and ∂F/∂θ into {@code gradient} if not null. */
    public double valueAtTheta(double[] parameters, double[] gradient) {
        System.arraycopy(parameters, 0, theta, 0, theta.length);
        double f = forwardAndResidual(gradient != null);
        if (gradient != null) {
            System.arraycopy(thetaGradient, 0, gradient, 0, theta.length);
        }
        return f;
    }

    private double evaluate(double[] u, double[] gradient) {
        space.toTheta(u, theta);
        double f = forwardAndResidual(gradient != null);
        if (gradient != null) {
            space.pullBack(u, thetaGradient, gradient);
        }
        return f;
    }

    private double forwardAndResidual(boolean wantGradient) {
        for (int p = 0; p < parameterSlot.length; p++) {
            values[parameterSlot[p]][0] = theta[p];
        }
        for (int s : program) {
            forward(s, false);
        }
        double[] out = values[tape.output];
        int[] at = gatherOutput;
        // one pass over the points: r_i, ρ(r_i), and (for the gradient) ∂F/∂L̂_i = w_i·ρ′(r_i)·∂r_i/∂L̂_i with
        // ∂r/∂L̂ = −1/L̂ (log) or −1 (raw), written where the backward pass reads it
        boolean direct = wantGradient && reduceOutput == SAME && varying[tape.output];
        double[] c = direct ? adjoint[tape.output] : contribution;
        double d = delta;
        double f = 0;
        for (int i = 0; i < points; i++) {
            double prediction = out[at[i]];
            double r = logResidual ? logLosses[i] - TableLogExp.log(prediction) : losses[i] - prediction;
            double w = weights[i];
            double slope;
            if (huber) {
                double psi = r > d ? d : (r < -d ? -d : r);
                if (r < 0) {
                    w *= kappa;
                }
                f += w * (psi * (r - 0.5 * psi));
                slope = w * psi;
            } else {
                f += w * r * r;
                slope = 2 * w * r;
            }
            c[i] = logResidual ? -slope / prediction : -slope;
        }
        if (wantGradient) {
            Arrays.fill(written, false);
            if (direct) {
                written[tape.output] = true;
            } else if (varying[tape.output]) {
                accumulate(tape.output, c, points, reduceOutput);
            }
            for (int t = program.length - 1; t >= 0; t--) {
                backward(program[t]);
            }
            for (int p = 0; p < parameterSlot.length; p++) {
                int slot = parameterSlot[p];
                thetaGradient[p] = written[slot] ? adjoint[slot][0] : 0;
            }
        }
        return f;
    }

    /** Computes slot s over its domain ({@code exact}: with {@link Math}'s functions, for the data's slots). */
    private void forward(int s, boolean exact) {
        double[] out = values[s];
        int m = out.length;
        double[] va = values[tape.a[s]];
        int[] ia = gatherA[s];
        Op op = tape.op[s];
        if (!exact && alignedOrBroadcast(s, op, out, va, m)) {
            return;
        }
        if (op.arity() == 1) {
            switch (op) {
                case NEG -> {
                    for (int e = 0; e < m; e++) {
                        out[e] = -va[ia[e]];
                    }
                }
                case EXP -> {
                    if (exact) {
                        for (int e = 0; e < m; e++) {
                            out[e] = Math.exp(va[ia[e]]);
                        }
                    } else {
                        for (int e = 0; e < m; e++) {
                            out[e] = TableLogExp.exp(va[ia[e]]);
                        }
                    }
                }
                case LOG -> {
                    if (exact) {
                        for (int e = 0; e < m; e++) {
                            out[e] = Math.log(va[ia[e]]);
                        }
                    } else {
                        for (int e = 0; e < m; e++) {
                            out[e] = TableLogExp.log(va[ia[e]]);
                        }
                    }
                }
                default -> {
                    for (int e = 0; e < m; e++) {
                        out[e] = op.apply(va[ia[e]], 0);
                    }
                }
            }
            return;
        }
        double[] vb = values[tape.b[s]];
        int[] ib = gatherB[s];
        switch (op) {
            case ADD -> {
                for (int e = 0; e < m; e++) {
                    out[e] = va[ia[e]] + vb[ib[e]];
                }
            }
            case SUB -> {
                for (int e = 0; e < m; e++) {
                    out[e] = va[ia[e]] - vb[ib[e]];
                }
            }
            case MUL -> {
                for (int e = 0; e < m; e++) {
                    out[e] = va[ia[e]] * vb[ib[e]];
                }
            }
            case DIV -> {
                for (int e = 0; e < m; e++) {
                    out[e] = va[ia[e]] / vb[ib[e]];
                }
            }
            case POW -> {
                double[] logs = logBase[s];
                if (logs != null) {
                    for (int e = 0; e < m; e++) {
                        out[e] = TableLogExp.exp(vb[ib[e]] * logs[ia[e]]);
                    }
                } else {
                    for (int e = 0; e < m; e++) {
                        double base = va[ia[e]];
                        double exponent = vb[ib[e]];
                        out[e] = base > 0 && !exact ? TableLogExp.exp(exponent * TableLogExp.log(base))
                                : Math.pow(base, exponent);
                    }
                }
            }
            default -> {
                for (int e = 0; e < m; e++) {
                    out[e] = op.apply(va[ia[e]], vb[ib[e]]);
                }
            }
        }
    }

    /**
     * The parameter-dependent slots whose operands need no gather index (the same domain, or one value broadcast):
     * the arithmetic, exp and log of the per-value chains such as {@code exp(a − alpha·log N)}, in loops without
     * indirection. False if slot s is not of that kind.
     */
    private boolean alignedOrBroadcast(int s, Op op, double[] out, double[] va, int m) {
        byte ra = readA[s];
        if (op == Op.EXP || op == Op.LOG || op == Op.NEG) {
            if (ra != ALIGNED) {
                return false;
            }
            switch (op) {
                case EXP -> {
                    for (int e = 0; e < m; e++) {
                        out[e] = TableLogExp.exp(va[e]);
                    }
                }
                case LOG -> {
                    for (int e = 0; e < m; e++) {
                        out[e] = TableLogExp.log(va[e]);
                    }
                }
                default -> {
                    for (int e = 0; e < m; e++) {
                        out[e] = -va[e];
                    }
                }
            }
            return true;
        }
        if (op != Op.ADD && op != Op.SUB && op != Op.MUL) {
            return false;
        }
        byte rb = readB[s];
        double[] vb = values[tape.b[s]];
        if (ra == ALIGNED && rb == ALIGNED) {
            switch (op) {
                case ADD -> {
                    for (int e = 0; e < m; e++) {
                        out[e] = va[e] + vb[e];
                    }
                }
                case SUB -> {
                    for (int e = 0; e < m; e++) {
                        out[e] = va[e] - vb[e];
                    }
                }
                default -> {
                    for (int e = 0; e < m; e++) {
                        out[e] = va[e] * vb[e];
                    }
                }
            }
            return true;
        }
        if (ra == BROADCAST && rb == ALIGNED) {
            double x = va[0];
            switch (op) {
                case ADD -> {
                    for (int e = 0; e < m; e++) {
                        out[e] = x + vb[e];
                    }
                }
                case SUB -> {
                    for (int e = 0; e < m; e++) {
                        out[e] = x - vb[e];
                    }
                }
                default -> {
                    for (int e = 0; e < m; e++) {
                        out[e] = x * vb[e];
                    }
                }
            }
            return true;
        }
        if (ra == ALIGNED && rb == BROADCAST) {
            double y = vb[0];
            switch (op) {
                case ADD -> {
                    for (int e = 0; e < m; e++) {
                        out[e] = va[e] + y;
                    }
                }
                case SUB -> {
                    for (int e = 0; e < m; e++) {
                        out[e] = va[e] - y;
                    }
                }
                default -> {
                    for (int e = 0; e < m; e++) {
                        out[e] = va[e] * y;
                    }
                }
            }
            return true;
        }
        return false;
    }

    /** Adds slot s's adjoint, times its partial derivatives, into the adjoints of its varying operands. */
    private void backward(int s) {
        if (!written[s]) {
            return;
        }
        double[] g = adjoint[s];
        double[] out = values[s];
        int m = g.length;
        Op op = tape.op[s];
        int a = tape.a[s];
        double[] va = values[a];
        int[] ia = gatherA[s];
        boolean binary = op.arity() == 2;
        int b = binary ? tape.b[s] : a;
        double[] vb = values[b];
        int[] ib = binary ? gatherB[s] : ia;
        if (varying[a]) {
            // an adjoint nothing was added to yet, of the slot's own domain, is written directly
            boolean direct = reduceA[s] == SAME && !written[a];
            double[] c = direct ? adjoint[a] : contribution;
            double[] ca = c;
            switch (op) {
                case ADD, SUB -> ca = g;
                case NEG -> {
                    for (int e = 0; e < m; e++) {
                        c[e] = -g[e];
                    }
                }
                case EXP -> {
                    for (int e = 0; e < m; e++) {
                        c[e] = g[e] * out[e];
                    }
                }
                case LOG -> {
                    for (int e = 0; e < m; e++) {
                        c[e] = g[e] / va[ia[e]];
                    }
                }
                case MUL -> {
                    for (int e = 0; e < m; e++) {
                        c[e] = g[e] * vb[ib[e]];
                    }
                }
                case DIV -> {
                    for (int e = 0; e < m; e++) {
                        c[e] = g[e] / vb[ib[e]];
                    }
                }
                default -> {
                    for (int e = 0; e < m; e++) {
                        c[e] = g[e] * Tape.partialA(op, va[ia[e]], binary ? vb[ib[e]] : 0, out[e]);
                    }
                }
            }
            if (direct && ca == c) {
                written[a] = true;
            } else {
                accumulate(a, ca, m, reduceA[s]);
            }
        }
        if (binary && varying[b]) {
            boolean direct = reduceB[s] == SAME && !written[b];
            double[] c = direct ? adjoint[b] : contribution;
            double[] cb = c;
            switch (op) {
                case ADD -> cb = g;
                case SUB -> {
                    for (int e = 0; e < m; e++) {
                        c[e] = -g[e];
                    }
                }
                case MUL -> {
                    for (int e = 0; e < m; e++) {
                        c[e] = g[e] * va[ia[e]];
                    }
                }
                case DIV -> {
                    for (int e = 0; e < m; e++) {
                        c[e] = -g[e] * out[e] / vb[ib[e]];
                    }
                }
                case POW -> {
                    double[] logs = logBase[s];
                    for (int e = 0; e < m; e++) {
                        double v = out[e];
                        c[e] = v == 0 ? 0 : g[e] * v * (logs != null ? logs[ia[e]] : Math.log(va[ia[e]]));
                    }
                }
                default -> {
                    for (int e = 0; e < m; e++) {
                        c[e] = g[e] * Tape.partialB(op, va[ia[e]], vb[ib[e]], out[e]);
                    }
                }
            }
            if (direct && cb == c) {
                written[b] = true;
            } else {
                accumulate(b, cb, m, reduceB[s]);
            }
        }
    }

    /**
     * Adds contributions c[0..m) of a slot's elements into the adjoint of slot {@code into} (or sets it, if nothing
     * was added yet in this backward pass): element by element, all into one, or (an operand per distinct value of
     * input j, a slot per point) per value, the sum over the points with that value in four independent partial sums.
     */
    private void accumulate(int into, double[] c, int m, int reduce) {
        double[] target = adjoint[into];
        boolean add = written[into];
        written[into] = true;
        if (reduce == SAME) {
            if (add) {
                for (int e = 0; e < m; e++) {
                    target[e] += c[e];
                }
            } else {
                System.arraycopy(c, 0, target, 0, m);
            }
        } else if (reduce == SCALAR) {
            double s0 = 0;
            double s1 = 0;
            int e = 0;
            for (; e + 1 < m; e += 2) {
                s0 += c[e];
                s1 += c[e + 1];
            }
            for (; e < m; e++) {
                s0 += c[e];
            }
            target[0] = add ? target[0] + (s0 + s1) : s0 + s1;
        } else {
            int[] start = pointsStart[reduce];
            int[] members = pointsWithValue[reduce];
            for (int v = 0; v < target.length; v++) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int t = start[v];
                int to = start[v + 1];
                for (; t + 3 < to; t += 4) {
                    s0 += c[members[t]];
                    s1 += c[members[t + 1]];
                    s2 += c[members[t + 2]];
                    s3 += c[members[t + 3]];
                }
                for (; t < to; t++) {
                    s0 += c[members[t]];
                }
                double sum = (s0 + s1) + (s2 + s3);
                target[v] = add ? target[v] + sum : sum;
            }
        }
    }
}
