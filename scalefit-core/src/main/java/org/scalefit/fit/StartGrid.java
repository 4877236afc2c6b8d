package org.scalefit.fit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A Cartesian grid of starting points for the multi-start search, enumerated in a fixed order.
 *
 * <p>The grid has one axis of values per loop level; {@code loopOrder[l]} says which parameter loop level l sets.
 * Start number i is the i-th element of {@code itertools.product(axis_0, axis_1, …)}: the last loop level varies
 * fastest, exactly as the studies enumerate their grids, so start numbers are comparable with theirs.
 *
 * @param name      how the grid is named in results ({@code gemstones}, {@code epoch}, {@code custom})
 * @param axes      the values of each loop level
 * @param loopOrder loopOrder[l] is the index in θ of the parameter loop level l sets (a permutation)
 */
public record StartGrid(String name, List<double[]> axes, int[] loopOrder) implements Serializable {

    /** Exponents {0, 0.5, 1, 1.5, 2}: {@code np.arange(0, 2.5, 0.5)}. */
    private static final double[] EXPONENTS = {0, 0.5, 1, 1.5, 2};
    /** Log-coefficients {0, 5, …, 25}: {@code np.arange(0, 30, 5)}. */
    private static final double[] COEFFICIENTS = {0, 5, 10, 15, 20, 25};
    /** Log irreducible error {−1, −0.5, 0, 0.5, 1}: {@code np.arange(-1, 1.5, 0.5)}. */
    private static final double[] IRREDUCIBLE = {-1, -0.5, 0, 0.5, 1};

    public StartGrid {
        Objects.requireNonNull(name, "name");
        List<double[]> copy = new ArrayList<>();
        for (double[] axis : axes) {
            if (axis.length == 0) {
                throw new IllegalArgumentException("a grid axis needs at least one value");
            }
            copy.add(axis.clone());
        }
        axes = List.copyOf(copy);
        loopOrder = loopOrder.clone();
        if (loopOrder.length != axes.size()) {
            throw new IllegalArgumentException("loop order has " + loopOrder.length + " levels, axes " + axes.size());
        }
        int[] sorted = loopOrder.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] != i) {
                throw new IllegalArgumentException("loop order must be a permutation of 0.." + (sorted.length - 1));
            }
        }
    }

    /**
     * Gemstones' grid for a k-input law ({@code depth_width.py}): every exponent in {0, 0.5, …, 2}, every
     * log-coefficient in {0, 5, …, 25}, log irreducible error in {−1, −0.5, …, 1}, looping over θ in order;
     * 5^k·6^k·5 starts (4 500, 135 000, 4 050 000 for k = 2, 3, 4).
     */
    public static StartGrid gemstones(int arity) {
        List<double[]> axes = new ArrayList<>();
        for (int j = 0; j < arity; j++) {
            axes.add(EXPONENTS);
        }
        for (int j = 0; j < arity; j++) {
            axes.add(COEFFICIENTS);
        }
        axes.add(IRREDUCIBLE);
        int[] order = new int[2 * arity + 1];
        Arrays.setAll(order, i -> i);
        return new StartGrid("gemstones", axes, order);
    }

    /**
     * Epoch AI's grid for Chinchilla Fit A (Besiroglu et al. 2024): the same values as
     * {@link #gemstones(int) gemstones(2)} but looped in the order α, β, e, a, b; 4 500 starts.
     */
    public static StartGrid epoch() {
        return new StartGrid("epoch", List.of(EXPONENTS, EXPONENTS, IRREDUCIBLE, COEFFICIENTS, COEFFICIENTS),
                new int[] {0, 1, 4, 2, 3});
    }

    /** A grid with one axis per parameter, in θ order. */
    public static StartGrid custom(List<double[]> axesInParameterOrder) {
        int[] order = new int[axesInParameterOrder.size()];
        Arrays.setAll(order, i -> i);
        return new StartGrid("custom", axesInParameterOrder, order);
    }

    /** The grid by name, for a law with {@code arity} inputs. */
    public static StartGrid named(String name, int arity) {
        return switch (name) {
            case "gemstones" -> gemstones(arity);
            case "epoch" -> {
                if (arity != 2) {
                    throw new IllegalArgumentException("the epoch grid is defined for 2-input laws only");
                }
                yield epoch();
            }
            default -> throw new IllegalArgumentException("unknown grid '" + name + "'; expected gemstones or epoch");
        };
    }

    /** Number of parameters a start sets. */
    public int dimension() {
        return axes.size();
    }

    @Override
    public List<double[]> axes() {
        List<double[]> copy = new ArrayList<>();
        for (double[] axis : axes) {
            copy.add(axis.clone());
        }
        return copy;
    }

    @Override
    public int[] loopOrder() {
        return loopOrder.clone();
    }

    /** Number of starts: the product of the axis lengths. */
    public long size() {
        long size = 1;
        for (double[] axis : axes) {
            size = Math.multiplyExact(size, axis.length);
        }
        return size;
    }

    /** Writes start number {@code index} (0-based, in enumeration order) into {@code theta}. */
    public void start(long index, double[] theta) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("start " + index + " of " + size());
        }
        long rest = index;
        for (int level = axes.size() - 1; level >= 0; level--) {
            double[] axis = axes.get(level);
            theta[loopOrder[level]] = axis[(int) (rest % axis.length)];
            rest /= axis.length;
        }
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof StartGrid that) || !name.equals(that.name) || !Arrays.equals(loopOrder, that.loopOrder)
                || axes.size() != that.axes.size()) {
            return false;
        }
        for (int i = 0; i < axes.size(); i++) {
            if (!Arrays.equals(axes.get(i), that.axes.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(name, Arrays.hashCode(loopOrder));
        for (double[] axis : axes) {
            hash = 31 * hash + Arrays.hashCode(axis);
        }
        return hash;
    }

    @Override
    public String toString() {
        return "StartGrid[" + name + ", " + size() + " starts]";
    }
}
