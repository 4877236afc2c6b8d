package org.scalefit.report.sections;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scalefit.io.IndustryModels;
import org.scalefit.report.Block;
import org.scalefit.report.Numbers;
import org.scalefit.report.Section;
import org.scalefit.report.charts.ParabolaFigures;
import org.scalefit.report.charts.ShapeQuantity;
import org.scalefit.report.plot.Figure;
import org.scalefit.shapes.OvertrainedShape;
import org.scalefit.shapes.OvertrainingParabola;
import org.scalefit.shapes.RelaxedShape;
import org.scalefit.shapes.ShapePoint;
import org.scalefit.uncertainty.ParabolaBands;

/**
 * The report section of Gemstones' overtraining parabola (McLeish et al. 2025 §4.3; {@code plotters/overtrained_single_parabola.py}): for each chosen FLOPs
 * budget C with optimal tokens t, and each factor f, the shape (w, d) of least predicted loss with
 * flops_per_token(w, d) = C / (t·√f) — one parabola figure per budget with released models as reference lines, the
 * shapes' loss, parameters and tokens against FLOPs per factor, and a table of every shape; given the bootstrap
 * bands of the parabolas ({@link ParabolaBands}), the loss penalty L(f)/L(1) − 1 per budget with its band, its level
 * stated.
 */
public final class ParabolaSection {

    private ParabolaSection() {
    }

    /** The section without bootstrap bands. */
    public static Section of(String id, List<OvertrainingParabola> parabolas, String lawName,
                             List<String> lawWarnings, String secondName, Optional<IndustryModels> industry,
                             double industryBand) {
        return of(id, parabolas, Optional.empty(), lawName, lawWarnings, secondName, industry, industryBand);
    }

