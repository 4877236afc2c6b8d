package org.scalefit.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.scalefit.io.ShapeSearchJson.LawResult;
import org.scalefit.io.analysis.FeasibleShapesResult;
import org.scalefit.io.analysis.ShapeSearchResult;
import org.scalefit.shapes.BucketOptimum;
import org.scalefit.shapes.FlopBuckets;
import org.scalefit.shapes.RelaxedShape;
import org.scalefit.shapes.ShapeGrid;
import org.scalefit.shapes.ShapePoint;
import org.scalefit.uncertainty.AllocationBands.Spread;
import org.scalefit.uncertainty.ShapeBands;

/**
 * {@code scalefit shapes}' human-readable result on standard output: per law its optimum per FLOPs bucket (and the
 * refinements), or the feasible shapes per target size.
 *
 * @param out where to print
 */
record ShapesPrinter(PrintStream out) {

    void print(ShapeSearchResult result) {
        ShapeGrid grid = result.search().grid();
        List<LawResult> results = result.results();
        out.printf(Locale.ROOT, "shape search: %d widths, %d shapes x %d token counts = %d rows, %d with FLOPs in "
                        + "[%.3g, %.3g]; %d buckets; params %s; %.2f s on %s%n", grid.widthCount(),
                grid.shapeCount(), grid.tokenCount(), grid.rowCount(), results.get(0).optima().rowsInRange(),
                result.search().buckets().low(), result.search().buckets().high(), result.search().buckets().count(),
                result.search().accounting().parameterCount().label(), result.run().seconds(),
                Counts.of(result.run().threads(), "thread"));
        out.println(ArchitectureLine.of(result.search().accounting().architecture()));
        for (LawResult law : results) {
            out.printf(Locale.ROOT, "%n%s %s (%s): grid optimum per FLOPs bucket%n", law.role(),
                    law.optima().law().form().name(), law.file());
            LawCautions.print(out, law.file(), law.optima().law().warnings());
            out.printf(Locale.ROOT, "  %-9s %9s %8s %8s %9s %11s %11s %9s %9s%n", "FLOPs<=", "width", "depth",
                    "w/d", "params", "tokens", "tokens/N", "loss", "");
            List<BucketOptimum> optima = law.optima().optima();
            for (int i = 0; i < optima.size(); i++) {
                BucketOptimum optimum = optima.get(i);
                ShapePoint point = optimum.point();
                line(String.format(Locale.ROOT, "%.3g", optimum.upperFlops()), point,
                        grid.onEdge(point.width(), point.depth(), point.tokens()) ? "grid edge" : "grid");
                if (!law.relaxed().isEmpty()) {
                    RelaxedShape refined = law.relaxed().get(i);
                    line("", refined.relaxed(), (refined.improved() ? "relaxed" : "(grid)")
                            + (refined.atBound() ? "*" : ""));
                    line("", refined.rounded(), "rounded");
                }
            }
            emptyBuckets(result.search().buckets(), optima);
            law.extrapolations().forEach(message -> out.println("  " + message));
        }
        for (LawResult law : results) {
            if (law.bands() != null) {
                bands(law);
            }
        }
        if (results.stream().anyMatch(r -> r.optima().optima().stream().map(BucketOptimum::point)
                .anyMatch(p -> grid.onEdge(p.width(), p.depth(), p.tokens())))) {
            out.printf(Locale.ROOT, "%ngrid edge: the optimum lies on the search grid's boundary (smallest or largest "
                    + "width, depth of its width or token count): the law wants a shape or token count beyond the "
                    + "grid, so the row is the grid's, not the law's (--relaxed is not bound to the grid).%n");
        }
        if (results.stream().anyMatch(r -> r.relaxed().stream().anyMatch(RelaxedShape::atBound))) {
            out.printf(Locale.ROOT, "%n* on or outside a bound of the relaxed box (width >= 256, depth >= 2): the "
                    + "law wants a shape beyond it; (grid): no real-valued shape in the box beats the grid row.%n");
        }
    }

