package org.scalefit.io;

import java.util.List;
import java.util.Locale;
import org.scalefit.sensitivity.LineVariant;
import org.scalefit.sensitivity.RainbowLine;
import org.scalefit.sensitivity.RainbowTable;

/**
 * The rainbow's slope table as text (Gemstones {@code rainbow.py}): one row per line in rainbow order
 * (smallest N_opt at the ordering budget first) with its label, approach, token range, cooldown / LR-ablation /
 * embeddings flags, slope and Δ to its family's base line, all numbers as {@code %.4f}.
 *
 * <p>LaTeX is the original's {@code to_latex} table (booktabs rules, {@code \cmark}/{@code \xmark} flags,
 * {@code $\le 100b$}/{@code $>120b$} token ranges), with Δ in {@code \textcolor{red}} when |Δ| &gt; 0.1 and
 * {@code \textcolor{orange}} when |Δ| &gt; 0.05, plus the line's label and approach as the first columns (the
 * original leaves the label out). Markdown marks the same Δ in bold (&gt; 0.1) and italics (&gt; 0.05); reference
 * lines follow in their own Markdown table.
 */
public final class RainbowTables {

    private static final double RED = 0.1;
    private static final double ORANGE = 0.05;

    private RainbowTables() {
    }

    /** The Markdown tables. */
    public static String markdown(RainbowTable table) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Lines ordered by N_opt at C = %.3g FLOPs.%n%n", table.sortCompute()));
        text.append("| line | approach | tokens | cooldown | LR ablation | embeddings | slope | Δ | base |\n");
        text.append("|---|---|---|---|---|---|---:|---:|---|\n");
        for (RainbowTable.Row row : table.rows()) {
            RainbowLine line = row.line();
            LineVariant variant = line.variant();
            text.append("| ").append(markdownEscape(line.label())).append(" | ").append(approach(line))
                    .append(" | ").append(variant.tokens().replace("<=", "≤")).append(" | ")
                    .append(mark(variant.cooldown())).append(" | ").append(mark(variant.lrAblation())).append(" | ")
                    .append(mark(variant.embeddings())).append(" | ").append(fixed(line.slope())).append(" | ")
                    .append(markdownDelta(row.delta())).append(" | ").append(markdownEscape(row.baseLabel()))
                    .append(" |\n");
        }
        if (!table.references().isEmpty()) {
            text.append("\n| reference | slope | N_opt at sort budget |\n|---|---:|---:|\n");
            for (RainbowTable.Row row : table.references()) {
                text.append("| ").append(markdownEscape(row.line().label())).append(" | ")
                        .append(fixed(row.line().slope())).append(" | ")
                        .append(String.format(Locale.ROOT, "%.4g", row.paramsAtSort())).append(" |\n");
            }
        }
        return text.toString();
    }

    /** The LaTeX table (needs {@code booktabs}, {@code xcolor} and \cmark/\xmark macros, as the original). */
    public static String latex(RainbowTable table) {
        StringBuilder text = new StringBuilder();
        text.append("\\begin{tabular}{lllllllr}\n\\toprule\n");
        text.append("Line & Approach & Tokens & Cooldown & LR Ablation & Embeddings & Slope & Delta \\\\\n\\midrule\n");
        for (RainbowTable.Row row : table.rows()) {
            RainbowLine line = row.line();
            LineVariant variant = line.variant();
            text.append(String.join(" & ", List.of(latexEscape(line.label()), approach(line),
                    latexTokens(variant.tokens()), latexMark(variant.cooldown()), latexMark(variant.lrAblation()),
                    latexMark(variant.embeddings()), fixed(line.slope()), latexDelta(row.delta()))))
                    .append(" \\\\\n");
        }
        text.append("\\bottomrule\n\\end{tabular}\n");
        return text.toString();
    }

    private static String approach(RainbowLine line) {
        return switch (line.family()) {
            case APPROACH_1 -> "1";
            case APPROACH_3 -> "3";
            case REFERENCE -> "reference";
        };
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String mark(boolean on) {
        return on ? "✓" : "✗";
    }

    private static String latexMark(boolean on) {
        return on ? "\\cmark" : "\\xmark";
    }

    private static String markdownDelta(double delta) {
        if (Double.isNaN(delta)) {
            return "–";
        }
        String value = fixed(delta);
        if (Math.abs(delta) > RED) {
            return "**" + value + "**";
        }
        return Math.abs(delta) > ORANGE ? "*" + value + "*" : value;
    }

    private static String latexDelta(double delta) {
        if (Double.isNaN(delta)) {
            return "--";
        }
        String value = fixed(delta);
        if (Math.abs(delta) > RED) {
            return "\\textcolor{red}{" + value + "}";
        }
        return Math.abs(delta) > ORANGE ? "\\textcolor{orange}{" + value + "}" : value;
    }

    private static String latexTokens(String tokens) {
        return switch (tokens) {
            case LineVariant.UP_TO_100B -> "$\\le 100b$";
            case LineVariant.ONLY_ABOVE_120B -> "$>120b$";
            default -> latexEscape(tokens);
        };
    }

    private static String latexEscape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '_', '%', '&', '#', '$', '{', '}' -> escaped.append('\\').append(c);
                case '\\' -> escaped.append("\\textbackslash{}");
                case '~' -> escaped.append("\\textasciitilde{}");
                case '^' -> escaped.append("\\textasciicircum{}");
                case '<' -> escaped.append("\\textless{}");
                case '>' -> escaped.append("\\textgreater{}");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String markdownEscape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
