package org.scalefit.cli;

/** Runs of a user's own table in tests: the losses of Chinchilla's law L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28. */
final class ChinchillaRuns {

    private ChinchillaRuns() {
    }

    /** A {@code params,tokens,loss} CSV with a run at every pair of {@code sizes} and {@code tokens}. */
    static String csv(double[] sizes, double[] tokens) {
        StringBuilder csv = new StringBuilder("params,tokens,loss\n");
        for (double n : sizes) {
            for (double d : tokens) {
                csv.append(n).append(',').append(d).append(',')
                        .append(1.69 + 406.4 * Math.pow(n, -0.34) + 410.7 * Math.pow(d, -0.28)).append('\n');
            }
        }
        return csv.toString();
    }

    /** Six sizes of 5·10⁷ to 1.6·10⁹ parameters, each at five token counts of 2·10⁹ to 3.2·10¹⁰. */
    static String ladder() {
        return csv(new double[] {5e7, 1e8, 2e8, 4e8, 8e8, 1.6e9}, new double[] {2e9, 4e9, 8e9, 1.6e10, 3.2e10});
    }
}
