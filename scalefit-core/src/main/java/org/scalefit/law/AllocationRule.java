package org.scalefit.law;

/** A rule that splits a compute budget C into parameters N and tokens D with C ≈ 6·N·D. */
public interface AllocationRule {

    /** The split of {@code compute} FLOPs. */
    Allocation at(double compute);
}
