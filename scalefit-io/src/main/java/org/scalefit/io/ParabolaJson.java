package org.scalefit.io;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.scalefit.data.InputRange;
import org.scalefit.law.FittedLaw;
import org.scalefit.shapes.OvertrainedShape;
import org.scalefit.shapes.OvertrainingParabola;
import org.scalefit.shapes.RelaxedShape;
import org.scalefit.shapes.ShapeAccounting;
import org.scalefit.shapes.ShapeSearch;
import org.scalefit.uncertainty.ParabolaBands;

/**
 * The analysis of Gemstones' overtraining parabola ({@link OvertrainingParabola}; Gemstones
 * {@code overtrained_single_parabola.py}) — the shape search that supplied the budgets, the laws, the factors and per
 * budget (a panel of Gemstones' figure) its relaxed optimum, parabola and industry models — and its CSV form: one line
 * per budget and factor (width, depth, relaxed params, tokens t′, FLOPs C′, |C′/C − 1|, both laws' losses and
 * "undertrained" losses, and a status: {@code interior}, {@code edge} of the box, or {@code infeasible}). The JSON
 * form is the record {@link ParabolaDocument}.
 */
public final class ParabolaJson {

    /**
     * A law and where it came from.
     *
     * @param role   how the command line named it ({@code law}, {@code law2})
     * @param file   the file it was read from
     * @param sha256 the file's SHA-256
     * @param law    the law
     * @param dataRange the range of the runs it was fitted on, as its fit file records it; null when it does not
     */
    public record LawInput(String role, String file, String sha256, FittedLaw law, InputRange dataRange) {
        public LawInput {
            Objects.requireNonNull(law, "law");
        }

        /** A law whose fitted range is not known. */
        public LawInput(String role, String file, String sha256, FittedLaw law) {
            this(role, file, sha256, law, null);
        }
    }

    /**
     * One budget: its relaxed optimum, its parabola, and the industry models drawn on its panel.
     *
     * @param row      the bucket's relaxed optimum (the parabola's f = 1 input)
     * @param parabola the parabola through it
     * @param industry the industry models whose loss lies in the panel's band
     * @param extrapolations why the relaxed optimum lies outside the runs the law was fitted on
     *                       ({@link ShapeExtrapolations}); empty when it does not or the range is not known
     */
    public record Panel(RelaxedShape row, OvertrainingParabola parabola, List<IndustryModels.Model> industry,
                        List<String> extrapolations) {
        public Panel {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(parabola, "parabola");
            industry = List.copyOf(industry);
            extrapolations = List.copyOf(extrapolations);
        }

        /** A panel whose law's fitted range is not known. */
        public Panel(RelaxedShape row, OvertrainingParabola parabola, List<IndustryModels.Model> industry) {
            this(row, parabola, industry, List.of());
        }
    }

    /**
     * A whole analysis.
     *
     * @param search             the shape search that supplied the budgets
     * @param laws               the minimised law, then the second law if any
     * @param parabolaAccounting the accounting of the constrained problem (its relaxed parameter count)
     * @param factors            the overtraining factors
     * @param industry           the industry models, after exclusions (empty when none are drawn)
     * @param industryBand       the band around the panel's losses in which industry models are drawn
     * @param industryExcluded   the names excluded
     * @param panels             one per budget
     * @param bands              the bootstrap bands of the first law's parabolas, or null when none were asked for
     */
    public record Analysis(ShapeSearch search, List<LawInput> laws, ShapeAccounting parabolaAccounting,
                           List<Double> factors, Optional<IndustryModels> industry, double industryBand,
                           List<String> industryExcluded, List<Panel> panels, Bootstrapped bands) {
        public Analysis {
            Objects.requireNonNull(search, "search");
            laws = List.copyOf(laws);
            if (laws.isEmpty()) {
                throw new IllegalArgumentException("a parabola needs a law");
            }
            Objects.requireNonNull(parabolaAccounting, "parabolaAccounting");
            factors = List.copyOf(factors);
            Objects.requireNonNull(industry, "industry");
            industryExcluded = List.copyOf(industryExcluded);
            panels = List.copyOf(panels);
        }
    }

    /**
     * The bootstrap bands of the parabolas ({@link ParabolaBands}) and the bootstrap document they come from.
     *
     * @param file   the bootstrap document ({@code scalefit bootstrap --fit … --draws})
     * @param sha256 its SHA-256
     * @param unidentified the bootstrap's replicates whose resample cannot identify the law (ascending; traced
     *                     like the others, but the bands understate the uncertainty along what they leave free)
     * @param bands  the bands
     */
    public record Bootstrapped(String file, String sha256, int[] unidentified, ParabolaBands bands) {
        public Bootstrapped {
            Objects.requireNonNull(bands, "bands");
            unidentified = unidentified.clone();
        }

        @Override
        public int[] unidentified() {
            return unidentified.clone();
        }
    }

    private static final String CSV_HEADER = "bucket,budget_flops,factor,status,width,depth,params,tokens,flops,"
            + "flops_relative_error,loss,law2_loss,undertrained_loss,law2_undertrained_loss\n";

    /** One line per budget and factor, infeasible factors with empty values. */
    public String csv(Analysis analysis) {
        StringBuilder text = new StringBuilder(CSV_HEADER);
        for (Panel panel : analysis.panels()) {
            OvertrainingParabola parabola = panel.parabola();
            String budget = ShapeSearchJson.number(parabola.optimum().flops());
            for (double factor : analysis.factors()) {
                text.append(parabola.bucket()).append(',').append(budget).append(',')
                        .append(ShapeSearchJson.number(factor)).append(',');
                Optional<OvertrainedShape> found = parabola.shapes().stream().filter(s -> s.factor() == factor)
                        .findFirst();
                if (found.isEmpty()) {
                    text.append("infeasible,,,,,,,,,,\n");
                    continue;
                }
                OvertrainedShape shape = found.get();
                text.append(status(shape)).append(',').append(ShapeSearchJson.number(shape.shape().width()))
                        .append(',').append(ShapeSearchJson.number(shape.shape().depth())).append(',')
                        .append(ShapeSearchJson.number(shape.shape().params())).append(',')
                        .append(ShapeSearchJson.number(shape.shape().tokens())).append(',')
                        .append(ShapeSearchJson.number(shape.shape().flops())).append(',')
                        .append(ShapeSearchJson.number(shape.flopsRelativeError())).append(',')
                        .append(ShapeSearchJson.number(shape.shape().loss())).append(',')
                        .append(optional(shape.secondLoss())).append(',')
                        .append(ShapeSearchJson.number(shape.undertrainedLoss())).append(',')
                        .append(optional(shape.secondUndertrainedLoss())).append('\n');
            }
        }
        return text.toString();
    }

    /** {@code interior} or {@code edge} (of Gemstones' box). */
    public static String status(OvertrainedShape shape) {
        return shape.edge() ? "edge" : "interior";
    }

    private static String optional(OptionalDouble value) {
        return value.isPresent() ? ShapeSearchJson.number(value.getAsDouble()) : "";
    }
}