    /**
     * The section.
     *
     * @param parabolas    one parabola per budget, in the order to show them
     * @param bands        the bootstrap bands of the parabolas (each replicate's own parabola through the same
     *                     buckets), or empty for none
     * @param lawName      what the minimised law is (e.g. "width-depth-params law (wd.json)")
     * @param lawWarnings  the warnings of the fit the minimised law came from (shown as a caution before the
     *                     shapes, which are computed from its parameters); empty for none
     * @param secondName   what the second law evaluated at the same shapes is, if the parabolas have one
     * @param industry     released models (with any exclusions already applied), or empty for no reference lines
     * @param industryBand a model is drawn on a budget's figure if its loss lies within this of the range of the
     *                     budget's interior losses (Gemstones: 0.01)
     */
    public static Section of(String id, List<OvertrainingParabola> parabolas, Optional<ParabolaBands> bands,
                             String lawName, List<String> lawWarnings, String secondName,
                             Optional<IndustryModels> industry, double industryBand) {
        Section section = Section.of(id, "Overtraining parabola").withText("For each FLOPs budget C, its optimal "
                + "shape trained on t tokens is traded for one trained on t′ = t·√f tokens at the same C: the shape "
                + "(width w ≥ 256, depth d ≥ 1) of least predicted loss with flops_per_token(w, d) = C / t′, its "
                + "parameters counted with embeddings (Gemstones' relaxed count). f < 1 trains a larger model on "
                + "fewer tokens, f > 1 (overtraining) a smaller one on more. Shapes with width ≤ "
                + Numbers.format(OvertrainingParabola.EDGE_WIDTH, 3) + " or depth ≤ "
                + Numbers.format(OvertrainingParabola.EDGE_DEPTH, 3) + " lie at the edge of the box; Gemstones drops "
                + "them, here they are shown apart. Minimised: " + lawName + ".");
        if (!lawWarnings.isEmpty()) {
            section = section.withText("Caution: the fit of the minimised law warned — " + String.join("; ",
                    lawWarnings) + ". The shapes below are computed from its parameters.");
        }
        long edge = parabolas.stream().mapToLong(p -> p.shapes().size() - p.interior().size()).sum();
        List<Double> infeasible = parabolas.stream().flatMap(p -> p.infeasibleFactors().stream()).distinct().sorted()
                .toList();
        List<Block.Fact> facts = new ArrayList<>();
        facts.add(new Block.Fact("budgets", Integer.toString(parabolas.size()), String.join(", ",
                parabolas.stream().map(p -> Numbers.format(p.optimum().flops(), 3)).toList()) + " FLOPs"));
        facts.add(new Block.Fact("shapes at the edge of the box", Long.toString(edge), ""));
        long below = parabolas.stream().mapToLong(p -> p.belowOptimumOutsideItsBox().size()).sum();
        if (below > 0) {
            facts.add(new Block.Fact("shapes below the optimum, at depth < "
                    + Numbers.format(RelaxedShape.MIN_DEPTH, 3), Long.toString(below), "their loss is below their "
                    + "budget's optimum: the optimum searched over w ≥ " + Numbers.format(RelaxedShape.MIN_WIDTH, 3)
                    + ", d ≥ " + Numbers.format(RelaxedShape.MIN_DEPTH, 3) + " (Gemstones' optimize_row), the "
                    + "factors' shapes over w ≥ " + Numbers.format(OvertrainingParabola.MIN_WIDTH, 3) + ", d ≥ "
                    + Numbers.format(OvertrainingParabola.MIN_DEPTH, 3) + " (overtrained_single_parabola.py), so "
                    + "the optimum is not the least loss of the parabola's set; a law that rewards parameters "
                    + "whatever the shape goes to depth 1"));
        }
        if (!infeasible.isEmpty()) {
            facts.add(new Block.Fact("infeasible factors", String.join(", ", infeasible.stream()
                    .map(ParabolaFigures::factorLabel).toList()), "even 256 × 1 costs more FLOPs per token than "
                    + "C / t′ at some budget"));
        }
        for (OvertrainingParabola parabola : parabolas) {
            parabola.interior().stream().min(java.util.Comparator.comparingDouble(s -> s.shape().loss()))
                    .ifPresent(best -> facts.add(new Block.Fact("least loss at C = "
                            + Numbers.format(parabola.optimum().flops(), 3), "f = "
                            + ParabolaFigures.factorLabel(best.factor()) + ", loss " + Numbers.format(best.shape()
                            .loss(), 5), "the budget's optimum: loss " + Numbers.format(parabola.optimum().loss(), 5)
                            + " on " + Numbers.format(parabola.optimum().tokens(), 3) + " tokens")));
        }
        section = section.withFacts(facts);
        for (OvertrainingParabola parabola : parabolas) {
            List<IndustryModels.Model> lines = industry.map(models -> models.near(parabola, industryBand))
                    .orElse(List.of());
            section = section.withFigure(ParabolaFigures.lossAgainstFactor(id + "-bucket-" + parabola.bucket(),
                    parabola, lawName, secondName + " at the same shapes", lines), "Each point is the best shape "
                    + "for f (hover for it); the minimum near f = 1 is the budget's optimum." + (industry.isEmpty() ? "" : " Dashed horizontal lines: released "
                    + "models whose validation loss lies within " + Numbers.format(industryBand, 3) + " of the "
                    + "parabola's range (losses per token of their own tokenizers, for orientation only)."));
        }
        if (bands.isPresent()) {
            ParabolaBands b = bands.get();
            int leftOut = b.leftOut().length;
            String caption = "The cost of overtraining with its uncertainty, on this budget's own scale: for each of "
                    + b.used() + " bootstrap replicates of the minimised law's fit, its own parabola through the same "
                    + "budget; the line is the median of L(f)/L(1) − 1 and the shading its central "
                    + Numbers.format(b.level(), 3) + " % percentile band" + (leftOut == 0 ? "" : " (" + leftOut
                    + " left out: refit failed or law not finite at a budget's optimum)") + ". f = 1 costs nothing "
                    + "by construction; a factor that fewer than 2 replicates can meet is not drawn.";
            for (Figure penalty : ParabolaFigures.penaltyAgainstFactor(id + "-penalty", b, parabolas)) {
                section = section.withFigure(penalty, caption);
            }
        }
        for (ShapeQuantity quantity : List.of(ShapeQuantity.LOSS, ShapeQuantity.PARAMS, ShapeQuantity.TOKENS)) {
            section = section.withFigure(ParabolaFigures.againstCompute(id + "-" + quantity.slug(), quantity,
                    parabolas), "One line per factor f across the budgets; black: f = 1.");
        }
        return section.withTable("Overtrained shapes", List.of("bucket", "FLOPs C", "f", "width", "depth",
                "parameters", "tokens", "tokens/param", "predicted loss", secondName, "edge"), rows(parabolas));
    }

    private static List<List<String>> rows(List<OvertrainingParabola> parabolas) {
        List<List<String>> rows = new ArrayList<>();
        for (OvertrainingParabola parabola : parabolas) {
            for (OvertrainedShape shape : parabola.shapes()) {
                ShapePoint p = shape.shape();
                rows.add(List.of(Integer.toString(parabola.bucket()), Numbers.format(shape.budget(), 4),
                        ParabolaFigures.factorLabel(shape.factor()), Numbers.format(p.width(), 5),
                        Numbers.format(p.depth(), 4), Numbers.format(p.params(), 4), Numbers.format(p.tokens(), 4),
                        Numbers.format(p.tokensPerParam(), 4), Numbers.format(p.loss(), 5),
                        shape.secondLoss().isPresent() ? Numbers.format(shape.secondLoss().getAsDouble(), 5) : "",
                        shape.edge() ? "edge" : ""));
            }
            for (double factor : parabola.infeasibleFactors()) {
                rows.add(List.of(Integer.toString(parabola.bucket()), Numbers.format(parabola.optimum().flops(), 4),
                        ParabolaFigures.factorLabel(factor), "", "", "", "", "", "infeasible", "", ""));
            }
        }
        return rows;
    }
}
