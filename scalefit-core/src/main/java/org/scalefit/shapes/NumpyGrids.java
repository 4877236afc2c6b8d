package org.scalefit.shapes;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * numpy's {@code linspace}, {@code logspace} and {@code log10} as Gemstones' scripts call them (numpy 1.24 on
 * x86-64 glibc, no AVX-512), reproduced to the bit where the integers of a grid depend on it.
 *
 * <ul>
 *   <li>{@code linspace(start, stop, n)}: y<sub>i</sub> = i·step + start with step = (stop − start)/(n − 1), and
 *       y<sub>n−1</sub> = stop (numpy {@code function_base.py}).</li>
 *   <li>{@code log10}: glibc's {@code __ieee754_log10} (fdlibm's reduction x = 2<sup>k</sup>·m, m ∈ [1, 2):
 *       (k·log10_2lo + ivln10·ln m) + k·log10_2hi) on a correctly rounded ln m (double-double). glibc's own ln
 *       is within 0.52 ulp, so it rounds the same way except in rare hard cases (3 of the 262 000 arguments 16·w and w // 2048 for
 *       w = 256 … 131 072 differ, none of them on Gemstones' grid); Java's {@code Math}/{@code StrictMath.log10}
 *       round differently for about 1 % of them, which moves grid end points such as 10^log10(4368).</li>
 *   <li>{@code int(base**y)}: truncation of the correctly rounded power. {@code Math.pow} (within 1 ulp) is used
 *       when its result is more than 4 ulp from an integer (truncation cannot then depend on the last bits);
 *       otherwise the power is evaluated in double-double arithmetic (about 32 digits) and rounded, as glibc's pow
 *       (0.52 ulp) rounds it.</li>
 * </ul>
 */
public final class NumpyGrids {

    private static final MathContext WIDE = new MathContext(40, RoundingMode.HALF_EVEN);
    private static final BigDecimal LN2 = atanhSeries(BigDecimal.ONE.divide(BigDecimal.valueOf(3), WIDE))
            .multiply(BigDecimal.valueOf(2), WIDE);
    private static final BigDecimal LN10 = wideLn(10);
    private static final double[] LN2_DD = split(LN2);
    private static final double[] LN10_DD = split(LN10);

    // fdlibm / glibc e_log10.c constants
    private static final double IVLN10 = Double.longBitsToDouble(0x3FDBCB7B1526E50EL);
    private static final double LOG10_2HI = Double.longBitsToDouble(0x3FD34413509F6000L);
    private static final double LOG10_2LO = Double.longBitsToDouble(0x3D59FEF311F12B36L);

    private NumpyGrids() {
    }

    /** numpy's {@code linspace(start, stop, num)} with the end point, to the bit. */
    public static double[] linspace(double start, double stop, int num) {
        double[] y = new double[num];
        if (num == 1) {
            y[0] = start;
            return y;
        }
        double delta = stop - start;
        double step = delta / (num - 1);
        for (int i = 0; i < num; i++) {
            y[i] = (step == 0 ? i / (double) (num - 1) * delta : i * step) + start;
        }
        y[num - 1] = stop;
        return y;
    }

    /** {@code logspace(start, stop, num, base).astype(int)}: the truncated powers, as numpy on glibc gives them. */
    static long[] truncatedLogspace(double start, double stop, int num, double base) {
        double[] y = linspace(start, stop, num);
        long[] values = new long[num];
        for (int i = 0; i < num; i++) {
            values[i] = truncatedPow(base, y[i]);
        }
        return values;
    }

    /** {@code base ** linspace(start, stop, num)}, each power correctly rounded (slow: for a few edges only). */
    static double[] logspace(double start, double stop, int num, double base) {
        double[] y = linspace(start, stop, num);
        for (int i = 0; i < num; i++) {
            y[i] = roundedPow(base, y[i]);
        }
        return y;
    }

    /** glibc's log10 of a positive finite x (−∞ for 0). */
    static double log10(double x) {
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (!(x > 0) || Double.isInfinite(x) || x < Double.MIN_NORMAL) {
            throw new IllegalArgumentException("log10 needs a positive finite normal number, got " + x);
        }
        long bits = Double.doubleToRawLongBits(x);
        int k = (int) (bits >>> 52) - 1023;
        int negative = k < 0 ? 1 : 0;
        double mantissa = Double.longBitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | ((long) (0x3ff - negative) << 52));
        double y = k + negative;
        double z = y * LOG10_2LO + IVLN10 * roundedLn(mantissa);
        return z + y * LOG10_2HI;
    }

    /** (long) base<sup>y</sup>, with base<sup>y</sup> correctly rounded wherever the truncation depends on it. */
    static long truncatedPow(double base, double y) {
        double fast = Math.pow(base, y);
        double nearest = Math.rint(fast);
        if (Math.abs(fast - nearest) > 4 * Math.ulp(fast)) {
            return (long) fast;
        }
        return (long) roundedPow(base, y);
    }

    /** base<sup>y</sup> for base 2 or 10, correctly rounded: exp(y·ln base) in double-double arithmetic. */
    static double roundedPow(double base, double y) {
        double[] lnBase = base == 10 ? LN10_DD : base == 2 ? LN2_DD : split(wideLn(base));
        double[] exponent = mulDouble(lnBase, y);
        double[] power = exp(exponent[0], exponent[1]);
        return power[0] + power[1];
    }

    /**
     * ln x for a positive finite x, correctly rounded: l = Math.log(x) (within 1 ulp), then ln x = l + ln(x·e^−l)
     * with x·e^−l − 1 = ε ≈ 10⁻¹⁶ evaluated in double-double (ln(1 + ε) = ε − ε²/2 + …).
     */
    static double roundedLn(double x) {
        double l = Math.log(x);
        double[] scaled = mulDouble(exp(-l, 0), x);
        double[] epsilon = add(scaled, new double[] {-1, 0});
        double[] ln = add(new double[] {l, 0}, new double[] {epsilon[0], epsilon[1] - epsilon[0] * epsilon[0] / 2});
        return ln[0] + ln[1];
    }

    // ---- double-double arithmetic (Dekker 1971; Hida, Li and Bailey's QD library): {hi, lo}, |lo| ≤ ulp(hi)/2 ----

    private static double[] split(BigDecimal value) {
        double hi = value.doubleValue();
        return new double[] {hi, value.subtract(new BigDecimal(hi)).doubleValue()};
    }

    private static double[] twoSum(double a, double b) {
        double s = a + b;
        double v = s - a;
        return new double[] {s, (a - (s - v)) + (b - v)};
    }

    private static double[] quickTwoSum(double a, double b) {
        double s = a + b;
        return new double[] {s, b - (s - a)};
    }

    private static double[] add(double[] a, double[] b) {
        double[] s = twoSum(a[0], b[0]);
        double[] t = twoSum(a[1], b[1]);
        s = quickTwoSum(s[0], s[1] + t[0]);
        return quickTwoSum(s[0], s[1] + t[1]);
    }

    private static double[] mul(double[] a, double[] b) {
        double p = a[0] * b[0];
        double e = Math.fma(a[0], b[0], -p);
        return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
    }

    private static double[] mulDouble(double[] a, double b) {
        double p = a[0] * b;
        double e = Math.fma(a[0], b, -p);
        return quickTwoSum(p, e + a[1] * b);
    }

    private static double[] divInt(double[] a, int n) {
        double q = a[0] / n;
        double[] back = mulDouble(new double[] {q, 0}, n);
        double rest = ((a[0] - back[0]) - back[1]) + a[1];
        return quickTwoSum(q, rest / n);
    }

    /**
     * e^(hi + lo) in double-double: the argument less k·ln 2 (|r| ≤ ln 2/2), e^(r/256) by 12 Taylor terms (Horner),
     * squared 8 times, scaled by 2^k. Relative error about 10⁻³⁰.
     */
    private static double[] exp(double hi, double lo) {
        double k = Math.rint(hi / LN2_DD[0]);
        double[] r = add(new double[] {hi, lo}, mulDouble(LN2_DD, -k));
        r = new double[] {r[0] / 256, r[1] / 256};
        double[] sum = {1, 0};
        for (int n = 12; n >= 1; n--) {
            sum = add(new double[] {1, 0}, mul(divInt(r, n), sum));
        }
        for (int squaring = 0; squaring < 8; squaring++) {
            sum = mul(sum, sum);
        }
        int power = (int) k;
        return new double[] {Math.scalb(sum[0], power), Math.scalb(sum[1], power)};
    }

    // ---- 40-digit constants ----

    /** ln x to 40 digits: x = m·2^k with m ∈ [1, 2), ln m = 2·atanh((m − 1)/(m + 1)). */
    private static BigDecimal wideLn(double x) {
        int k = Math.getExponent(x);
        BigDecimal m = new BigDecimal(x / Math.scalb(1.0, k));
        BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), WIDE);
        return atanhSeries(z).multiply(BigDecimal.valueOf(2), WIDE).add(LN2.multiply(BigDecimal.valueOf(k), WIDE),
                WIDE);
    }

    /** atanh z = z + z³/3 + z⁵/5 + … for |z| ≤ 1/3, to 40 digits. */
    private static BigDecimal atanhSeries(BigDecimal z) {
        BigDecimal z2 = z.multiply(z, WIDE);
        BigDecimal power = z;
        BigDecimal sum = z;
        BigDecimal tolerance = BigDecimal.ONE.movePointLeft(45);
        for (int n = 3; ; n += 2) {
            power = power.multiply(z2, WIDE);
            BigDecimal term = power.divide(BigDecimal.valueOf(n), WIDE);
            sum = sum.add(term, WIDE);
            if (term.abs().compareTo(tolerance) < 0) {
                return sum;
            }
        }
    }
}
