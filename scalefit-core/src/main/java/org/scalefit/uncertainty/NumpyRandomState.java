package org.scalefit.uncertainty;

import org.hipparchus.random.MersenneTwister;

/**
 * NumPy's legacy global generator ({@code numpy.random.seed(seed)} followed by {@code numpy.random.random()} and
 * {@code numpy.random.normal(0, 1, shape)}), reproduced bit for bit so that analyses whose published numbers came from
 * it can be replayed exactly (NumPy {@code randomkit}/{@code legacy-distributions.c}).
 *
 * <ul>
 *   <li>MT19937 seeded with {@code init_genrand(seed)} (Hipparchus {@link MersenneTwister#MersenneTwister(int)};
 *       {@code setSeed(int[])} would seed differently);</li>
 *   <li>{@link #nextDouble()}: a = next32 ⋙ 5, b = next32 ⋙ 6, u = (a·2^26 + b)/2^53 ({@code legacy_double});</li>
 *   <li>{@link #nextGaussian()}: the polar Box–Muller method with a cached second value ({@code legacy_gauss}):
 *       draw x1 = 2u − 1, x2 = 2u′ − 1 until 0 &lt; r² = x1² + x2² &lt; 1, f = √(−2 ln r² / r²), return f·x2 and
 *       keep f·x1 for the next call. The logarithm is {@link StrictMath#log} (fdlibm); glibc's may differ by one ulp
 *       in rare cases.</li>
 * </ul>
 * With seed 42 the first normals are 0.4967141530112327, −0.13826430117118466, 0.6476885381006925.
 *
 * <p>Stateful and not thread-safe: one instance is one sequential stream.
 */
public final class NumpyRandomState implements NormalSource {

    private final MersenneTwister twister;
    private boolean hasCached;
    private double cached;

    /** The stream after {@code numpy.random.seed(seed)}. */
    public NumpyRandomState(int seed) {
        this.twister = new MersenneTwister(seed);
    }

    /** The next uniform double in [0, 1) with 53 random bits, as {@code numpy.random.random()}. */
    public double nextDouble() {
        long a = Integer.toUnsignedLong(twister.nextInt()) >>> 5;
        long b = Integer.toUnsignedLong(twister.nextInt()) >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** The next standard normal, as {@code numpy.random.normal(0, 1)} (legacy polar method). */
    public double nextGaussian() {
        if (hasCached) {
            hasCached = false;
            return cached;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * StrictMath.log(r2) / r2);
        cached = f * x1;
        hasCached = true;
        return f * x2;
    }

    /** {@code numpy.random.normal(0, 1, (rows, cols))}: filled row by row. */
    @Override
    public double[][] nextMatrix(int rows, int cols) {
        double[][] matrix = new double[rows][cols];
        for (double[] row : matrix) {
            for (int j = 0; j < cols; j++) {
                row[j] = nextGaussian();
            }
        }
        return matrix;
    }
}