    void print(FeasibleShapesResult result) {
        out.printf(Locale.ROOT, "feasible shapes within ±%.3g %% of each target: %d%n",
                result.request().tolerance() * 100, result.shapes().size());
        for (double target : result.request().targets()) {
            List<String> listed = result.near(target).stream().map(s -> s.width() + "x" + s.depth()).toList();
            out.printf(Locale.ROOT, "  %-8.4g %4d  %s%n", target, listed.size(), String.join(" ", listed));
        }
    }

    private void bands(LawResult law) {
        ShapeBands bands = law.bands().bands();
        out.printf(Locale.ROOT, "%n%s %s: grid optimum per FLOPs bucket with its %s bootstrap band (%s: %d "
                        + "replicates%s); each band on its own, the low ends together are no replicate's shape%n",
                law.role(), law.optima().law().form().name(), FitBootstrapPrinter.percent(bands.level()), law.bands().file(),
                bands.used(), bands.leftOut().length == 0 ? ""
                        : ", " + bands.leftOut().length + " left out: refit failed or law not finite on the grid");
        FitBootstrapPrinter.unidentifiedCaution(law.bands().unidentified().length,
                bands.used() + bands.leftOut().length).ifPresent(out::println);
        out.printf(Locale.ROOT, "  %-9s %-22s %-20s %-30s %-30s %-24s %s%n", "FLOPs<=", "width", "depth", "tokens",
                "params", "loss", "at edge");
        boolean edges = false;
        for (ShapeBands.Band band : bands.bands()) {
            ShapePoint point = band.estimate().point();
            out.printf(Locale.ROOT, "  %-9s %-22s %-20s %-30s %-30s %-24s %s%n",
                    String.format(Locale.ROOT, "%.3g", band.estimate().upperFlops()),
                    banded("%.0f", point.width(), band.width()), banded("%.0f", point.depth(), band.depth()),
                    banded("%.3g", point.tokens(), band.tokens()), banded("%.3g", point.params(), band.params()),
                    banded("%.4f", point.loss(), band.loss()), band.atGridEdge() == 0 ? "" : band.atGridEdge());
            edges |= band.atGridEdge() > 0;
        }
        if (edges) {
            out.printf(Locale.ROOT, "  at edge: replicates whose optimum lies on the grid's boundary (smallest or "
                    + "largest width, depth of its width or token count): their law wants more, so a band end "
                    + "there is the grid's, not the law's%n");
        }
    }

    /** The buckets without a grid row (a coarse grid or a FLOPs range beyond it), if any. */
    private void emptyBuckets(FlopBuckets buckets, List<BucketOptimum> optima) {
        java.util.Set<Integer> found = new java.util.HashSet<>();
        optima.forEach(optimum -> found.add(optimum.bucket()));
        List<Integer> empty = java.util.stream.IntStream.range(0, buckets.count()).filter(b -> !found.contains(b))
                .boxed().toList();
        if (!empty.isEmpty()) {
            out.printf(Locale.ROOT, "  no grid row in buckets %s (FLOPs <= %s)%n",
                    String.join(", ", empty.stream().map(String::valueOf).toList()),
                    String.join(", ", empty.stream().map(b -> String.format(Locale.ROOT, "%.3g", buckets.upper(b)))
                            .toList()));
        }
    }

    /** "value [low, high]" with {@code format} for each number. */
    private static String banded(String format, double value, Spread spread) {
        return String.format(Locale.ROOT, format + " [" + format + ", " + format + "]", value, spread.low(),
                spread.high());
    }

    private void line(String flops, ShapePoint point, String kind) {
        out.printf(Locale.ROOT, "  %-9s %9.1f %8.2f %8.2f %9.3g %11.4g %11.4g %9.5f %9s%n", flops, point.width(),
                point.depth(), point.ratio(), point.params(), point.tokens(), point.tokensPerParam(), point.loss(),
                kind);
    }
}
