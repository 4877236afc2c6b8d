package org.scalefit.law.expr;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A law expression compiled to a flat program: slot s holds the value of instruction s, whose operands are earlier
 * slots, so one forward pass in slot order evaluates the law and one backward pass in reverse order accumulates the
 * exact gradient (reverse-mode automatic differentiation: adj[s] = ∂L̂/∂v_s, propagated to the operands by the
 * partial derivatives listed in {@link Op}). Identical sub-expressions share a slot (a definition used twice, or
 * {@code log(N)} written twice, is computed once) and sub-expressions of numbers alone are folded into numbers.
 *
 * <p>This class evaluates one point at a time (predictions); {@link ExpressionObjective} runs the same program over
 * a whole data set.
 */
final class Tape implements Serializable {

    private static final long serialVersionUID = 1L;

    final Op[] op;
    final int[] a;
    final int[] b;
    final double[] constant;
    /** The input or parameter index of INPUT and PARAM slots. */
    final int[] index;
    /** Where each slot's node is in the text. */
    final int[] offset;
    final int output;
    final String text;

    private Tape(Op[] op, int[] a, int[] b, double[] constant, int[] index, int[] offset, int output, String text) {
        this.op = op;
        this.a = a;
        this.b = b;
        this.constant = constant;
        this.index = index;
        this.offset = offset;
        this.output = output;
        this.text = text;
    }

    /** Compiles the expression rooted at {@code root}. */
    static Tape compile(Node root, String text) {
        Builder builder = new Builder();
        int output = builder.slot(root);
        int n = builder.ops.size();
        Op[] op = builder.ops.toArray(Op[]::new);
        int[] a = new int[n];
        int[] b = new int[n];
        double[] constant = new double[n];
        int[] index = new int[n];
        int[] offset = new int[n];
        for (int s = 0; s < n; s++) {
            a[s] = builder.as.get(s);
            b[s] = builder.bs.get(s);
            constant[s] = builder.constants.get(s);
            index[s] = builder.indices.get(s);
            offset[s] = builder.offsets.get(s);
        }
        return new Tape(op, a, b, constant, index, offset, output, text);
    }

    /** Number of slots. */
    int size() {
        return op.length;
    }

    /**
     * L̂(x; θ), and ∂L̂/∂θ into {@code gradient} when it is not null. Uses {@link Math}'s functions, so the value is
     * as exact as the expression allows.
     */
    double evaluate(double[] x, double[] theta, double[] gradient) {
        int n = op.length;
        double[] v = new double[n];
        for (int s = 0; s < n; s++) {
            v[s] = switch (op[s]) {
                case CONST -> constant[s];
                case INPUT -> x[index[s]];
                case PARAM -> theta[index[s]];
                default -> op[s].apply(v[a[s]], op[s].arity() == 2 ? v[b[s]] : 0);
            };
        }
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0.0);
            double[] adj = new double[n];
            adj[output] = 1;
            for (int s = n - 1; s >= 0; s--) {
                double g = adj[s];
                if (g == 0) {
                    continue;
                }
                if (op[s] == Op.PARAM) {
                    gradient[index[s]] += g;
                    continue;
                }
                if (op[s].arity() == 0) {
                    continue;
                }
                double va = v[a[s]];
                double vb = op[s].arity() == 2 ? v[b[s]] : 0;
                adj[a[s]] += g * partialA(op[s], va, vb, v[s]);
                if (op[s].arity() == 2) {
                    adj[b[s]] += g * partialB(op[s], va, vb, v[s]);
                }
            }
        }
        return v[output];
    }

    /** ∂v/∂a for v = op(a, b). */
    static double partialA(Op op, double a, double b, double v) {
        return switch (op) {
            case NEG -> -1;
            case ADD, SUB -> 1;
            case MUL -> b;
            case DIV -> 1 / b;
            case POW -> a != 0 ? b * v / a : (b == 1 ? 1 : b * Math.pow(a, b - 1));
            case EXP -> v;
            case EXPM1 -> v + 1;
            case LOG -> 1 / a;
            case SQRT -> 0.5 / v;
            case ABS -> Math.signum(a);
            case MIN -> a <= b ? 1 : 0;
            case MAX -> a >= b ? 1 : 0;
            default -> 0;
        };
    }

    /** ∂v/∂b for v = op(a, b). */
    static double partialB(Op op, double a, double b, double v) {
        return switch (op) {
            case ADD -> 1;
            case SUB -> -1;
            case MUL -> a;
            case DIV -> -v / b;
            case POW -> v == 0 ? 0 : v * Math.log(a);
            case MIN -> a <= b ? 0 : 1;
            case MAX -> a >= b ? 0 : 1;
            default -> 0;
        };
    }

    /** Builds the slots in post-order, sharing identical sub-expressions. */
    private static final class Builder {
        final List<Op> ops = new ArrayList<>();
        final List<Integer> as = new ArrayList<>();
        final List<Integer> bs = new ArrayList<>();
        final List<Double> constants = new ArrayList<>();
        final List<Integer> indices = new ArrayList<>();
        final List<Integer> offsets = new ArrayList<>();
        private final Map<Node, Integer> done = new IdentityHashMap<>();
        private final Map<List<Object>, Integer> shared = new HashMap<>();

        int slot(Node node) {
            Integer known = done.get(node);
            if (known != null) {
                return known;
            }
            int result;
            switch (node.op()) {
                case CONST -> result = add(Op.CONST, -1, -1, node.value(), -1, node.offset(),
                        List.of(Op.CONST, Double.doubleToLongBits(node.value())));
                case INPUT, PARAM -> result = add(node.op(), -1, -1, 0, node.index(), node.offset(),
                        List.of(node.op(), node.index()));
                default -> {
                    int sa = slot(node.a());
                    int sb = node.op().arity() == 2 ? slot(node.b()) : -1;
                    boolean folded = ops.get(sa) == Op.CONST && (sb < 0 || ops.get(sb) == Op.CONST);
                    if (folded) {
                        double value = node.op().apply(constants.get(sa), sb < 0 ? 0 : constants.get(sb));
                        result = add(Op.CONST, -1, -1, value, -1, node.offset(),
                                List.of(Op.CONST, Double.doubleToLongBits(value)));
                    } else {
                        result = add(node.op(), sa, sb, 0, -1, node.offset(), List.of(node.op(), sa, sb));
                    }
                }
            }
            done.put(node, result);
            return result;
        }

        private int add(Op op, int a, int b, double value, int index, int offset, List<Object> key) {
            Integer existing = shared.get(key);
            if (existing != null) {
                return existing;
            }
            int slot = ops.size();
            ops.add(op);
            as.add(a);
            bs.add(b);
            constants.add(value);
            indices.add(index);
            offsets.add(offset);
            shared.put(key, slot);
            return slot;
        }
    }
}
