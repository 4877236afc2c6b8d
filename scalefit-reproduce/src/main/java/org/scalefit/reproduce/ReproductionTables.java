package org.scalefit.reproduce;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reproduction side by side: scalefit's value, the published value, the difference, the rule and the verdict,
 * as plain text for the terminal, as Markdown, and as JSON.
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

    /** A JSON document of all studies (numbers at full precision; NaN as null). */
    public static String json(List<StudyReproduction> studies, String version) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        root.put("scalefit_version", version);
        ArrayNode array = root.putArray("studies");
        for (StudyReproduction study : studies) {
            ObjectNode node = array.addObject();
            node.put("study", study.study());
            node.put("title", study.title());
            node.put("reproduced", study.reproduced());
            node.put("published_compared", study.publishedCount());
            node.put("differing", study.differing());
            ArrayNode rows = node.putArray("comparisons");
            for (Comparison c : study.comparisons()) {
                ObjectNode row = rows.addObject();
                row.put("analysis", c.analysis());
                row.put("quantity", c.quantity());
                putNumber(row, "scalefit", c.ours());
                putNumber(row, "published", c.published());
                putNumber(row, "difference", c.difference());
                row.put("rule", c.rule());
                row.put("verdict", c.verdict().name().toLowerCase(Locale.ROOT));
                if (!c.note().isEmpty()) {
                    row.put("note", c.note());
                }
            }
            ArrayNode notes = node.putArray("notes");
            study.notes().forEach(notes::add);
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static void putNumber(ObjectNode row, String field, double value) {
        if (Double.isFinite(value)) {
            row.put(field, value);
        } else {
            row.putNull(field);
        }
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
