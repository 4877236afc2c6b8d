package org.scalefit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.scalefit.report.plot.Figure;

/**
 * One section of a report: an analysis (or the data) with its text, key numbers, tables and figures in reading
 * order. Build one by chaining, e.g.
 * {@code Section.of("approach-1", "Approach 1").withText("…").withFacts(facts).withFigure(figure, "caption")}.
 *
 * @param id     an anchor name, unique within the report: lower-case letters, digits and hyphens
 * @param title  the heading
 * @param blocks the content, in order
 */
public record Section(String id, String title, List<Block> blocks) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    public Section {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a section id is lower-case letters, digits and single hyphens, got '"
                    + id + "'");
        }
    }

    /** An empty section. */
    public static Section of(String id, String title) {
        return new Section(id, title, List.of());
    }

    /** This section with {@code block} appended. */
    public Section with(Block block) {
        List<Block> all = new ArrayList<>(blocks);
        all.add(block);
        return new Section(id, title, all);
    }

    /** This section with a paragraph appended. */
    public Section withText(String text) {
        return with(new Block.Text(text));
    }

    /** This section with key numbers appended. */
    public Section withFacts(List<Block.Fact> facts) {
        return with(new Block.Facts(facts));
    }

    /** This section with a table appended. */
    public Section withTable(String caption, List<String> header, List<List<String>> rows) {
        return with(new Block.Table(caption, header, rows));
    }

    /** This section with {@code blocks} appended, collapsed under {@code summary} (open if {@code open}). */
    public Section withDetails(String summary, boolean open, List<Block> blocks) {
        return with(new Block.Details(summary, open, blocks));
    }

    /** This section with a figure appended. */
    public Section withFigure(Figure figure, String caption) {
        return with(new Block.Plot(figure, caption));
    }

    /** The figures of this section, in order. */
    public List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        collectFigures(blocks, figures);
        return List.copyOf(figures);
    }

    private static void collectFigures(List<Block> blocks, List<Figure> figures) {
        for (Block block : blocks) {
            if (block instanceof Block.Plot plot) {
                figures.add(plot.figure());
            } else if (block instanceof Block.Details details) {
                collectFigures(details.blocks(), figures);
            }
        }
    }
}
