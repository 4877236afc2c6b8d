package org.scalefit.report.charts;

import java.util.List;
import org.scalefit.law.Allocation;
import org.scalefit.report.Numbers;
import org.scalefit.report.plot.Axis;
import org.scalefit.report.plot.Band;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.Series;
import org.scalefit.report.plot.SeriesStyle;
import org.scalefit.uncertainty.TokensPerParameterPolicy;

/**
 * Figures of Epoch AI's uncertainty analysis (core {@code uncertainty}; Besiroglu et al. 2024 §4, the notebook's
 * {@code tokens_to_params_ratio_plot}, {@code data_analysis.ipynb} cells 63–69): the compute-optimal
 * tokens per parameter D/N = G⁻²·(C/6)^(b−a) of a fitted law against compute, its median and central band over draws
 * θ_m ~ N(θ̂, Σ_bootstrap) ({@link TokensPerParameterPolicy}), beside the reference's policy with the band its
 * published interval for a gives, and the reference's trained model as a point.
 */
public final class UncertaintyFigures {

    /** The colour of the fitted law's policy (Epoch's blue). */
    static final String ESTIMATE_COLOR = Palette.BLUE;
    /** The colour of the reference policy (Gemstones' Chinchilla pink). */
    static final String REFERENCE_COLOR = Palette.PINK;

    private UncertaintyFigures() {
    }

    /**
     * D/N against compute (log–log): the median over the draws with the central {@code coverage} % band (solid),
     * the point estimate's D/N (dotted), the reference policy at the middle of its interval for a with the band
     * between the interval's ends (dashed), and, if {@code referenceModel} is not null, that model as a black
     * diamond with a dotted horizontal line at its D/N.
     *
     * @param estimateLabel  what the fitted law is called (e.g. "Epoch AI Fit B")
     * @param referenceLabel what the reference is called (e.g. "Chinchilla (Hoffmann et al.)")
     * @param referenceModel the reference's trained model (Chinchilla: 70B parameters, 1.4T tokens), or null
     */
    public static Figure tokensPerParameter(String id, TokensPerParameterPolicy policy, String estimateLabel,
                                            String referenceLabel, Allocation referenceModel) {
        List<TokensPerParameterPolicy.Row> rows = policy.rows();
        double[] compute = rows.stream().mapToDouble(TokensPerParameterPolicy.Row::compute).toArray();
        double[] referenceLow = new double[rows.size()];
        double[] referenceHigh = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            TokensPerParameterPolicy.Row row = rows.get(i);
            referenceLow[i] = Math.min(row.referenceAtLowExponent(), row.referenceAtHighExponent());
            referenceHigh[i] = Math.max(row.referenceAtLowExponent(), row.referenceAtHighExponent());
        }
        String coverage = Numbers.format(policy.coverage(), 3) + " %";
        Figure figure = Figure.of(id, "Compute-optimal tokens per parameter", Axis.log("training compute C (FLOPs)"),
                        Axis.log("tokens per parameter D/N"))
                .with(Series.of(referenceLabel, compute,
                                rows.stream().mapToDouble(TokensPerParameterPolicy.Row::reference).toArray(),
                                SeriesStyle.dashed(REFERENCE_COLOR).withLineWidth(2))
                        .withBand(new Band(referenceLow, referenceHigh)))
                .with(Series.of(estimateLabel + ": median, " + coverage + " band of " + policy.draws() + " draws",
                                compute, rows.stream().mapToDouble(TokensPerParameterPolicy.Row::median).toArray(),
                                SeriesStyle.line(ESTIMATE_COLOR).withLineWidth(2))
                        .withBand(new Band(rows.stream().mapToDouble(TokensPerParameterPolicy.Row::low).toArray(),
                                rows.stream().mapToDouble(TokensPerParameterPolicy.Row::high).toArray())))
                .with(Series.of(estimateLabel + ": point estimate", compute,
                        rows.stream().mapToDouble(TokensPerParameterPolicy.Row::pointEstimate).toArray(),
                        SeriesStyle.dotted(ESTIMATE_COLOR)));
        if (referenceModel == null) {
            return figure;
        }
        double ratio = referenceModel.tokensPerParam();
        String model = "N " + Numbers.format(referenceModel.params(), 3) + ", D "
                + Numbers.format(referenceModel.tokens(), 3) + ", C " + Numbers.format(referenceModel.compute(), 3);
        return figure
                .with(Series.of("D/N = " + Numbers.format(ratio, 3), new double[] {compute[0], compute[compute.length
                                - 1]}, new double[] {ratio, ratio}, SeriesStyle.dotted(Palette.GREY).withLineWidth(1))
                        .withPointLabels(List.of("D/N = " + Numbers.format(ratio, 3) + " (the " + referenceLabel
                                + " model's ratio)", "D/N = " + Numbers.format(ratio, 3))))
                .with(Series.of(referenceLabel + " model", new double[] {referenceModel.compute()},
                                new double[] {ratio}, new SeriesStyle(Palette.BLACK, SeriesStyle.Stroke.NONE,
                                        SeriesStyle.Marker.DIAMOND, 1))
                        .withPointLabels(List.of(referenceLabel + " model: " + model)));
    }
}
