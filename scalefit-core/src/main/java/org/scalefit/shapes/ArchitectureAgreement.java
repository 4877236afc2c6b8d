package org.scalefit.shapes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.scalefit.accounting.Architecture;

/**
 * Whether the parameter counts a law's runs recorded agree with the count a shape search gives the same shapes: the
 * search costs every shape with its {@link ShapeAccounting} (architecture and {@link ParameterCount}), so when the runs
 * were counted with another architecture (another vocabulary, head size, GQA group or MLP expansion) the
 * prescriptions' params, tokens/param and FLOPs — and, for a law with a params input, its params term — are not those
 * of the runs the law was fitted on.
 *
 * <p>For each shape w × d of the runs, r = params<sub>data</sub> / N(w, d), N the search's count (the exact count
 * for integer w and d, the relaxed count otherwise). A shape <em>agrees</em> when |r − 1| ≤ {@value #TOLERANCE}: a
 * count written to three significant figures (e.g. 1.25e8) is within 0.5 % of the exact one, while a vocabulary,
 * head size or MLP expansion of another family changes the count of every shape by several per cent (Gemstones'
 * smallest model, 256 × 3, has 26 % of its count in the embedding). The runs agree with the architecture when every
 * shape does; otherwise {@link #caution} names the median ratio, the worst shape and the options that set the
 * architecture.
 *
 * <p>When every shape's count differs from the search's only by the embedding and LM head, that is when
 * V̂ = (params<sub>data</sub> − N<sub>V=0</sub>(w, d)) / (2w) is the same integer V̂ ≥ 0 for every shape, the caution
 * names {@code --vocab V̂}.
 *
 * @param shapes     the runs' distinct shapes
 * @param counted    the search's count of each shape
 * @param accounting the search's accounting
 */
public record ArchitectureAgreement(List<CountedShape> shapes, double[] counted, ShapeAccounting accounting) {

    /** The largest |r − 1| of a shape that agrees. */
    public static final double TOLERANCE = 0.01;

    public ArchitectureAgreement {
        shapes = List.copyOf(shapes);
        counted = counted.clone();
        Objects.requireNonNull(accounting, "accounting");
        if (shapes.isEmpty() || counted.length != shapes.size()) {
            throw new IllegalArgumentException("an architecture check needs one count for each of at least one shape");
        }
    }

    /** The search's count of each of {@code shapes} under {@code accounting}. */
    public static ArchitectureAgreement of(List<CountedShape> shapes, ShapeAccounting accounting) {
        double[] counted = new double[shapes.size()];
        for (int i = 0; i < counted.length; i++) {
            counted[i] = count(accounting, shapes.get(i).width(), shapes.get(i).depth());
        }
        return new ArchitectureAgreement(shapes, counted, accounting);
    }

    /**
     * The agreement of {@code shapes} with {@code accounting}'s architecture under whichever count of it the runs
     * were recorded with, for a law that does not read params: there the search's {@link ParameterCount} only says
     * which count its prescriptions print (Gemstones prints counts without embeddings, {@code --params
     * relaxed-no-embeds}), so runs recorded with another count of the same architecture agree. The counts tried, in
     * order: the search's own, every other {@link ParameterCount} (with or without embedding and LM head, integer or
     * real-valued heads), and the exact count without the input embedding only, N − V·w (Gemstones' "no embeds"
     * columns, {@code scalefit fit --no-embeds}). The first that every shape agrees with is returned; when none does,
     * the search's own, whose {@link #caution} names the mismatch.
     */
    public static ArchitectureAgreement ofArchitecture(List<CountedShape> shapes, ShapeAccounting accounting) {
        ArchitectureAgreement own = of(shapes, accounting);
        if (own.agrees()) {
            return own;
        }
        Architecture architecture = accounting.architecture();
        for (ParameterCount count : ParameterCount.values()) {
            ArchitectureAgreement other = of(shapes, new ShapeAccounting(architecture, count));
            if (other.agrees()) {
                return other;
            }
        }
        ShapeAccounting exact = new ShapeAccounting(architecture, ParameterCount.EXACT);
        double[] withoutInputEmbedding = new double[shapes.size()];
        for (int i = 0; i < withoutInputEmbedding.length; i++) {
            CountedShape shape = shapes.get(i);
            withoutInputEmbedding[i] = count(exact, shape.width(), shape.depth())
                    - (double) architecture.vocabulary() * shape.width();
        }
        ArchitectureAgreement inputEmbedding = new ArchitectureAgreement(shapes, withoutInputEmbedding, exact);
        return inputEmbedding.agrees() ? inputEmbedding : own;
    }

    @Override
    public double[] counted() {
        return counted.clone();
    }

