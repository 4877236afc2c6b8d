package org.scalefit.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.scalefit.data.CentredMoments;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;

/**
 * Whether a table of runs can identify a law's parameters at all, decided from the data alone before any search, so
 * that a fit never reports success for parameters the data do not determine. {@link FitDiagnostics} looks at the
 * optimum afterwards; this looks at the design. The data fail to identify the law when any of these holds (each
 * failure names what it saw):
 * <ol>
 *   <li><b>too few points</b>: n ≤ p, where n is the number of distinct input tuples (rows repeated at the same
 *       inputs are repeated measurements of one point: they average its noise but say nothing more about the
 *       law's shape) and p the number of free parameters (2k+1 for the k-input law
 *       L = E + Σ<sub>j</sub> exp(c<sub>j</sub>)·x<sub>j</sub><sup>−α<sub>j</sub></sup> of Hoffmann et al. 2022,
 *       eq. 2, as generalised by Gemstones): with no residual degree of freedom the law interpolates the points and
 *       nothing is estimated;</li>
 *   <li><b>a constant input</b>: an input with a single value says nothing of how the loss depends on it: in a sum of
 *       power laws its term is a constant that merges with E, in a law written as text its effect merges with other
 *       terms (Gadre et al.'s M at one multiplier scales the N term);</li>
 *   <li><b>too few distinct values of an input</b> (built-in laws): the term exp(c<sub>j</sub>)·x<sup>−α<sub>j</sub></sup>
 *       is fixed by the data only up to a constant that merges with E, so m distinct values of x<sub>j</sub> give
 *       m − 1 differences for its two parameters (c<sub>j</sub>, α<sub>j</sub>): m ≥ {@value #MIN_DISTINCT} is
 *       needed;</li>
 *   <li><b>nearly collinear inputs</b>: |corr(log x<sub>i</sub>, log x<sub>j</sub>)| &gt; {@value #MAX_CORRELATION}
 *       for two inputs (Pearson correlation over the points): the data move them together, so their exponents trade
 *       off along α<sub>i</sub>·log x<sub>i</sub> + α<sub>j</sub>·log x<sub>j</sub> (a width–depth fit on such data
 *       gave a depth exponent of −1.5);</li>
 *   <li><b>values outside physical ranges</b>: an input named {@code params} above {@link Limits#maxParams()}
 *       (10<sup>15</sup> by default) or {@code tokens} above {@link Limits#maxTokens()} (10<sup>16</sup>), far
 *       beyond any model trained: a unit or parsing error (a row with tokens = 10<sup>308</sup> would otherwise
 *       move the fit).</li>
 * </ol>
 * Two more rules do not stop the fit but are carried into its warnings: <b>few points</b>, p &lt; n &lt; 2p (fewer
 * than {@value #POINTS_PER_PARAMETER} distinct points a free parameter), where the optimum follows the noise of
 * single runs closely and only a bootstrap shows how far its prescriptions can be trusted; and <b>implausible tokens
 * per parameter</b>, for inputs named {@code params} and {@code tokens}: D/N below {@value #MIN_TOKENS_PER_PARAM} at
 * every point, or above {@value #MAX_TOKENS_PER_PARAM} at every point, the mark of tokens counted in millions or
 * billions (or parameters in thousands or millions) — the law fits as well, but a compute-optimal allocation, which
 * splits C = 6·N·D in tokens and parameters, is then wrong by that unit; and <b>implausible counts</b>: an input
 * named {@code params} whose largest value is below {@value #MIN_LARGEST_PARAMS}, or one of {@link #COUNTS_OF_TOKENS}
 * below {@value #MIN_LARGEST_TOKENS} (no language model of the field is that small or that briefly trained), the mark
 * of a count in thousands, millions or billions, which a power law absorbs into its coefficient but an allocation
 * does not.
 *
 * @param failures what makes the law unidentifiable, one sentence each; empty when the data can identify it
 * @param cautions what the data identify only weakly (the few-points rule), one sentence each
 * @param distinctPoints the number of distinct input tuples the rules counted (rows repeated at the same inputs are
 *                       one point)
 */
public record Identification(List<String> failures, List<String> cautions, int distinctPoints) {

    /** Distinct values an input of a built-in law needs (rule 3). */
    public static final int MIN_DISTINCT = 3;
    /** The largest |corr(log x_i, log x_j)| of two inputs that still separates their exponents (rule 4). */
    public static final double MAX_CORRELATION = 0.99;
    /** Points a free parameter below which a fit is cautioned (the few-points rule). */
    public static final int POINTS_PER_PARAMETER = 2;
    /** Tokens per parameter D/N below which, at every point, a fit is cautioned about the units of its inputs. */
    public static final double MIN_TOKENS_PER_PARAM = 1e-2;
    /** Tokens per parameter D/N above which, at every point, a fit is cautioned about the units of its inputs. */
    public static final double MAX_TOKENS_PER_PARAM = 1e5;
    /** An input named params whose largest value is below this is cautioned as counted in a larger unit. */
    public static final double MIN_LARGEST_PARAMS = 1e5;
    /** An input of tokens ({@link #COUNTS_OF_TOKENS}) whose largest value is below this is cautioned likewise. */
    public static final double MIN_LARGEST_TOKENS = 1e7;
    /** The input names that count tokens: tokens D and unique tokens U (Muennighoff et al. 2023). */
    public static final List<String> COUNTS_OF_TOKENS = List.of("tokens", "unique_tokens");

