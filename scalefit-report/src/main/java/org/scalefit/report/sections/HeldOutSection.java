package org.scalefit.report.sections;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.heldout.HeldOutFit;
import org.scalefit.heldout.HeldOutReport;
import org.scalefit.heldout.HoldOut;
import org.scalefit.heldout.SizeError;
import org.scalefit.report.Block;
import org.scalefit.report.Numbers;
import org.scalefit.report.Section;
import org.scalefit.report.charts.HeldOutFigures;

/**
 * The report section of a held-out evaluation by model size (core {@code heldout}): does the Approach-3 law fitted
 * without some sizes predict their losses? Each held-out point is scored by 100·|L̂ − L|/L; the section gives the
 * split, the mean and largest errors, the figure of error against size and a table of every held-out size.
 */
public final class HeldOutSection {

    private HeldOutSection() {
    }

    /**
     * The section.
     *
     * @param sizeLabel what a model's size is (e.g. "parameters")
     */
    public static Section of(String id, HeldOutReport report, String sizeLabel) {
        boolean rollout = report.mode() == HoldOut.ROLLOUT;
        Section section = Section.of(id, "Held-out model sizes: " + report.mode().label()).withText((rollout
                ? "For each k, the law is fitted on the points of the k smallest model sizes and predicts every "
                + "larger size: how far it extrapolates."
                : "For each model size, the law is fitted on the points of all other sizes and predicts the held-out "
                + "one.") + " Law " + report.law().name() + ", Huber δ " + Numbers.format(report.delta(), 3) + "; "
                + report.sizes().count() + " sizes, " + report.sizes().points() + " points.");
        double[] heldOutMeans = report.fits().stream().flatMap(fit -> fit.errors().stream())
                .mapToDouble(SizeError::meanPercentError).toArray();
        List<Block.Fact> facts = new ArrayList<>();
        facts.add(new Block.Fact("held-out fits", Integer.toString(report.fits().size()), report.failedFits() == 0
                ? "all found an optimum" : report.failedFits() + " found no optimum (no predictions)"));
        if (heldOutMeans.length > 0) {
            facts.add(new Block.Fact("mean error over held-out sizes", Numbers.format(java.util.Arrays.stream(
                    heldOutMeans).average().orElseThrow(), 3) + " %", "worst size "
                    + Numbers.format(java.util.Arrays.stream(heldOutMeans).max().orElseThrow(), 3) + " %"));
        }
        double inSample = report.reference().meanPercentError();
        facts.add(new Block.Fact("in-sample mean error (fit on every size)", report.reference().succeeded()
                ? Numbers.format(inSample, 3) + " %" : "the fit failed", ""));
        List<List<String>> rows = new ArrayList<>();
        for (HeldOutFit fit : report.fits()) {
            String fitted = sizes(report, fit.fittedSizes());
            if (!fit.succeeded()) {
                rows.add(List.of(fitted, "", "fit failed", "", "", ""));
                continue;
            }
            for (SizeError error : fit.errors()) {
                rows.add(List.of(fitted, HeldOutFigures.sizeName(report.sizes(), error.size()),
                        Numbers.format(report.sizes().scale(error.size()), 4),
                        Numbers.format(error.meanPercentError(), 3), Numbers.format(error.maxPercentError(), 3),
                        Numbers.format(error.meanSignedPercentError(), 3)));
            }
        }
        return section.withFacts(facts)
                .withFigure(HeldOutFigures.errorBySize(id + "-error", report, sizeLabel), "Each marker is one "
                        + "held-out size (hover for its errors and the fit); grey circles: the in-sample errors of the "
                        + "fit on every size.")
                .withTable("Errors per held-out size (%)", List.of("fitted on", "held-out size", sizeLabel,
                        "mean |error| %", "largest |error| %", "mean signed error %"), rows);
    }

    /** "256x23, 512x11, … (5 sizes)", or the count alone beyond six sizes. */
    private static String sizes(HeldOutReport report, int[] sizes) {
        if (sizes.length > 6) {
            return sizes.length + " sizes (" + HeldOutFigures.sizeName(report.sizes(), sizes[0]) + " … "
                    + HeldOutFigures.sizeName(report.sizes(), sizes[sizes.length - 1]) + ")";
        }
        List<String> names = new ArrayList<>();
        for (int size : sizes) {
            names.add(HeldOutFigures.sizeName(report.sizes(), size));
        }
        return String.join(", ", names);
    }
}
