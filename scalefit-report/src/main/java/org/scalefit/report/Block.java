package org.scalefit.report;

import java.util.List;
import java.util.Objects;
import org.scalefit.report.plot.Figure;

/**
 * One piece of a report {@link Section}, in reading order: a paragraph, a list of key numbers, a table, a figure, or
 * a collapsed group of these under a one-line summary.
 * Everything is already text (numbers formatted by the section's builder, e.g. with {@link Numbers}), so the HTML
 * writer only lays it out.
 */
public sealed interface Block permits Block.Text, Block.Facts, Block.Table, Block.Plot, Block.Details {

    /**
     * A paragraph of plain text.
     *
     * @param text the text (escaped when written)
     */
    record Text(String text) implements Block {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Key results as name–value pairs, e.g. an exponent with its 95 % interval.
     *
     * @param facts the pairs, in order
     */
    record Facts(List<Fact> facts) implements Block {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    /**
     * One key result.
     *
     * @param name   what it is (e.g. {@code "N_opt ∝ C^a: a"})
     * @param value  the value, formatted (with its uncertainty where there is one)
     * @param detail how it was obtained or what it means, or "" for nothing
     */
    record Fact(String name, String value, String detail) {
        public Fact {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * A table of text cells; cells that read as numbers are right-aligned.
     *
     * @param caption what the table shows, or "" for none
     * @param header  the column headings
     * @param rows    the rows, each as long as the header
     */
    record Table(String caption, List<String> header, List<List<String>> rows) implements Block {
        public Table {
            Objects.requireNonNull(caption, "caption");
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (int r = 0; r < rows.size(); r++) {
                if (rows.get(r).size() != header.size()) {
                    throw new IllegalArgumentException("table row " + r + " has " + rows.get(r).size()
                            + " cells for " + header.size() + " columns");
                }
            }
        }
    }

    /**
     * A figure and its caption.
     *
     * @param figure  the figure
     * @param caption what it shows and how to read it, or "" for none
     */
    record Plot(Figure figure, String caption) implements Block {
        public Plot {
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(caption, "caption");
        }
    }

    /**
     * Blocks shown collapsed under a one-line summary, opened on a click (HTML {@code <details>}): detail a reader
     * may skip, e.g. the side-by-side numbers of one analysis below a study's count of numbers that differ.
     *
     * @param summary the line shown while collapsed
     * @param open    whether it starts opened (e.g. because it holds a number that differs)
     * @param blocks  the content, in order
     */
    record Details(String summary, boolean open, List<Block> blocks) implements Block {
        public Details {
            Objects.requireNonNull(summary, "summary");
            blocks = List.copyOf(blocks);
        }
    }
}
