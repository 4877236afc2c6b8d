package org.scalefit.cli;

/** A count with its noun as printed: {@code 1 budget}, {@code 2 budgets}, {@code 0 budgets}. */
final class Counts {

    private Counts() {
    }

    /** {@code n} and {@code noun}, with an {@code s} unless {@code n} is 1. */
    static String of(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
