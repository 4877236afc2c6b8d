package org.scalefit.fit;

/**
 * Natural logarithm and exponential by table lookup and a short polynomial (Tang 1989, 1990), for the inner loop
 * of {@link HuberLogLossObjective}.
 *
 * <pre>
 *   log x = k·ln 2 − ln(1/c_j) + log1p(m/c_j − 1),   x = 2^k·m, m ∈ [1, 2), c_j the centre of m's 1/256 slice;
 *   exp x = 2^(n/128)·exp(r),                          n = round(128·x/ln 2), |r| ≤ ln 2/256,
 * </pre>
 * with log1p and exp of the small remainder as Taylor polynomials (degree 5, |remainder| ≤ 2⁻⁹; truncation error
 * below 10⁻¹⁷), the logarithm's evaluated in Estrin's scheme for a short dependency chain.
 *
 * <p>Why hand-written: the Approach-3 objective takes one logarithm per point and, on tables without repeated
 * inputs, k exponentials per point, millions of times per grid; on this project's machines {@link Math#log} and
 * {@link Math#exp} cost about 10 ns each, Hipparchus' {@code FastMath} more, and these about half. Accuracy, as the
 * tests check: {@code exp} within 2 ulp; {@code log} within 2 ulp of max(1, |log x|), i.e. an absolute error of at
 * most 4.5·10⁻¹⁶ near x = 1 — what matters for a log-space residual. Arguments outside the normal range (zero,
 * subnormal, ∞, NaN, and exponents that under- or overflow) are delegated to {@link Math}. Public for the compiled
 * law expressions of {@code org.scalefit.law.expr}, whose inner loops are the same.
 */
public final class TableLogExp {

    private static final int LOG_TABLE_BITS = 8;
    private static final int LOG_TABLE_SIZE = 1 << LOG_TABLE_BITS;
    private static final double[] LOG_INVERSE_CENTRE = new double[LOG_TABLE_SIZE];
    private static final double[] LOG_CENTRE = new double[LOG_TABLE_SIZE];
    private static final double LN2_HI = 0.6931471805598903;   // ln 2 rounded to 42 bits, so k·LN2_HI is exact
    private static final double LN2_LO = 5.497923018708371e-14;

    private static final int EXP_TABLE_BITS = 7;
    private static final int EXP_TABLE_SIZE = 1 << EXP_TABLE_BITS;
    private static final double[] EXP_TABLE = new double[EXP_TABLE_SIZE];
    private static final double EXP_SCALE = EXP_TABLE_SIZE / Math.log(2);
    /** ln 2 split with a 32-bit leading part, so n·hi is exact for every n the exponential meets (|n| &lt; 2²¹). */
    private static final double EXP_STEP_HI = 6.93147180369123816490e-01 / EXP_TABLE_SIZE;
    private static final double EXP_STEP_LO = 1.90821492927058770002e-10 / EXP_TABLE_SIZE;
    /** 1.5·2⁵²: adding it rounds a double of magnitude below 2⁵¹ to an integer held in the low mantissa bits. */
    private static final double ROUNDING_SHIFTER = 6755399441055744.0;
    private static final double EXP_LOWEST = -708.0;
    private static final double EXP_HIGHEST = 709.0;

    static {
        for (int j = 0; j < LOG_TABLE_SIZE; j++) {
            double centre = 1 + (j + 0.5) / LOG_TABLE_SIZE;
            LOG_INVERSE_CENTRE[j] = 1 / centre;
            LOG_CENTRE[j] = -StrictMath.log(LOG_INVERSE_CENTRE[j]);
        }
        for (int j = 0; j < EXP_TABLE_SIZE; j++) {
            EXP_TABLE[j] = StrictMath.pow(2, (double) j / EXP_TABLE_SIZE);
        }
    }

    private TableLogExp() {
    }

