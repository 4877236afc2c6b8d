package org.scalefit.report.sections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalefit.overtraining.DownstreamFit;
import org.scalefit.overtraining.HeldOutPrediction;
import org.scalefit.overtraining.OvertrainingAnalysis;
import org.scalefit.overtraining.OvertrainingLaw;
import org.scalefit.report.Block;
import org.scalefit.report.Numbers;
import org.scalefit.report.Section;
import org.scalefit.report.charts.OvertrainingFigures;

/**
 * The report section of Gadre et al. 2024's over-training and downstream laws (their Figure 1 and the relative
 * errors of its predictions): L(N, M) = E + α·N^b + β·6^(b/2)·(M·N)^b and Err(L) = ε − k·e^(−γL).
 */
public final class OvertrainingSection {

    private OvertrainingSection() {
    }

    /**
     * The section.
     *
     * @param dataset the testbed's training dataset (e.g. {@code rpj}), for the title
     * @param lossSet the evaluation set of the runs' loss (e.g. {@code c4_val}), for the loss axes
     */
    public static Section of(String id, String dataset, String lossSet, OvertrainingAnalysis analysis) {
        Section section = Section.of(id, "Over-training and downstream laws (" + dataset + ")");
        List<Block.Fact> facts = new ArrayList<>();
        if (analysis.lossFit().report().failed()) {
            return section.withText("The loss-law fit failed: " + String.join("; ",
                    analysis.lossFit().report().warnings()));
        }
        OvertrainingLaw law = analysis.lossFit().law();
        OvertrainingLaw.ComputeForm compute = law.computeForm();
        facts.add(new Block.Fact("L(N, M)", "E + α·N^b + β·6^(b/2)·(M·N)^b", "N parameters, M tokens per parameter"));
        facts.add(new Block.Fact("α, β, b, E", Numbers.format(law.alpha(), 5) + ", " + Numbers.format(law.beta(), 5)
                + ", " + Numbers.format(law.exponent(), 5) + ", " + Numbers.format(law.irreducible(), 5),
                analysis.lossFit().report().status().name().toLowerCase(java.util.Locale.ROOT) + ", "
                        + analysis.split().lossFit().size() + " runs"));
        facts.add(new Block.Fact("compute exponent η", Numbers.format(compute.eta(), 5), "L(C, M) = E + (a·M^η + "
                + "b·M^−η)·C^−η"));
        for (String warning : analysis.lossFit().report().warnings()) {
            facts.add(new Block.Fact("warning", warning, ""));
        }
        for (Map.Entry<String, DownstreamFit> fit : analysis.downstreamFits().entrySet()) {
            if (!fit.getValue().report().failed()) {
                facts.add(new Block.Fact("Err(L), " + fit.getKey() + ": k, γ, ε", Numbers.format(fit.getValue().law().k(),
                        5) + ", " + Numbers.format(fit.getValue().law().gamma(), 5) + ", "
                        + Numbers.format(fit.getValue().law().epsilon(), 5),
                        analysis.split().downstreamFit().size() + " runs"));
            }
        }
        section = section.withFacts(facts).withFigure(OvertrainingFigures.reducibleLossAgainstCompute(id + "-loss",
                analysis, lossSet), "Dashed: the fitted law at each tokens-per-parameter M (colour). Circles: the "
                + "runs it was fitted on; squares and crosses: the held-out runs, observed and predicted.");
        for (Map.Entry<String, DownstreamFit> fit : analysis.downstreamFits().entrySet()) {
            if (!fit.getValue().report().failed()) {
                section = section.withFigure(OvertrainingFigures.errorAgainstLoss(id + "-error-"
                        + fit.getKey().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), analysis, fit.getKey(),
                        lossSet),
                        "Solid: the fitted law over the losses of the runs it was fitted on; dashed: the same law "
                        + "beyond them. Crosses chain the two laws: the error predicted from the predicted loss.");
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (HeldOutPrediction prediction : analysis.predictions()) {
            rows.add(List.of(prediction.run().name(), Numbers.format(prediction.run().params(), 4),
                    Numbers.format(prediction.run().tokensPerParam(), 4), Numbers.format(prediction.loss().observed(), 5),
                    Numbers.format(prediction.loss().predicted(), 5), Numbers.fixed(prediction.loss().percentError(), 4)
                            + " %"));
        }
        return section.withTable("Held-out loss predictions", List.of("run", "parameters", "M", "observed loss",
                "predicted loss", "relative error"), rows);
    }
}
