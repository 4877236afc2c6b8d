package org.scalefit.io.analysis;

import java.util.List;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.FeasibleShapesDocument;
import org.scalefit.io.ShapeSearchJson;
import org.scalefit.shapes.FeasibleShapes;

/**
 * The feasible shapes of a {@link FeasibleShapesRequest}, in order of target.
 *
 * @param request the request
 * @param shapes  the shapes found
 */
public record FeasibleShapesResult(FeasibleShapesRequest request, List<FeasibleShapes.Shape> shapes) {

    public FeasibleShapesResult {
        shapes = List.copyOf(shapes);
    }

    /** The shapes near {@code target}. */
    public List<FeasibleShapes.Shape> near(double target) {
        return shapes.stream().filter(s -> s.target() == target).toList();
    }

    /** scalefit's feasible-shapes document. */
    public FeasibleShapesDocument document() {
        return FeasibleShapesDocument.of(shapes, request.architecture(), request.tolerance(),
                ScalefitVersion.current());
    }

    /** One CSV line per shape ({@link ShapeSearchJson#feasibleCsv}). */
    public String csv() {
        return new ShapeSearchJson().feasibleCsv(shapes, request.architecture());
    }
}