    /** The natural logarithm of x. */
    public static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        if (bits < 0x0010000000000000L || bits >= 0x7FF0000000000000L) {
            return Math.log(x);
        }
        long exponent = (bits >>> 52) - 1023;
        int slice = (int) (bits >>> (52 - LOG_TABLE_BITS)) & (LOG_TABLE_SIZE - 1);
        double mantissa = Double.longBitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        double r = mantissa * LOG_INVERSE_CENTRE[slice] - 1;
        double r2 = r * r;
        double log1p = r + r2 * (r * (1.0 / 3) - 0.5) + (r2 * r2) * (r * 0.2 - 0.25);
        return exponent * LN2_HI + (exponent * LN2_LO + LOG_CENTRE[slice] + log1p);
    }

    /**
     * out[i] = {@link #log}(x[i]) for i &lt; n, bit for bit, for arguments the caller knows to be positive, normal and
     * finite (no range check). The same operations as {@link #log} split over two loops: the first, per element,
     * takes the bits apart and looks up the tables (a gather, which the JIT does not vectorise), leaving m/c_j − 1 in
     * out, k in {@code exponents} and ln c_j in {@code centres}; the second, branch-free arithmetic on those three
     * arrays alone, is the one the JIT vectorises.
     */
    static void logsOfNormals(double[] x, double[] out, double[] exponents, double[] centres, int n) {
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(x[i]);
            int slice = (int) (bits >>> (52 - LOG_TABLE_BITS)) & (LOG_TABLE_SIZE - 1);
            double mantissa = Double.longBitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
            out[i] = mantissa * LOG_INVERSE_CENTRE[slice] - 1;
            exponents[i] = (bits >>> 52) - 1023;
            centres[i] = LOG_CENTRE[slice];
        }
        for (int i = 0; i < n; i++) {
            double r = out[i];
            double exponent = exponents[i];
            double r2 = r * r;
            double log1p = r + r2 * (r * (1.0 / 3) - 0.5) + (r2 * r2) * (r * 0.2 - 0.25);
            out[i] = exponent * LN2_HI + (exponent * LN2_LO + centres[i] + log1p);
        }
    }

    /**
     * out[i] = {@link #exp}(x[i] − shift) for i &lt; n, bit for bit. The same operations as {@link #exp} split over
     * three loops: the first takes the bits of the rounded multiple of ln 2/128 apart and looks up the table (a
     * gather, which the JIT does not vectorise), leaving in {@code nearest}, {@code table} and {@code scale} the
     * multiple, 2^(j/128) and 2^⌊n/128⌋; the second, the polynomial and the products, is branch-free arithmetic on
     * arrays that the JIT vectorises; the third redoes with {@link Math#exp} the arguments outside the table's range
     * (whose entries the first two loops filled with meaningless values).
     */
    static void expsShifted(double[] x, double shift, double[] out, double[] nearest, double[] table,
                            double[] scale, int n) {
        for (int i = 0; i < n; i++) {
            double shifted = (x[i] - shift) * EXP_SCALE + ROUNDING_SHIFTER;
            long bits = Double.doubleToRawLongBits(shifted);
            nearest[i] = shifted - ROUNDING_SHIFTER;
            table[i] = EXP_TABLE[(int) bits & (EXP_TABLE_SIZE - 1)];
            scale[i] = Double.longBitsToDouble((long) (((int) bits >> EXP_TABLE_BITS) + 1023) << 52);
        }
        for (int i = 0; i < n; i++) {
            double argument = x[i] - shift;
            double whole = nearest[i];
            double r = (argument - whole * EXP_STEP_HI) - whole * EXP_STEP_LO;
            double expR = 1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120)))));
            out[i] = scale[i] * (table[i] * expR);
        }
        for (int i = 0; i < n; i++) {
            double argument = x[i] - shift;
            if (!(argument > EXP_LOWEST && argument < EXP_HIGHEST)) {
                out[i] = Math.exp(argument);
            }
        }
    }

    /** e to the power x. */
    public static double exp(double x) {
        if (!(x > EXP_LOWEST && x < EXP_HIGHEST)) {
            return Math.exp(x);
        }
        double shifted = x * EXP_SCALE + ROUNDING_SHIFTER;
        long n = Double.doubleToRawLongBits(shifted);
        double nearest = shifted - ROUNDING_SHIFTER;
        double r = (x - nearest * EXP_STEP_HI) - nearest * EXP_STEP_LO;
        double expR = 1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120)))));
        int whole = (int) n >> EXP_TABLE_BITS;
        double scale = Double.longBitsToDouble((long) (whole + 1023) << 52);
        return scale * (EXP_TABLE[(int) n & (EXP_TABLE_SIZE - 1)] * expR);
    }
}
