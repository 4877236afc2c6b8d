package org.scalefit.io;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.scalefit.accounting.Architecture;
import org.scalefit.shapes.BucketOptimum;
import org.scalefit.shapes.FeasibleShapes;
import org.scalefit.shapes.RelaxedShape;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.shapes.ShapePoint;
import org.scalefit.shapes.ShapeSearch;

/**
 * The CSV forms of a shape search ({@link ShapeSearch}, optionally refined by {@link RelaxedShape}) and of the
 * feasible-shape enumeration ({@link FeasibleShapes}), and the search's per-law results; the JSON forms are the
 * records {@link ShapeSearchDocument} and {@link FeasibleShapesDocument}.
 *
 * <p>CSV: one line per law, bucket and kind ({@code grid}, {@code relaxed}, {@code rounded}).
 */
public final class ShapeSearchJson {

    /**
     * One law's results.
     *
     * @param role    how the command line named it ({@code law}, {@code law2})
     * @param file    the file it was read from
     * @param sha256  the file's SHA-256
     * @param optima  its per-bucket grid optima
     * @param relaxed their refinements, in the same order (empty when not refined)
     */
    public record LawResult(String role, String file, String sha256, ShapeOptima optima, List<RelaxedShape> relaxed) {
        public LawResult {
            Objects.requireNonNull(optima, "optima");
            relaxed = List.copyOf(relaxed);
            if (!relaxed.isEmpty() && relaxed.size() != optima.optima().size()) {
                throw new IllegalArgumentException("one refinement a bucket optimum, or none");
            }
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
        text.append(law.role()).append(',').append(law.optima().law().form().name()).append(',')
                .append(optimum.bucket()).append(',').append(number(optimum.lowerFlops())).append(',')
                .append(number(optimum.upperFlops())).append(',').append(kind).append(',')
                .append(number(point.width())).append(',').append(number(point.depth())).append(',')
                .append(number(point.tokens())).append(',').append(number(point.params())).append(',')
                .append(number(point.flops())).append(',').append(number(point.ratio())).append(',')
                .append(number(point.tokensPerParam())).append(',').append(number(point.loss())).append('\n');
    }

    /** Shortest round-tripping form; integers without a fraction. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return Double.toString(value);
    }
}