    public Identification {
        failures = List.copyOf(failures);
        cautions = List.copyOf(cautions);
    }

    /**
     * The largest values of the inputs named {@code params} and {@code tokens} that a fit accepts as physical.
     *
     * @param maxParams largest parameter count (default 10<sup>15</sup>)
     * @param maxTokens largest token count (default 10<sup>16</sup>)
     */
    public record Limits(double maxParams, double maxTokens) {

        /** 10<sup>15</sup> parameters, 10<sup>16</sup> tokens. */
        public static final Limits DEFAULTS = new Limits(1e15, 1e16);

        public Limits {
            if (!(maxParams > 0) || !(maxTokens > 0)) {
                throw new IllegalArgumentException("physical limits must be positive, got params ≤ " + maxParams
                        + ", tokens ≤ " + maxTokens);
            }
        }

        /** These limits with at most {@code maxParams} parameters. */
        public Limits withMaxParams(double value) {
            return new Limits(value, maxTokens);
        }

        /** These limits with at most {@code maxTokens} tokens. */
        public Limits withMaxTokens(double value) {
            return new Limits(maxParams, value);
        }

        /** The limit on the input named {@code name}, or +∞ when no limit applies to it. */
        double limitOf(String name) {
            return switch (name) {
                case "params" -> maxParams;
                case "tokens" -> maxTokens;
                default -> Double.POSITIVE_INFINITY;
            };
        }
    }

    /** All five rules for the built-in law {@code law} (2k+1 parameters) on {@code observations}. */
    public static Identification of(LawForm law, Observations observations, Limits limits) {
        int k = observations.arity();
        double[][] columns = new double[k][observations.size()];
        for (int i = 0; i < observations.size(); i++) {
            for (int j = 0; j < k; j++) {
                columns[j][i] = observations.input(i, j);
            }
        }
        return ofColumns(observations.inputNames(), columns, law.parameterCount(), MIN_DISTINCT, limits);
    }

