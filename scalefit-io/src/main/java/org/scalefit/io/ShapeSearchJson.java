package org.scalefit.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.scalefit.accounting.Architecture;
import org.scalefit.data.InputRange;
import org.scalefit.shapes.BucketOptimum;
import org.scalefit.shapes.FeasibleShapes;
import org.scalefit.shapes.RelaxedShape;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.shapes.ShapePoint;
import org.scalefit.shapes.ShapeSearch;
import org.scalefit.uncertainty.AllocationBands.Spread;
import org.scalefit.uncertainty.ShapeBands;

/**
 * The CSV forms of a shape search ({@link ShapeSearch}, optionally refined by {@link RelaxedShape}) and of the
 * feasible-shape enumeration ({@link FeasibleShapes}), and the search's per-law results; the JSON forms are the
 * records {@link ShapeSearchDocument} and {@link FeasibleShapesDocument}.
 *
 * <p>CSV: one line per law, bucket and kind ({@code grid}, {@code relaxed}, {@code rounded}, and with bootstrap
 * bands {@code band_low}, {@code band_median}, {@code band_high}: each column its own percentile over the replicates).
 */
public final class ShapeSearchJson {

    /**
     * One law's results.
     *
     * @param role      how the command line named it ({@code law}, {@code law2})
     * @param file      the file it was read from
     * @param sha256    the file's SHA-256
     * @param optima    its per-bucket grid optima
     * @param relaxed   their refinements, in the same order (empty when not refined)
     * @param bands     the bootstrap bands of its grid optima, or null when none were asked for
     * @param dataRange the range of the runs the law was fitted on, as its fit file records it; null when it does
     *                  not (a Gemstones parameter file)
     */
    public record LawResult(String role, String file, String sha256, ShapeOptima optima, List<RelaxedShape> relaxed,
                            Bootstrapped bands, InputRange dataRange) {
        public LawResult {
            Objects.requireNonNull(optima, "optima");
            relaxed = List.copyOf(relaxed);
            if (!relaxed.isEmpty() && relaxed.size() != optima.optima().size()) {
                throw new IllegalArgumentException("one refinement a bucket optimum, or none");
            }
            if (bands != null && bands.bands().bands().size() != optima.optima().size()) {
                throw new IllegalArgumentException("one band a bucket optimum, or none");
            }
        }

        /** The law's results without bands, of a law whose fitted range is not known. */
        public LawResult(String role, String file, String sha256, ShapeOptima optima, List<RelaxedShape> relaxed) {
            this(role, file, sha256, optima, relaxed, null, null);
        }

        /**
         * Why bucket optima are extrapolations of the law ({@link InputRange#beyond}, the rule predict and allocate
         * apply to their points): per bucket, each input of its grid optimum (width, depth, tokens, params, as the
         * law reads them) more than {@value InputRange#FAR_DECADES} order of magnitude outside the fitted runs,
         * prefixed with the bucket's upper FLOPs ({@code FLOPs <= 1.00e+26: extrapolation: …}). Empty when the
         * range is not known.
         */
        public List<String> extrapolations() {
            if (dataRange == null) {
                return List.of();
            }
            List<String> found = new ArrayList<>();
            for (BucketOptimum optimum : optima.optima()) {
                for (String message : ShapeExtrapolations.of(dataRange, optimum.point())) {
                    found.add(String.format(Locale.ROOT, "FLOPs <= %.3g: %s", optimum.upperFlops(), message));
                }
            }
            return List.copyOf(found);
        }
    }

    /**
     * The bootstrap bands of a law's prescriptions ({@link ShapeBands}) and the bootstrap document they come from.
     *
     * @param file   the bootstrap document ({@code scalefit bootstrap --fit … --draws})
     * @param sha256 its SHA-256
     * @param unidentified the bootstrap's replicates whose resample cannot identify the law (ascending; summarised
     *                     like the others, but the bands understate the uncertainty along what they leave free)
     * @param bands  the bands
     */
    public record Bootstrapped(String file, String sha256, int[] unidentified, ShapeBands bands) {
        public Bootstrapped {
            Objects.requireNonNull(bands, "bands");
            unidentified = unidentified.clone();
        }

        @Override
        public int[] unidentified() {
            return unidentified.clone();
        }
    }

    private static final String CSV_HEADER = "role,law,bucket,flops_low,flops_high,kind,width,depth,tokens,params,"
            + "flops,ratio,tokens_per_param,loss\n";

    /** One line per law, bucket and kind (grid, and relaxed and rounded when refined). */
    public String csv(List<LawResult> laws) {
        StringBuilder text = new StringBuilder(CSV_HEADER);
        for (LawResult law : laws) {
            List<BucketOptimum> optima = law.optima().optima();
            for (int i = 0; i < optima.size(); i++) {
                BucketOptimum optimum = optima.get(i);
                csvLine(text, law, optimum, "grid", optimum.point());
                if (!law.relaxed().isEmpty()) {
                    csvLine(text, law, optimum, "relaxed", law.relaxed().get(i).relaxed());
                    csvLine(text, law, optimum, "rounded", law.relaxed().get(i).rounded());
                }
                if (law.bands() != null) {
                    ShapeBands.Band band = law.bands().bands().bands().get(i);
                    csvLine(text, law, optimum, "band_low", band, Spread::low);
                    csvLine(text, law, optimum, "band_median", band, Spread::median);
                    csvLine(text, law, optimum, "band_high", band, Spread::high);
                }
            }
        }
        return text.toString();
    }

    /** The feasible shapes as CSV. */
    public String feasibleCsv(List<FeasibleShapes.Shape> shapes, Architecture architecture) {
        StringBuilder text = new StringBuilder("target,width,depth,heads,params,relative_deviation\n");
        for (FeasibleShapes.Shape shape : shapes) {
            text.append(number(shape.target())).append(',').append(shape.width()).append(',').append(shape.depth())
                    .append(',').append(shape.heads(architecture)).append(',').append(number(shape.params()))
                    .append(',').append(number(shape.relativeDeviation())).append('\n');
        }
        return text.toString();
    }

    private static void csvLine(StringBuilder text, LawResult law, BucketOptimum optimum, String kind,
                                ShapePoint point) {
        csvLine(text, law, optimum, kind, new double[] {point.width(), point.depth(), point.tokens(), point.params(),
                point.flops(), point.ratio(), point.tokensPerParam(), point.loss()});
    }

    /** A band line: each quantity's own percentile ({@code end} picks low, median or high). */
    private static void csvLine(StringBuilder text, LawResult law, BucketOptimum optimum, String kind,
                                ShapeBands.Band band, ToDoubleFunction<Spread> end) {
        csvLine(text, law, optimum, kind, Stream.of(band.width(), band.depth(), band.tokens(), band.params(),
                band.flops(), band.ratio(), band.tokensPerParam(), band.loss()).mapToDouble(end).toArray());
    }

    /** role, law, bucket, its edges, kind, then width, depth, tokens, params, flops, ratio, tokens/N, loss. */
    private static void csvLine(StringBuilder text, LawResult law, BucketOptimum optimum, String kind,
                                double[] values) {
        text.append(law.role()).append(',').append(law.optima().law().form().name()).append(',')
                .append(optimum.bucket()).append(',').append(number(optimum.lowerFlops())).append(',')
                .append(number(optimum.upperFlops())).append(',').append(kind);
        for (double value : values) {
            text.append(',').append(number(value));
        }
        text.append('\n');
    }

    /** Shortest round-tripping form; integers without a fraction. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return Double.toString(value);
    }
}
