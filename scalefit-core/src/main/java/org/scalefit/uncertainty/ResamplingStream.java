package org.scalefit.uncertainty;

import java.util.SplittableRandom;
import org.hipparchus.random.MersenneTwister;

/**
 * Where the random numbers of bootstraps come from: the row indices of resamples ({@link #resamples}) and the
 * standard normals of noise bootstraps ({@link #normals}). Both streams depend only on the seed, never on threads.
 */
public enum ResamplingStream {

    /**
     * NumPy's legacy global generator as Epoch AI's notebook uses it ({@code np.random.seed(seed)}, then
     * {@code np.random.choice(n, n, replace=True)} once per replicate, in order): MT19937 seeded with
     * {@code init_genrand(seed)}, each index drawn as {@code next32() & mask} with mask = 2^⌈log₂ n⌉ − 1 and
     * rejected while ≥ n. Reproduces the notebook's resamples exactly; generated sequentially.
     */
    NUMPY_RANDOM_STATE {
        @Override
        int[][] indices(long seed, int replicates, int n) {
            MersenneTwister twister = new MersenneTwister((int) seed);
            int mask = n <= 1 ? 0 : -1 >>> Integer.numberOfLeadingZeros(n - 1);
            int[][] all = new int[replicates][n];
            if (n <= 1) {
                return all;
            }
            for (int[] replicate : all) {
                for (int t = 0; t < n; t++) {
                    int position;
                    do {
                        position = twister.nextInt() & mask;
                    } while (position >= n);
                    replicate[t] = position;
                }
            }
            return all;
        }
    },

    /** One {@link SplittableRandom} per replicate, split in order from one seeded with the seed. */
    SPLITTABLE {
        @Override
        int[][] indices(long seed, int replicates, int n) {
            SplittableRandom root = new SplittableRandom(seed);
            int[][] all = new int[replicates][n];
            for (int[] replicate : all) {
                SplittableRandom random = root.split();
                for (int t = 0; t < n; t++) {
                    replicate[t] = random.nextInt(n);
                }
            }
            return all;
        }
    };

    /** The row indices (0 … n−1) of {@code replicates} resamples of n rows with replacement. */
    abstract int[][] indices(long seed, int replicates, int n);

    /**
     * A source of standard normal matrices from {@code seed}: for {@link #NUMPY_RANDOM_STATE} the stream NumPy's legacy
     * {@code np.random.normal(0, 1, (rows, cols))} draws after {@code np.random.seed(seed)} ({@link NumpyRandomState},
     * exact replay); for {@link #SPLITTABLE} each matrix from its own {@link SplittableRandom}, split in call order
     * from one seeded with the seed, filled row by row with {@link SplittableRandom#nextGaussian()} (fast; equal
     * to NumPy's only in distribution).
     */
    public NormalSource normals(long seed) {
        if (this == NUMPY_RANDOM_STATE) {
            return new NumpyRandomState((int) seed);
        }
        SplittableRandom root = new SplittableRandom(seed);
        return (rows, cols) -> {
            SplittableRandom random = root.split();
            double[][] matrix = new double[rows][cols];
            for (double[] row : matrix) {
                for (int j = 0; j < cols; j++) {
                    row[j] = random.nextGaussian();
                }
            }
            return matrix;
        };
    }

    /** The first {@code replicates} resamples of n rows from {@code seed}, as row indices. */
    public int[][] resamples(long seed, int replicates, int n) {
        if (replicates < 0 || n < 1) {
            throw new IllegalArgumentException("need n ≥ 1 rows and a non-negative number of replicates");
        }
        return indices(seed, replicates, n);
    }
}
