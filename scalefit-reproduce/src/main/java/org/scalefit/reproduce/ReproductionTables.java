package org.scalefit.reproduce;

import java.util.List;
import java.util.Locale;

/**
 * The reproduction side by side: scalefit's value, the published value, the difference, the rule and the verdict,
 * as plain text for the terminal, as Markdown, and as JSON ({@link ReproductionDocument}).
 */
public final class ReproductionTables {

    private ReproductionTables() {
    }

    /** A terminal table of one study. */
    public static String text(StudyReproduction study) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "== %s: %s%n", study.study(), study.title()));
        int width = study.comparisons().stream().mapToInt(c -> c.quantity().length()).max().orElse(8);
        String row = "    %-" + width + "s %19s %19s %10s  %s%s%n";
        String analysis = null;
        for (Comparison c : study.comparisons()) {
            if (!c.analysis().equals(analysis)) {
                analysis = c.analysis();
                out.append(String.format(Locale.ROOT, "  %s%n", analysis));
                out.append(String.format(Locale.ROOT, row, "quantity", "scalefit", "published", "diff", "verdict",
                        ""));
            }
            out.append(String.format(Locale.ROOT, row, c.quantity(), number(c.ours()),
                    number(c.published()), difference(c), verdict(c.verdict()),
                    c.note().isEmpty() ? "" : " (" + c.note() + ")"));
        }
        for (String note : study.notes()) {
            out.append("  note: ").append(note).append(System.lineSeparator());
        }
        out.append(String.format(Locale.ROOT, "  %d numbers compared with published values, %d differ; %d shown "
                        + "without a published value; %.1f s%n", study.publishedCount(), study.differing(),
                study.comparisons().size() - study.publishedCount(), study.seconds()));
        return out.toString();
    }

    /** A Markdown document of all studies. */
    public static String markdown(List<StudyReproduction> studies) {
        StringBuilder out = new StringBuilder("# scalefit reproduction\n\n");
        for (StudyReproduction study : studies) {
            out.append("## ").append(study.title()).append("\n\n");
            out.append(String.format(Locale.ROOT, "%d numbers compared with published values, %d differ.%n%n",
                    study.publishedCount(), study.differing()));
            if (!study.comparisons().isEmpty()) {
                out.append("| analysis | quantity | scalefit | published | difference | rule | verdict |\n");
                out.append("|---|---|---:|---:|---:|---|---|\n");
                for (Comparison c : study.comparisons()) {
                    out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s%s |%n", c.analysis(),
                            c.quantity(), number(c.ours()), number(c.published()), difference(c), c.rule(),
                            verdict(c.verdict()), c.note().isEmpty() ? "" : ": " + c.note()));
                }
                out.append('\n');
            }
            for (String note : study.notes()) {
                out.append("- ").append(note).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** A JSON document of all studies (numbers at full precision; NaN as null): {@link ReproductionDocument}. */
    public static String json(List<StudyReproduction> studies, String version) {
        return ReproductionDocument.of(studies, version).write();
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.12g", value);
    }

    private static String difference(Comparison c) {
        return Double.isNaN(c.published()) ? "—" : String.format(Locale.ROOT, "%.2e", c.difference());
    }

    static String verdict(Comparison.Verdict verdict) {
        return switch (verdict) {
            case AGREES -> "agrees";
            case LOWER_OBJECTIVE -> "lower objective";
            case FLAT_DIRECTION -> "flat direction";
            case DIFFERS -> "DIFFERS";
            case NOT_PUBLISHED -> "not published";
        };
    }
}
