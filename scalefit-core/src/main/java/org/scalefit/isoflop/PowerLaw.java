package org.scalefit.isoflop;

import org.scalefit.data.CentredMoments;

/**
 * y = coef·C^exponent fitted by (optionally weighted) least squares of ln y on ln C with an intercept (Porian et
 * al., {@code analysis.py}, {@code power_law_fit}, sklearn {@code LinearRegression(sample_weight=w)}):
 * x̄ = Σw ln C / Σw, ȳ = Σw ln y / Σw, exponent = Σw(ln C − x̄)(ln y − ȳ) / Σw(ln C − x̄)²,
 * coef = exp(ȳ − exponent·x̄). R² is always the unweighted 1 − Σ(ln y − ln ŷ)² / Σ(ln y − mean ln y)², also for
 * weighted fits, as the code computes it.
 *
 * @param exponent the exponent
 * @param coef     the prefactor
 * @param r2       unweighted R² in log space
 */
public record PowerLaw(double exponent, double coef, double r2) {

    /**
     * Fits y against C.
     *
     * @param weights w_i (e.g. 1/σ_i² of log-space spreads), or null for an unweighted fit
     * @throws IllegalArgumentException for fewer than two points or lengths that differ
     */
    public static PowerLaw fit(double[] flops, double[] y, double[] weights) {
        int n = flops.length;
        if (y.length != n || weights != null && weights.length != n) {
            throw new IllegalArgumentException("power-law fit: lengths differ");
        }
        if (n < 2) {
            throw new IllegalArgumentException("a power law needs at least 2 points, got " + n);
        }
        double[] lx = new double[n];
        double[] ly = new double[n];
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            lx[i] = Math.log(flops[i]);
            ly[i] = Math.log(y[i]);
            double w = weights == null ? 1.0 : weights[i];
            sw += w;
            sx += w * lx[i];
            sy += w * ly[i];
        }
        double mx = sx / sw;
        double my = sy / sw;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1.0 : weights[i];
            sxy += w * (lx[i] - mx) * (ly[i] - my);
            sxx += w * (lx[i] - mx) * (lx[i] - mx);
        }
        double exponent = sxy / sxx;
        double intercept = my - exponent * mx;
        double residual = 0;
        for (int i = 0; i < n; i++) {
            double r = ly[i] - (intercept + exponent * lx[i]);
            residual += r * r;
        }
        double total = CentredMoments.sumOfSquares(ly);
        return new PowerLaw(exponent, Math.exp(intercept), 1 - residual / total);
    }

    /** coef·C^exponent. */
    public double at(double flops) {
        return coef * Math.pow(flops, exponent);
    }
}
