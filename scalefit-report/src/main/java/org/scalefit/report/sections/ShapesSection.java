package org.scalefit.report.sections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.report.Numbers;
import org.scalefit.report.Section;
import org.scalefit.report.charts.ShapeFigures;
import org.scalefit.report.charts.ShapeMark;
import org.scalefit.report.charts.ShapeQuantity;
import org.scalefit.shapes.BucketOptimum;
import org.scalefit.shapes.FeasibleShapes;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.uncertainty.AllocationBands;
import org.scalefit.uncertainty.ShapeBands;
import org.scalefit.shapes.ShapePoint;

/**
 * The report section of the width–depth shape search (McLeish et al. 2025 §4): each law's grid optimum per FLOPs
 * bucket (figures of {@code quantities} against FLOPs, and a table), and the feasible shapes near the target sizes
 * with marked shapes (e.g. the data's runs).
 */
public final class ShapesSection {

    private ShapesSection() {
    }

    /**
     * The section.
     *
     * @param optima     per law label, its bucket optima (may be empty)
     * @param bands      per law label, the bootstrap bands of its optima (a law without an entry has none)
     * @param quantities what to plot of the optima, one figure each
     * @param feasible   the feasible shapes (may be empty: no feasible-shapes figure)
     * @param tolerance  the relative size tolerance they were enumerated with
     * @param marks      named shapes to mark on the feasible-shapes figure
     */
    public static Section of(String id, Map<String, ShapeOptima> optima, Map<String, ShapeBands> bands,
                             List<ShapeQuantity> quantities, List<FeasibleShapes.Shape> feasible, double tolerance,
                             Map<String, List<ShapeMark>> marks) {
        Section section = Section.of(id, "Model shapes").withText("For each log-spaced FLOPs bucket, the grid row "
                + "(width, depth, tokens) of least predicted loss under each law, over Gemstones' brute-force grid; "
                + "and the model shapes that can be built near the target sizes.");
        Map<String, List<ShapePoint>> points = new LinkedHashMap<>();
        optima.forEach((label, result) -> points.put(label, ShapeFigures.points(result)));
        for (Map.Entry<String, ShapeOptima> law : optima.entrySet()) {
            if (law.getValue().law().hasWarnings()) {
                section = section.withText("Caution: the fit of " + law.getKey() + " warned — " + String.join("; ",
                        law.getValue().law().warnings()) + ". Its optimal shapes are computed from those parameters.");
            }
        }
        if (!optima.isEmpty()) {
            for (ShapeQuantity quantity : quantities) {
                section = section.withFigure(ShapeFigures.optimaAgainstCompute(id + "-" + quantity.slug(), quantity,
                        points, bands), "One point per FLOPs bucket (hover for the shape)." + (bands.isEmpty() ? ""
                        : " Shaded: the " + Numbers.format(bands.values().iterator().next().level(), 2)
                        + " % band of the replicates' own optima (pairs bootstrap of the fit)."));
            }
            List<List<String>> rows = new ArrayList<>();
            optima.forEach((label, result) -> {
                for (BucketOptimum optimum : result.optima()) {
                    ShapePoint p = optimum.point();
                    rows.add(List.of(label, Numbers.format(optimum.upperFlops(), 3), Numbers.format(p.width(), 5),
                            Numbers.format(p.depth(), 4), Numbers.format(p.ratio(), 4), Numbers.format(p.params(), 4),
                            Numbers.format(p.tokens(), 4), Numbers.format(p.tokensPerParam(), 4),
                            Numbers.format(p.loss(), 5)));
                }
            });
            section = section.withTable("Grid optimum per FLOPs bucket", List.of("law", "FLOPs ≤", "width", "depth",
                    "w/d", "parameters", "tokens", "tokens/param", "predicted loss"), rows);
            for (Map.Entry<String, ShapeBands> law : bands.entrySet()) {
                section = bandTable(section, law.getKey(), law.getValue());
            }
        }
        if (!feasible.isEmpty()) {
            section = section.withFigure(ShapeFigures.feasibleShapes(id + "-feasible", feasible, tolerance, marks),
                    feasible.size() + " shapes within ±" + Numbers.format(100 * tolerance, 3) + " % of the target "
                            + "sizes (width a multiple of the head size, an even number of heads).");
        }
        return section;
    }

    /** The bands of one law's optima: per bucket, each quantity's low and high percentile, and the grid's edge. */
    private static Section bandTable(Section section, String label, ShapeBands bands) {
        List<List<String>> rows = new ArrayList<>();
        for (ShapeBands.Band band : bands.bands()) {
            rows.add(List.of(Numbers.format(band.estimate().upperFlops(), 3), range(band.params(), 3),
                    range(band.tokens(), 3), range(band.tokensPerParam(), 3), range(band.loss(), 4),
                    Integer.toString(band.atGridEdge())));
        }
        String level = Numbers.format(bands.level(), 2);
        return section.withText("Uncertainty of " + label + "'s prescriptions: the grid search repeated for each of "
                + bands.used() + " pairs-bootstrap refits of the law" + (bands.leftOut().length == 0 ? ""
                : " (" + bands.leftOut().length + " left out: refit failed or law not finite on the grid)")
                + "; each quantity's " + level + " % band on its own. A replicate whose optimum lies on the grid's "
                + "boundary wants a shape or token count beyond it: where the last column is not 0, a band end may be "
                + "the grid's rather than the law's.")
                .withTable(level + " % bootstrap band per FLOPs bucket (" + label + ")", List.of("FLOPs ≤",
                        "parameters", "tokens", "tokens/param", "predicted loss", "replicates at the grid's edge"),
                        rows);
    }

    private static String range(AllocationBands.Spread spread, int digits) {
        return Numbers.format(spread.low(), digits) + " – " + Numbers.format(spread.high(), digits);
    }
}
