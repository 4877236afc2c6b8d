package org.scalefit.sensitivity;

import java.util.Objects;
import org.scalefit.law.AllocationRule;
import org.scalefit.law.ComputeOptimalAllocation;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.law.PowerLawAllocation;

/**
 * One line of Gemstones' "rainbow" plot: a compute-optimal model size as a power law in compute,
 * N_opt(C) = k·(C/C₀)^s, whose exponent s is the line's slope.
 * <ul>
 *   <li>Approach 3, from a params/tokens law (Hoffmann et al. 2022 eq. 4): k = G = (αA/(βB))^(1/(α+β)), C₀ = 6,
 *       s = a = β/(α+β);</li>
 *   <li>Approach 1, from a log–log regression ln N = s·ln C + c of the frontier: k = e^c, C₀ = 1;</li>
 *   <li>reference laws (Epoch AI's Chinchilla fit, Kaplan et al.), drawn for comparison but not in the table.</li>
 * </ul>
 *
 * @param label       how the line is named
 * @param family      which approach it comes from
 * @param variant     its data variant (token range, cooldown, LR ablation, embeddings)
 * @param scale       k
 * @param computeUnit C₀
 * @param slope       s
 */
public record RainbowLine(String label, Family family, LineVariant variant, double scale, double computeUnit,
                          double slope) {

    /** Where a line comes from; Δ are taken within a family. */
    public enum Family {
        /** A log–log regression along the loss frontier (Chinchilla's Approach 1). */
        APPROACH_1,
        /** A parametric params/tokens law (Chinchilla's Approach 3). */
        APPROACH_3,
        /** Another study's published allocation. */
        REFERENCE
    }

    public RainbowLine {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(variant, "variant");
        if (!(scale > 0) || !(computeUnit > 0) || !Double.isFinite(slope) || Double.isInfinite(scale)
                || Double.isInfinite(computeUnit)) {
            throw new IllegalArgumentException("line '" + label + "' is not a power law N = k·(C/C₀)^s with k, C₀ > 0: k = "
                    + scale + ", C₀ = " + computeUnit + ", s = " + slope);
        }
    }

    /**
     * The Approach-3 line of a params/tokens law.
     *
     * @throws IllegalArgumentException if the law is not a params/tokens law with positive exponents
     */
    public static RainbowLine ofLaw(String label, LineVariant variant, FittedLaw law) {
        if (!law.form().equals(LawForm.CHINCHILLA)) {
            throw new IllegalArgumentException("line '" + label + "' needs a params/tokens law, got " + law.form().name());
        }
        ComputeOptimalAllocation allocation = ComputeOptimalAllocation.ofChinchillaParameters(law.theta());
        return new RainbowLine(label, Family.APPROACH_3, variant, allocation.g(), 6, allocation.paramsExponent());
    }

    /** The Approach-1 line of a regression ln N_opt = slope·ln C + intercept. */
    public static RainbowLine ofRegression(String label, LineVariant variant, double slope, double intercept) {
        return new RainbowLine(label, Family.APPROACH_1, variant, Math.exp(intercept), 1, slope);
    }

    /**
     * A reference line from an allocation rule: a params/tokens law's eq. 4 or a power law in compute.
     *
     * @throws IllegalArgumentException for any other kind of rule
     */
    public static RainbowLine ofReference(String label, AllocationRule rule) {
        LineVariant variant = new LineVariant(LineVariant.UNKNOWN, false, false, true, false);
        if (rule instanceof ComputeOptimalAllocation law) {
            return new RainbowLine(label, Family.REFERENCE, variant, law.g(), 6, law.paramsExponent());
        }
        if (rule instanceof PowerLawAllocation power) {
            return new RainbowLine(label, Family.REFERENCE, variant, power.coefficient(), power.computeUnit(),
                    power.exponent());
        }
        throw new IllegalArgumentException("line '" + label + "': no power-law form for " + rule);
    }

    /** N_opt at {@code compute} FLOPs. */
    public double paramsAt(double compute) {
        return scale * Math.pow(compute / computeUnit, slope);
    }
}