    /** r of each shape: its recorded params over the search's count. */
    public double[] ratios() {
        double[] ratios = new double[counted.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = shapes.get(i).params() / counted[i];
        }
        return ratios;
    }

    /** The median of {@link #ratios()} (the mean of the two middle ones for an even count). */
    public double medianRatio() {
        double[] sorted = ratios();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** The shapes with |r − 1| > {@value #TOLERANCE}. */
    public int disagreeing() {
        return (int) Arrays.stream(ratios()).filter(r -> !(Math.abs(r - 1) <= TOLERANCE)).count();
    }

    /** Whether every shape's recorded count is within {@value #TOLERANCE} of the search's. */
    public boolean agrees() {
        return disagreeing() == 0;
    }

    /**
     * The vocabulary V̂ that would make every recorded count the search's, the other constants kept, if there is one
     * (see the class description).
     */
    public Optional<Integer> impliedVocabulary() {
        Architecture withoutVocabulary = accounting.architecture().withVocabulary(0);
        long implied = -1;
        for (int i = 0; i < counted.length; i++) {
            CountedShape shape = shapes.get(i);
            double bare = count(new ShapeAccounting(withoutVocabulary, accounting.parameterCount()), shape.width(),
                    shape.depth());
            double vocabulary = (shape.params() - bare) / (2 * shape.width());
            long rounded = Math.round(vocabulary);
            if (!(Math.abs(vocabulary - rounded) <= 0.5e-3 * Math.max(1, rounded)) || rounded < 0
                    || (implied >= 0 && rounded != implied)) {
                return Optional.empty();
            }
            implied = rounded;
        }
        return implied > Integer.MAX_VALUE || implied == accounting.architecture().vocabulary() ? Optional.empty()
                : Optional.of((int) implied);
    }

    /**
     * What a user of the prescriptions must know when the runs disagree with the architecture (empty when they
     * agree): the median ratio, how many shapes disagree and the worst, the architecture, and the options that set
     * it.
     */
    public Optional<String> caution() {
        if (agrees()) {
            return Optional.empty();
        }
        double[] ratios = ratios();
        int worst = 0;
        for (int i = 1; i < ratios.length; i++) {
            if (Math.abs(Math.log(ratios[i])) > Math.abs(Math.log(ratios[worst]))) {
                worst = i;
            }
        }
        CountedShape shape = shapes.get(worst);
        Architecture a = accounting.architecture();
        String hint = impliedVocabulary().map(v -> "the counts are this architecture's with vocabulary " + v
                + ": --vocab " + v).orElse("set the runs' architecture with --vocab, --head-size, "
                + "--queries-per-group, --mlp-expansion, and --params for a count without embeddings");
        return Optional.of(String.format(Locale.ROOT, "architecture mismatch: the fit's runs record params that "
                        + "are not this search's count of their shapes (vocab %d, head size %d, %d queries per group, "
                        + "MLP x%d, params %s): median ratio recorded/counted %.4f over %d shape%s, %d beyond "
                        + "±%.0f%% (worst %s x %s: %.4g recorded, %.4g counted); the prescriptions' params, "
                        + "tokens/param and FLOPs are not those of the runs the law was fitted on; %s",
                a.vocabulary(), a.headSize(), a.queriesPerGroup(), a.mlpExpansion(),
                accounting.parameterCount().label(), medianRatio(), shapes.size(), shapes.size() == 1 ? "" : "s",
                disagreeing(), 100 * TOLERANCE, number(shape.width()), number(shape.depth()), shape.params(),
                counted[worst], hint));
    }

    /** The distinct shapes among {@code shapes} (same width, depth and params), by width, depth and params. */
    public static List<CountedShape> distinct(List<CountedShape> shapes) {
        List<CountedShape> seen = new ArrayList<>();
        for (CountedShape shape : shapes) {
            if (!seen.contains(shape)) {
                seen.add(shape);
            }
        }
        seen.sort(Comparator.comparingDouble(CountedShape::width).thenComparingDouble(CountedShape::depth)
                .thenComparingDouble(CountedShape::params));
        return List.copyOf(seen);
    }

    private static double count(ShapeAccounting accounting, double width, double depth) {
        boolean integral = width == Math.rint(width) && depth == Math.rint(depth) && width <= Integer.MAX_VALUE
                && depth <= Integer.MAX_VALUE;
        return integral ? accounting.parameters((int) width, (int) depth) : accounting.relaxedParameters(width, depth);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.valueOf(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArchitectureAgreement that && shapes.equals(that.shapes)
                && Arrays.equals(counted, that.counted) && accounting.equals(that.accounting);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shapes, Arrays.hashCode(counted), accounting);
    }

    @Override
    public String toString() {
        return "ArchitectureAgreement[" + shapes.size() + " shapes, median ratio " + medianRatio() + "]";
    }
}
