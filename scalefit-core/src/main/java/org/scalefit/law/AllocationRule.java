package org.scalefit.law;

import java.util.ArrayList;
import java.util.List;

/** A rule that splits a compute budget C into parameters N and tokens D with C ≈ 6·N·D. */
public interface AllocationRule {

    /** The split of {@code compute} FLOPs. */
    Allocation at(double compute);

    /** The splits of each budget of {@code compute}, in order. */
    default List<Allocation> at(double... compute) {
        List<Allocation> allocations = new ArrayList<>();
        for (double budget : compute) {
            allocations.add(at(budget));
        }
        return List.copyOf(allocations);
    }
}
