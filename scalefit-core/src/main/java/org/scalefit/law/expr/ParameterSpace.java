package org.scalefit.law.expr;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.fit.StartGrid;

/**
 * The map from the optimiser's coordinates u (one per free parameter, in declaration order) to the law's parameters
 * θ: a free parameter is its {@link ParameterSpec} transform of its own u_k, a tied one the same function of its
 * target's u_k, a fixed one a constant. The gradient is pulled back by the chain rule,
 * ∂F/∂u_k = Σ_{p ← k} ∂F/∂θ_p · dθ_p/du_k.
 */
final class ParameterSpace implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<ParameterSpec> specs;
    /** For parameter p: the internal coordinate it is a function of, or −1 if it is fixed. */
    private final int[] coordinate;
    /** For parameter p: the spec whose transform gives it (its own, or its tie target's). */
    private final int[] transform;
    private final double[] fixedValues;
    /** For coordinate k: the free parameter it belongs to. */
    private final int[] owner;

    private ParameterSpace(List<ParameterSpec> specs, int[] coordinate, int[] transform, double[] fixedValues,
                           int[] owner) {
        this.specs = specs;
        this.coordinate = coordinate;
        this.transform = transform;
        this.fixedValues = fixedValues;
        this.owner = owner;
    }

    /**
     * The space of these controls.
     *
     * @throws IllegalArgumentException if a tie names an unknown parameter or ties form a cycle
     */
    static ParameterSpace of(List<ParameterSpec> specs) {
        int n = specs.size();
        Map<String, Integer> byName = new HashMap<>();
        for (int p = 0; p < n; p++) {
            byName.put(specs.get(p).name(), p);
        }
        int[] coordinate = new int[n];
        int[] transform = new int[n];
        double[] fixedValues = new double[n];
        List<Integer> owners = new ArrayList<>();
        int[] coordinateOf = new int[n];
        for (int p = 0; p < n; p++) {
            if (specs.get(p).isFree()) {
                coordinateOf[p] = owners.size();
                owners.add(p);
            } else {
                coordinateOf[p] = -1;
            }
        }
        for (int p = 0; p < n; p++) {
            int root = p;
            for (int steps = 0; specs.get(root).isTied(); steps++) {
                Integer target = byName.get(specs.get(root).tiedTo());
                if (target == null) {
                    throw new IllegalArgumentException("parameter " + specs.get(root).name() + " is tied to '"
                            + specs.get(root).tiedTo() + "', which is not a parameter of the law " + byName.keySet());
                }
                if (steps > n) {
                    throw new IllegalArgumentException("the ties of parameter " + specs.get(p).name()
                            + " form a cycle");
                }
                root = target;
            }
            transform[p] = root;
            coordinate[p] = coordinateOf[root];
            fixedValues[p] = specs.get(root).isFixed() ? specs.get(root).fixed() : Double.NaN;
        }
        return new ParameterSpace(List.copyOf(specs), coordinate, transform, fixedValues,
                owners.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Number of internal coordinates (free parameters). */
    int dimension() {
        return owner.length;
    }

    /** Number of parameters θ. */
    int parameters() {
        return coordinate.length;
    }

    /** The names of the free parameters, in the order of u. */
    List<String> freeNames() {
        List<String> names = new ArrayList<>();
        for (int p : owner) {
            names.add(specs.get(p).name());
        }
        return names;
    }

    /** The free parameter of coordinate k. */
    ParameterSpec free(int k) {
        return specs.get(owner[k]);
    }

    /** θ(u). */
    void toTheta(double[] u, double[] theta) {
        for (int p = 0; p < coordinate.length; p++) {
            int k = coordinate[p];
            theta[p] = k < 0 ? fixedValues[p] : specs.get(transform[p]).toTheta(u[k]);
        }
    }

    /** ∂F/∂u from ∂F/∂θ, at u. */
    void pullBack(double[] u, double[] gTheta, double[] gU) {
        java.util.Arrays.fill(gU, 0.0);
        for (int p = 0; p < coordinate.length; p++) {
            int k = coordinate[p];
            if (k >= 0) {
                gU[k] += gTheta[p] * specs.get(transform[p]).derivative(u[k]);
            }
        }
    }

    /** u of the free parameters' values in θ (strictly inside their bounds). */
    double[] toInternal(double[] theta) {
        double[] u = new double[owner.length];
        for (int k = 0; k < owner.length; k++) {
            u[k] = specs.get(owner[k]).toInternal(theta[owner[k]]);
        }
        return u;
    }

    /** u with each coordinate moved off a bound it has saturated ({@link ParameterSpec#inward}). */
    double[] inward(double[] u) {
        double[] moved = new double[u.length];
        for (int k = 0; k < u.length; k++) {
            moved[k] = specs.get(owner[k]).inward(u[k]);
        }
        return moved;
    }

    /** The Cartesian grid of every free parameter's {@link ParameterSpec#startValues()}, mapped to u. */
    StartGrid startGrid() {
        List<double[]> axes = new ArrayList<>();
        for (int p : owner) {
            ParameterSpec spec = specs.get(p);
            double[] values = spec.startValues();
            double[] internal = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                internal[i] = spec.toInternal(values[i]);
            }
            axes.add(internal);
        }
        return StartGrid.custom(axes);
    }
}
