package org.scalefit.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.law.Allocation;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Series;
import org.scalefit.uncertainty.TokensPerParameterPolicy;

class UncertaintyFiguresTest {

    private static final double[] COMPUTE = {1e20, 1e22, 1e24};
    private static final String FIT = "fit";
    private static final String REFERENCE = "Chinchilla";

    private static TokensPerParameterPolicy policy() {
        double[][] covariance = new double[5][5];
        for (int j = 0; j < 5; j++) {
            covariance[j][j] = 1e-4;
        }
        return TokensPerParameterPolicy.band(SyntheticRuns.CHINCHILLA, covariance,
                TokensPerParameterPolicy.ReferencePolicy.of(SyntheticRuns.CHINCHILLA, 0.454, 0.455), COMPUTE, 200, 7,
                80);
    }

    @Test
    void theMedianOfTheDrawsIsDrawnWithItsBandAndThePointEstimateBeside() {
        TokensPerParameterPolicy policy = policy();

        Figure figure = UncertaintyFigures.tokensPerParameter("t", policy, FIT, REFERENCE, null);

        Series median = figure.series("fit: median, 80 % band of 200 draws");
        assertThat(median.x()).containsExactly(COMPUTE);
        List<TokensPerParameterPolicy.Row> rows = policy.rows();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(median.y()[i]).isEqualTo(rows.get(i).median());
            assertThat(median.band().lower()[i]).isEqualTo(rows.get(i).low());
            assertThat(median.band().upper()[i]).isEqualTo(rows.get(i).high());
            assertThat(figure.series("fit: point estimate").y()[i]).isEqualTo(rows.get(i).pointEstimate());
        }
        assertThat(figure.series()).extracting(Series::name).noneMatch(name -> name.contains("model"));
    }

    @Test
    void theReferencePolicyBandSpansTheEndsOfItsExponentInterval() {
        TokensPerParameterPolicy policy = policy();

        Series reference = UncertaintyFigures.tokensPerParameter("t", policy, FIT, REFERENCE, null).series(REFERENCE);

        for (int i = 0; i < COMPUTE.length; i++) {
            TokensPerParameterPolicy.Row row = policy.rows().get(i);
            assertThat(reference.y()[i]).isEqualTo(row.reference());
            assertThat(reference.band().lower()[i]).isEqualTo(Math.min(row.referenceAtLowExponent(),
                    row.referenceAtHighExponent()));
            assertThat(reference.band().upper()[i]).isEqualTo(Math.max(row.referenceAtLowExponent(),
                    row.referenceAtHighExponent()));
            assertThat(reference.band().lower()[i]).isLessThanOrEqualTo(row.reference());
            assertThat(reference.band().upper()[i]).isGreaterThanOrEqualTo(row.reference());
        }
    }

    @Test
    void theReferenceModelIsAPointAtItsComputeAndRatioWithALineAtThatRatio() {
        Allocation model = new Allocation(5.88e23, 70e9, 1.4e12, Double.NaN);

        Figure figure = UncertaintyFigures.tokensPerParameter("t", policy(), FIT, REFERENCE, model);

        Series point = figure.series("Chinchilla model");
        assertThat(point.x()).containsExactly(5.88e23);
        assertThat(point.y()).containsExactly(20.0);
        Series line = figure.series("D/N = 20");
        assertThat(line.x()).containsExactly(1e20, 1e24);
        assertThat(line.y()).containsExactly(20.0, 20.0);
    }
}