    /**
     * The rules for a law with {@code freeParameters} parameters fitted to {@code columns} (columns[j][i] is input j
     * at point i, named {@code names.get(j)}); {@code minDistinct} is the number of distinct values each input needs
     * (rule 3; 2 checks only rule 2). Rule 4 is applied to the inputs whose values are all positive.
     */
    public static Identification ofColumns(List<String> names, double[][] columns, int freeParameters,
                                           int minDistinct, Limits limits) {
        Objects.requireNonNull(limits, "limits");
        if (names.size() != columns.length) {
            throw new IllegalArgumentException(names.size() + " names for " + columns.length + " columns");
        }
        List<String> failures = new ArrayList<>();
        List<String> cautions = new ArrayList<>();
        int n = columns.length == 0 ? 0 : columns[0].length;
        int distinctPoints = distinctPoints(columns, n);
        String points = distinctPoints == n ? String.format(Locale.ROOT, "%d point%s", n, n == 1 ? "" : "s")
                : String.format(Locale.ROOT, "%d distinct point%s (%d rows; rows at the same inputs are repeated "
                + "measurements of one point)", distinctPoints, distinctPoints == 1 ? "" : "s", n);
        if (distinctPoints <= freeParameters) {
            failures.add(String.format(Locale.ROOT, "too few points: %s for %d free parameters (the law needs "
                    + "at least %d distinct points to leave one residual degree of freedom)", points, freeParameters,
                    freeParameters + 1));
        } else if (distinctPoints < POINTS_PER_PARAMETER * freeParameters) {
            cautions.add(String.format(Locale.ROOT, "few points: %s for %d free parameters (%d residual degree%s "
                    + "of freedom, fewer than %d points a parameter); the fit follows single runs' noise closely, so "
                    + "bootstrap it before trusting a prescription", points, freeParameters,
                    distinctPoints - freeParameters, distinctPoints - freeParameters == 1 ? "" : "s",
                    POINTS_PER_PARAMETER));
        }
        for (int j = 0; j < columns.length; j++) {
            String name = names.get(j);
            long distinct = Arrays.stream(columns[j]).distinct().count();
            if (n > 0 && distinct == 1) {
                failures.add(String.format(Locale.ROOT, "constant input: %s is %.6g at every point, so the data "
                        + "cannot show how the loss depends on it (its effect merges with the law's other terms)", name,
                        columns[j][0]));
            } else if (n > 0 && distinct < minDistinct) {
                failures.add(String.format(Locale.ROOT, "too few distinct values: %s takes %d distinct values; its "
                        + "coefficient and exponent need at least %d", name, distinct, minDistinct));
            }
            double limit = limits.limitOf(name);
            double max = Arrays.stream(columns[j]).max().orElse(0);
            if (max > limit) {
                failures.add(String.format(Locale.ROOT, "outside physical range: %s reaches %.4g, above the limit "
                        + "%.4g (a unit or parsing error?); raise the limit to accept it", name, max, limit));
            }
        }
        int params = names.indexOf("params");
        int tokens = names.indexOf("tokens");
        if (n > 0 && params >= 0 && tokens >= 0) {
            double least = Double.POSITIVE_INFINITY;
            double most = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                least = Math.min(least, columns[tokens][i] / columns[params][i]);
                most = Math.max(most, columns[tokens][i] / columns[params][i]);
            }
            if (most < MIN_TOKENS_PER_PARAM) {
                cautions.add(String.format(Locale.ROOT, "implausible tokens per parameter: D/N is below %.3g at "
                        + "every point (at most %.3g); are the tokens counted in millions or billions, or the params "
                        + "in thousands? If so, add --unit tokens=1e9 (or 1e6), or --unit params=1e3, to read them "
                        + "as counts. The law fits, but an allocation of C = 6·N·D takes them as counts",
                        MIN_TOKENS_PER_PARAM, most));
            } else if (least > MAX_TOKENS_PER_PARAM) {
                cautions.add(String.format(Locale.ROOT, "implausible tokens per parameter: D/N is above %.3g at "
                        + "every point (at least %.3g); are the params counted in millions or thousands? If so, add "
                        + "--unit params=1e6 (or 1e3) to read them as counts. The law fits, but an allocation of "
                        + "C = 6·N·D takes them as counts", MAX_TOKENS_PER_PARAM, least));
            }
        }
        for (int j = 0; j < columns.length && n > 0; j++) {
            double least = names.get(j).equals("params") ? MIN_LARGEST_PARAMS
                    : COUNTS_OF_TOKENS.contains(names.get(j)) ? MIN_LARGEST_TOKENS : Double.NaN;
            double largest = Arrays.stream(columns[j]).max().orElse(0);
            if (largest < least) {
                String name = names.get(j);
                String option = name.equals("params") ? " If so, add --unit params=1e6 (or 1e3, 1e9) to read it as "
                        + "a count." : name.equals("tokens") ? " If so, add --unit tokens=1e9 (or 1e6, 1e3) to read it "
                        + "as a count." : "";
                cautions.add(String.format(Locale.ROOT, "implausible count: %s is at most %.3g at every point (below "
                        + "%.2e); is it counted in thousands, millions or billions?%s The law fits, but an allocation "
                        + "or prediction takes %s as a count", name, largest, least, option, name));
            }
        }
        for (int a = 0; a < columns.length; a++) {
            for (int b = a + 1; b < columns.length; b++) {
                double r = logCorrelation(columns[a], columns[b]);
                if (Math.abs(r) > MAX_CORRELATION) {
                    failures.add(String.format(Locale.ROOT, "nearly collinear inputs: corr(log %s, log %s) = %.5f "
                            + "(|corr| > %s); their exponents trade off and are not identified", names.get(a),
                            names.get(b), r, MAX_CORRELATION));
                }
            }
        }
        return new Identification(failures, cautions, distinctPoints);
    }

    /**
     * How many points a fit was made on, as it is printed: {@code 21 points}, or {@code 21 points (7 distinct)} when
     * rows repeat inputs ({@code distinct} null: not known, e.g. a result written before it was recorded).
     */
    public static String pointCount(int rows, Integer distinct) {
        String count = rows + (rows == 1 ? " point" : " points");
        return distinct == null || distinct == rows ? count : count + " (" + distinct + " distinct)";
    }

    /** True if no rule failed. */
    public boolean identified() {
        return failures.isEmpty();
    }

    /** The failures as one warning each, prefixed "not identified: ". */
    public List<String> warnings() {
        return failures.stream().map(failure -> "not identified: " + failure).toList();
    }

    /** The number of distinct input tuples (columns[0][i], …, columns[k-1][i]) among the {@code n} points. */
    private static int distinctPoints(double[][] columns, int n) {
        java.util.Set<List<Double>> tuples = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            List<Double> tuple = new ArrayList<>(columns.length);
            for (double[] column : columns) {
                tuple.add(column[i]);
            }
            tuples.add(tuple);
        }
        return tuples.size();
    }

    /**
     * Pearson's correlation of log a and log b; NaN when either is not all positive or has no spread (a constant
     * input is rule 2's).
     */
    private static double logCorrelation(double[] a, double[] b) {
        int n = a.length;
        double[] logA = new double[n];
        double[] logB = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(a[i] > 0) || !(b[i] > 0)) {
                return Double.NaN;
            }
            logA[i] = Math.log(a[i]);
            logB[i] = Math.log(b[i]);
        }
        return CentredMoments.of(logA, logB).correlation();
    }
}
