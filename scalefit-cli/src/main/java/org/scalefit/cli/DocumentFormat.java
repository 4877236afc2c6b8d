package org.scalefit.cli;

import java.util.Locale;

/**
 * {@code --format}: scalefit's own result document, or the shape of the original study's files (Gemstones'
 * {@code approach_*.json}). Given in lower case on the command line (enum values are matched case-insensitively).
 */
enum DocumentFormat {
    /** scalefit's full result document. */
    SCALEFIT,
    /** Gemstones' parameter-file shape. */
    GEMSTONES;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
