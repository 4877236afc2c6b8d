package org.scalefit.frontier;

import java.util.Optional;

/**
 * Chinchilla's Approach 1 as Gemstones runs it (McLeish et al. 2025 §3.1; Hoffmann et al. 2022 §3.1): the
 * convex-hull frontier of loss against a resource R, and power laws fitted through its runs,
 * N_opt ∝ R^a, D_opt ∝ R^b and (D/N)_opt ∝ R^(b−a), each an ordinary least-squares line in log–log space.
 *
 * @param frontier        the frontier runs
 * @param params          ln N on ln R over the frontier
 * @param tokens          ln D on ln R
 * @param tokensPerParam  ln(D/N) on ln R
 */
public record Approach1(LossFrontier frontier, LogLogFit params, LogLogFit tokens, LogLogFit tokensPerParam) {

    /**
     * Why Approach 1 cannot be computed on {@code frontier}: it has fewer than two runs (one run, or runs of one
     * resource of which only the best is on it), so no line runs through it; empty when it can.
     */
    public static Optional<String> whyNot(LossFrontier frontier) {
        if (frontier.size() >= 2) {
            return Optional.empty();
        }
        return Optional.of("the loss frontier has " + frontier.size() + " run(s); Approach 1 needs at least 2 runs "
                + "on the frontier (are there runs of different size and length?)");
    }

    /**
     * The frontier of (resource, loss) and the three fits through it; with {@code resamples} &gt; 0, pairs-bootstrap
     * 95 % intervals seeded by {@code seed}.
     *
     * @throws IllegalArgumentException if the frontier has fewer than two runs of different resource
     */
    public static Approach1 of(double[] resource, double[] loss, double[] params, double[] tokens, int resamples,
                               long seed) {
        if (params.length != resource.length || tokens.length != resource.length) {
            throw new IllegalArgumentException("resource, params and tokens differ in length");
        }
        return of(LossFrontier.convexHull(resource, loss), params, tokens, resamples, seed);
    }

    /**
     * The three fits through the runs of {@code frontier} (e.g. Gemstones' hull without its dominated runs,
     * {@link LossFrontier#withoutDominated}); {@code params} and {@code tokens} are indexed as the arrays the
     * frontier was made from.
     *
     * @throws IllegalArgumentException if the frontier has fewer than two runs of different resource
     */
    public static Approach1 of(LossFrontier frontier, double[] params, double[] tokens, int resamples, long seed) {
        if (params.length != tokens.length) {
            throw new IllegalArgumentException("params and tokens differ in length");
        }
        Optional<String> missing = whyNot(frontier);
        if (missing.isPresent()) {
            throw new IllegalArgumentException(missing.get());
        }
        int[] rows = frontier.rows();
        double[] r = frontier.resource();
        double[] n = new double[rows.length];
        double[] d = new double[rows.length];
        double[] ratio = new double[rows.length];
        for (int t = 0; t < rows.length; t++) {
            n[t] = params[rows[t]];
            d[t] = tokens[rows[t]];
            ratio[t] = d[t] / n[t];
        }
        return new Approach1(frontier, fit(r, n, resamples, seed), fit(r, d, resamples, seed + 1),
                fit(r, ratio, resamples, seed + 2));
    }

    private static LogLogFit fit(double[] x, double[] y, int resamples, long seed) {
        return resamples > 0 ? LogLogFit.withBootstrap(x, y, resamples, 0.95, seed) : LogLogFit.of(x, y);
    }
}
