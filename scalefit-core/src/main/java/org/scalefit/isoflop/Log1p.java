package org.scalefit.isoflop;

/**
 * fdlibm's {@code log1p} ({@code s_log1p.c}, fdlibm 5.3) in Java, bit for bit equal to {@link StrictMath#log1p}
 * (which Java 17 reaches through a native call, as does {@link Math#log1p}); the saturating-loss fits evaluate
 * logaddexp millions of times, and the call overhead was a fifth of their time.
 *
 * <p>Method (from the original): reduce 1 + x = 2^k·(1 + f) with √2/2 &lt; 1 + f &lt; √2, keep the rounding error
 * of 1 + x as a correction c/u, then log(1 + f) = f − (hfsq − s·(hfsq + R)) with s = f/(2 + f), hfsq = f²/2 and
 * R a degree-7 polynomial in s² (Remez, error &lt; 2^−58.45), and log1p(x) = k·ln2_hi + (f − (hfsq − (s·(hfsq + R)
 * + (k·ln2_lo + c)))).
 *
 * <pre>
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 * </pre>
 */
final class Log1p {

    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double TWO54 = 1.80143985094819840000e+16;
    private static final double LP1 = 6.666666666666735130e-01;
    private static final double LP2 = 3.999999999940941908e-01;
    private static final double LP3 = 2.857142874366239149e-01;
    private static final double LP4 = 2.222219843214978396e-01;
    private static final double LP5 = 1.818357216161805012e-01;
    private static final double LP6 = 1.531383769920937332e-01;
    private static final double LP7 = 1.479819860511658591e-01;

    /** log(1 + x), bit for bit {@code StrictMath.log1p(x)}. */
    static double log1p(double x) {
        double hfsq, f = 0, c = 0, s, z, r, u;
        int k, hx, hu = 0, ax;
        hx = (int) (Double.doubleToRawLongBits(x) >>> 32);
        ax = hx & 0x7fffffff;
        k = 1;
        if (hx < 0x3FDA827A) {
            if (ax >= 0x3ff00000) {
                if (x == -1.0) {
                    return Double.NEGATIVE_INFINITY;
                }
                return Double.NaN;
            }
            if (ax < 0x3e200000) {
                if (TWO54 + x > 0 && ax < 0x3c900000) {
                    return x;
                }
                return x - x * x * 0.5;
            }
            if (hx > 0 || hx <= 0xbfd2bec3) {
                k = 0;
                f = x;
                hu = 1;
            }
        }
        if (hx >= 0x7ff00000) {
            return x + x;
        }
        if (k != 0) {
            if (hx < 0x43400000) {
                u = 1.0 + x;
                hu = (int) (Double.doubleToRawLongBits(u) >>> 32);
                k = (hu >> 20) - 1023;
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
                c /= u;
            } else {
                u = x;
                hu = (int) (Double.doubleToRawLongBits(u) >>> 32);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000fffff;
            long low = Double.doubleToRawLongBits(u) & 0xffffffffL;
            if (hu < 0x6a09e) {
                u = Double.longBitsToDouble(((long) (hu | 0x3ff00000) << 32) | low);
            } else {
                k += 1;
                u = Double.longBitsToDouble(((long) (hu | 0x3fe00000) << 32) | low);
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        hfsq = 0.5 * f * f;
        if (hu == 0) {
            if (f == 0) {
                if (k == 0) {
                    return 0;
                }
                c += k * LN2_LO;
                return k * LN2_HI + c;
            }
            r = hfsq * (1.0 - 0.66666666666666666 * f);
            if (k == 0) {
                return f - r;
            }
            return k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
        }
        s = f / (2.0 + f);
        z = s * s;
        r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
        if (k == 0) {
            return f - (hfsq - s * (hfsq + r));
        }
        return k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
    }

    private Log1p() {
    }
}
