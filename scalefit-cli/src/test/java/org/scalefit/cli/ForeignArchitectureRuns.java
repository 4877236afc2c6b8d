package org.scalefit.cli;

import java.util.Locale;
import org.scalefit.accounting.Architecture;

/**
 * A user's width–depth runs counted with an architecture other than Gemstones': 8 shapes × 5 token counts, params the
 * exact count of {@link #ARCHITECTURE} (vocabulary 32 000, head size 64, one query per key-value head, MLP ×4), losses
 * exactly L = 1.2 + e^2.1·w^−0.26 + e^0.75·d^−0.14 + e^11.3·t^−0.53 (no noise).
 */
final class ForeignArchitectureRuns {

    /** The runs' architecture. */
    static final Architecture ARCHITECTURE = new Architecture(32000, 2048, 64, 1, 4);

    /** The options that name {@link #ARCHITECTURE} to shapes and parabola. */
    static final String[] OPTIONS = {"--vocab", "32000", "--head-size", "64", "--queries-per-group", "1"};

    private static final int[][] SHAPES = {{512, 8}, {768, 12}, {1024, 16}, {1280, 10}, {1536, 24}, {2048, 20},
            {2560, 32}, {3072, 28}};
    private static final double[] TOKENS = {2e9, 5e9, 1e10, 2e10, 5e10};

    private ForeignArchitectureRuns() {
    }

    /** The runs as CSV: width, depth, params, tokens, loss. */
    static String csv() {
        StringBuilder csv = new StringBuilder("width,depth,params,tokens,loss\n");
        for (int[] shape : SHAPES) {
            for (double tokens : TOKENS) {
                double loss = 1.2 + Math.exp(2.1) * Math.pow(shape[0], -0.26) + Math.exp(0.75)
                        * Math.pow(shape[1], -0.14) + Math.exp(11.3) * Math.pow(tokens, -0.53);
                csv.append(String.format(Locale.ROOT, "%d,%d,%.0f,%.0f,%.8f%n", shape[0], shape[1],
                        ARCHITECTURE.parameters(shape[0], shape[1]), tokens, loss));
            }
        }
        return csv.toString();
    }
}
