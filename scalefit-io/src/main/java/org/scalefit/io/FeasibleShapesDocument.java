package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scalefit.shapes.FeasibleShapes;

/**
 * scalefit's result document of the feasible-shape enumeration ({@link FeasibleShapes}, Gemstones'
 * {@code plot_feasible_model_shapes.ipynb}): the tolerance and architecture, and every integer shape (width, depth,
 * heads) whose parameter count lies within the tolerance of a target, with its relative deviation. Written and read by
 * {@link Documents}' mapper.
 *
 * @param analysis     always {@code feasible-shapes}
 * @param tolerance    the largest relative deviation from a target kept
 * @param architecture the architecture's constants
 * @param count        how many shapes
 * @param shapes       the shapes, by target
 * @param provenance   the version
 */
public record FeasibleShapesDocument(String analysis, double tolerance,
                                     ShapeSearchDocument.Architecture architecture, int count, List<Shape> shapes,
                                     VersionProvenance provenance) implements ResultDocument {

    /** The value of {@code analysis}. */
    public static final String ANALYSIS = "feasible-shapes";

    public FeasibleShapesDocument {
        shapes = List.copyOf(shapes);
    }

    /** A shape of {@code params} parameters near {@code target}. */
    public record Shape(double target, int width, int depth, int heads, double params,
                        @JsonProperty("relative_deviation") double relativeDeviation) {
    }

    /** The document of {@code shapes} under {@code architecture} and {@code tolerance}, by scalefit {@code version}. */
    public static FeasibleShapesDocument of(List<FeasibleShapes.Shape> shapes,
                                            org.scalefit.accounting.Architecture architecture, double tolerance,
                                            String version) {
        List<Shape> rows = new ArrayList<>();
        for (FeasibleShapes.Shape shape : shapes) {
            rows.add(new Shape(shape.target(), shape.width(), shape.depth(), shape.heads(architecture),
                    shape.params(), shape.relativeDeviation()));
        }
        return new FeasibleShapesDocument(ANALYSIS, tolerance, ShapeSearchDocument.Architecture.of(architecture),
                rows.size(), rows, new VersionProvenance(version));
    }

    /**
     * Reads a document written by {@link #write()}.
     *
     * @throws InputException if {@code file} is not one
     */
    public static FeasibleShapesDocument read(Path file) {
        return Documents.read(file, FeasibleShapesDocument.class);
    }

    @Override
    public Envelope envelope() {
        return new Envelope(analysis, provenance.scalefitVersion(), null, null, null, null);
    }
}
