package org.scalefit.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.io.GadreTestbed;
import org.scalefit.io.PublishedValues;
import org.scalefit.overtraining.DownstreamFitter;
import org.scalefit.overtraining.HeldOutPrediction;
import org.scalefit.overtraining.OvertrainingAnalysis;
import org.scalefit.overtraining.OvertrainingFitter;
import org.scalefit.report.Provenance;
import org.scalefit.report.Section;
import org.scalefit.report.sections.OvertrainingSection;
import tools.jackson.databind.JsonNode;

/**
 * Gadre et al. 2024 on the bundled over-training testbed: the over-training law L(N, M) and the downstream error
 * law Err(L) fitted on the paper's default points (Levenberg–Marquardt with the paper's 128 starts), and the relative
 * errors of their predictions for the over-trained 1.4B run (M = 640) and the 6.9B run, against the four stored in
 * the paper's notebook (RedPajama). The C4 and RefinedWeb predictions are shown without a published value.
 */
public final class GadreReproduction {

    static final String TITLE = "Language models scale reliably with over-training and on downstream tasks "
            + "(Gadre et al. 2024)";

    private GadreReproduction() {
    }

    /** Runs the reproduction. */
    public static StudyReproduction run(ReproductionContext context) {
        long begin = System.nanoTime();
        List<Comparison> comparisons = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        JsonNode stored = PublishedValues.document("gadre/notebook-outputs.json");
        String published = stored.get("dataset").asString();
        GadreTestbed testbed = GadreTestbed.read(GadreTestbed.BUNDLED, GadreTestbed.DEFAULT_LOSS_SET);
        for (String dataset : testbed.datasets()) {
            OvertrainingAnalysis analysis = OvertrainingAnalysis.of(testbed.defaultSplit(dataset),
                    List.of(GadreTestbed.AVERAGE_46, GadreTestbed.AVERAGE_17), OvertrainingFitter.gadre(),
                    DownstreamFitter.gadre());
            sections.add(OvertrainingSection.of("gadre-" + dataset.replace('_', '-'), dataset, testbed.lossSet(),
                    analysis));
            String name = "over-training and downstream laws, " + dataset;
            for (HeldOutPrediction prediction : analysis.predictions()) {
                if (prediction.inLossFit()) {
                    continue;
                }
                String run = prediction.run().name();
                double loss = 100 * prediction.loss().relativeError();
                double error17 = 100 * prediction.error().get(GadreTestbed.AVERAGE_17).relativeError();
                double error46 = 100 * prediction.error().get(GadreTestbed.AVERAGE_46).relativeError();
                JsonNode lossPublished = stored.get("loss_relative_error_percent").get(run);
                JsonNode errorPublished = stored.get("avg_subset_relative_error_percent").get(run);
                comparisons.add(dataset.equals(published) && lossPublished != null
                        ? Comparison.printed(name, run + " loss rel. error %", loss, lossPublished.asString())
                        : Comparison.unpublished(name, run + " loss rel. error %", loss, ""));
                comparisons.add(dataset.equals(published) && errorPublished != null
                        ? Comparison.printed(name, run + " 17-task error rel. error %", error17,
                                errorPublished.asString())
                        : Comparison.unpublished(name, run + " 17-task error rel. error %", error17, ""));
                comparisons.add(Comparison.unpublished(name, run + " 46-task error rel. error %", error46, ""));
            }
        }
        List<String> notes = List.of("The notebook stores four relative errors (RedPajama); the paper's other numbers are "
                + "figures. The other rows are scalefit's predictions on the same split.");
        List<Provenance.DataSource> sources = List.of(new Provenance.DataSource(testbed.source(),
                testbed.contentHash(), testbed.runs().size() + " runs"));
        return new StudyReproduction("gadre", TITLE, comparisons, notes, sections, sources, (System.nanoTime() - begin) / 1e9);
    }
}
