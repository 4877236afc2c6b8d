package org.scalefit.report.plot;

/**
 * Draws a {@link Figure} as an HTML fragment for the report page: an inline SVG plot (no namespace declaration, no
 * external reference) in the figure's {@link PlotFrame}, beside an HTML legend. The report's small script makes it
 * interactive through the attributes written here:
 * <ul>
 *   <li>every element with a {@code data-l} attribute (markers, invisible hit circles on labelled lines, plain
 *       lines) shows that text in the figure's {@code .tip} box while the pointer is over it: the series, the
 *       point's label and its coordinates;</li>
 *   <li>clicking a legend entry {@code li[data-s=k]} hides or shows the series group {@code g[data-s=k]}.</li>
 * </ul>
 * The output depends only on the figure: coordinates are rounded to 0.1 px and numbers formatted in the root
 * locale, so the same figure gives the same text.
 */
public final class InteractiveSvg {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 430;
    private static final int LEFT = 70;
    private static final int RIGHT = 14;
    private static final int TOP = 12;
    private static final int BOTTOM = 50;
    private static final double MARKER_RADIUS = 3.2;
    /** The width of the colour key's SVG, in pixels: its bar and the labels under it. */
    private static final int KEY_SVG_WIDTH = 230;
    /** Pixels per character of the key's 11-pixel tick labels (digits and ×; superscripts are narrower). */
    private static final double KEY_CHARACTER_WIDTH = 6.5;

    private InteractiveSvg() {
    }

    /** The figure's HTML: a {@code div.figure} holding the plot, a tooltip box and the legend. */
    public static String html(Figure figure) {
        PlotFrame frame = PlotFrame.of(figure);
        StringBuilder out = new StringBuilder(4096);
        String id = figure.id();
        out.append("<div class=\"figure\" id=\"fig-").append(id).append("\">\n");
        out.append("<div class=\"plot-area\">\n");
        out.append("<svg class=\"plot\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(figure.title())).append("\">\n");
        out.append("<defs><clipPath id=\"clip-").append(id).append("\"><rect x=\"").append(LEFT).append("\" y=\"")
                .append(TOP).append("\" width=\"").append(plotWidth()).append("\" height=\"").append(plotHeight())
                .append("\"/></clipPath></defs>\n");
        axes(out, figure, frame);
        out.append("<g clip-path=\"url(#clip-").append(id).append(")\">\n");
        for (int s = 0; s < figure.series().size(); s++) {
            series(out, figure, frame, s);
        }
        out.append("</g>\n</svg>\n<div class=\"tip\" hidden></div>\n</div>\n");
        legend(out, figure);
        out.append("</div>\n");
        return out.toString();
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    private static double px(PlotFrame frame, double x) {
        return LEFT + frame.x().fraction(x) * plotWidth();
    }

    private static double py(PlotFrame frame, double y) {
        return TOP + (1 - frame.y().fraction(y)) * plotHeight();
    }

    private static void axes(StringBuilder out, Figure figure, PlotFrame frame) {
        out.append("<g class=\"grid\">");
        double[] xs = frame.x().values();
        double[] ys = frame.y().values();
        for (double x : xs) {
            double p = px(frame, x);
            out.append("<line x1=\"").append(n(p)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(n(p))
                    .append("\" y2=\"").append(TOP + plotHeight()).append("\"/>");
        }
        for (double y : ys) {
            double p = py(frame, y);
            out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(n(p)).append("\" x2=\"")
                    .append(LEFT + plotWidth()).append("\" y2=\"").append(n(p)).append("\"/>");
        }
        out.append("</g>\n");
        out.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(plotWidth()).append("\" height=\"").append(plotHeight()).append("\"/>\n");
        out.append("<g class=\"ticks\">");
        for (int i = 0; i < xs.length; i++) {
            out.append("<text x=\"").append(n(px(frame, xs[i]))).append("\" y=\"").append(TOP + plotHeight() + 17)
                    .append("\" text-anchor=\"middle\">").append(escape(frame.x().labels().get(i))).append("</text>");
        }
        for (int i = 0; i < ys.length; i++) {
            out.append("<text x=\"").append(LEFT - 7).append("\" y=\"").append(n(py(frame, ys[i]) + 4))
                    .append("\" text-anchor=\"end\">").append(escape(frame.y().labels().get(i))).append("</text>");
        }
        out.append("</g>\n");
        out.append("<text class=\"axis-label\" x=\"").append(LEFT + plotWidth() / 2).append("\" y=\"")
                .append(HEIGHT - 10).append("\" text-anchor=\"middle\">").append(escape(figure.x().label()))
                .append("</text>\n");
        out.append("<text class=\"axis-label\" transform=\"translate(16 ").append(TOP + plotHeight() / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(escape(figure.y().label()))
                .append("</text>\n");
    }

    private static void series(StringBuilder out, Figure figure, PlotFrame frame, int index) {
        Series series = figure.series().get(index);
        SeriesStyle style = series.style();
        double[] x = series.x();
        double[] y = series.y();
        out.append("<g class=\"series\" data-s=\"").append(index).append("\">");
        if (series.hasBand()) {
            band(out, figure, frame, series);
        }
        if (style.stroke() != SeriesStyle.Stroke.NONE) {
            StringBuilder path = new StringBuilder();
            boolean open = false;
            for (int i = 0; i < x.length; i++) {
                if (!PlotFrame.drawable(figure, x[i], y[i])) {
                    open = false;
                    continue;
                }
                path.append(open ? " L" : (path.length() == 0 ? "M" : " M")).append(n(px(frame, x[i]))).append(' ')
                        .append(n(py(frame, y[i])));
                open = true;
            }
            if (path.length() > 0) {
                out.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(style.color())
                        .append("\" stroke-width=\"").append(n(style.lineWidth())).append('"')
                        .append(dashes(style.stroke())).append(" data-l=\"").append(escape(series.name()))
                        .append("\"/>");
            }
        }
        boolean hitCircles = style.marker() == SeriesStyle.Marker.NONE && !series.pointLabels().isEmpty();
        for (int i = 0; i < x.length; i++) {
            if (!PlotFrame.drawable(figure, x[i], y[i])) {
                continue;
            }
            if (!hitCircles && style.marker() == SeriesStyle.Marker.NONE) {
                break;
            }
            String tip = tooltip(figure, series, i, x[i], y[i]);
            if (hitCircles) {
                out.append("<circle class=\"hit\" cx=\"").append(n(px(frame, x[i]))).append("\" cy=\"")
                        .append(n(py(frame, y[i]))).append("\" r=\"5\" data-l=\"").append(tip).append("\"/>");
            } else if (style.marker() != SeriesStyle.Marker.NONE) {
                marker(out, style, px(frame, x[i]), py(frame, y[i]), tip);
            }
        }
        out.append("</g>\n");
    }

    private static void band(StringBuilder out, Figure figure, PlotFrame frame, Series series) {
        double[] x = series.x();
        double[] lower = series.band().lower();
        double[] upper = series.band().upper();
        StringBuilder forward = new StringBuilder();
        StringBuilder back = new StringBuilder();
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            if (PlotFrame.drawable(figure, x[i], lower[i]) && PlotFrame.drawable(figure, x[i], upper[i])) {
                forward.append(kept == 0 ? "M" : " L").append(n(px(frame, x[i]))).append(' ')
                        .append(n(py(frame, lower[i])));
                back.insert(0, " L" + n(px(frame, x[i])) + " " + n(py(frame, upper[i])));
                kept++;
            }
        }
        if (kept >= 2) {
            out.append("<path class=\"band\" d=\"").append(forward).append(back).append(" Z\" fill=\"")
                    .append(series.style().color()).append("\"/>");
        }
    }

    private static void marker(StringBuilder out, SeriesStyle style, double cx, double cy, String tip) {
        String color = style.color();
        double r = MARKER_RADIUS;
        switch (style.marker()) {
            case CIRCLE -> out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy))
                    .append("\" r=\"").append(n(r)).append("\" fill=\"").append(color).append('"');
            case SQUARE -> out.append("<rect x=\"").append(n(cx - r)).append("\" y=\"").append(n(cy - r))
                    .append("\" width=\"").append(n(2 * r)).append("\" height=\"").append(n(2 * r))
                    .append("\" fill=\"").append(color).append('"');
            case DIAMOND -> out.append("<path d=\"M").append(n(cx)).append(' ').append(n(cy - 1.3 * r)).append(" L")
                    .append(n(cx + 1.3 * r)).append(' ').append(n(cy)).append(" L").append(n(cx)).append(' ')
                    .append(n(cy + 1.3 * r)).append(" L").append(n(cx - 1.3 * r)).append(' ').append(n(cy))
                    .append(" Z\" fill=\"").append(color).append('"');
            case TRIANGLE -> out.append("<path d=\"M").append(n(cx)).append(' ').append(n(cy - 1.3 * r))
                    .append(" L").append(n(cx + 1.2 * r)).append(' ').append(n(cy + 0.9 * r)).append(" L")
                    .append(n(cx - 1.2 * r)).append(' ').append(n(cy + 0.9 * r)).append(" Z\" fill=\"").append(color)
                    .append('"');
            case CROSS -> out.append("<path d=\"M").append(n(cx - r)).append(' ').append(n(cy - r)).append(" L")
                    .append(n(cx + r)).append(' ').append(n(cy + r)).append(" M").append(n(cx - r)).append(' ')
                    .append(n(cy + r)).append(" L").append(n(cx + r)).append(' ').append(n(cy - r))
                    .append("\" stroke=\"").append(color).append("\" stroke-width=\"2\" fill=\"none\"");
            case NONE -> {
                return;
            }
        }
        out.append(" data-l=\"").append(tip).append("\"/>");
    }

    private static void legend(StringBuilder out, Figure figure) {
        out.append("<ul class=\"legend\">\n");
        for (int s = 0; s < figure.series().size(); s++) {
            Series series = figure.series().get(s);
            if (!series.inLegend()) {
                continue;
            }
            SeriesStyle style = series.style();
            out.append("<li data-s=\"").append(s).append("\" tabindex=\"0\" role=\"button\" aria-pressed=\"true\" "
                    + "title=\"show or hide\"><svg class=\"swatch\" width=\"30\" height=\"12\" aria-hidden=\"true\">");
            if (style.stroke() != SeriesStyle.Stroke.NONE) {
                out.append("<line x1=\"1\" y1=\"6\" x2=\"29\" y2=\"6\" stroke=\"").append(style.color())
                        .append("\" stroke-width=\"").append(n(Math.max(style.lineWidth(), 1.5))).append('"')
                        .append(dashes(style.stroke())).append("/>");
            }
            if (style.marker() != SeriesStyle.Marker.NONE) {
                StringBuilder mark = new StringBuilder();
                marker(mark, style, 15, 6, "");
                out.append(mark.toString().replace(" data-l=\"\"", ""));
            }
            out.append("</svg>").append(escape(series.name())).append("</li>\n");
        }
        if (figure.colorKey() != null) {
            colorKey(out, figure.id(), figure.colorKey());
        }
        out.append("</ul>\n");
    }

    /**
     * The colour key as a legend item: its label, a horizontal bar from its lowest value (left, darkest) to its
     * highest as an SVG gradient through viridis at nine positions, and its ticks labelled below.
     */
    private static void colorKey(StringBuilder out, String id, ColorKey key) {
        int barLeft = 22;
        int barWidth = 180;
        out.append("<li class=\"color-key\">").append(escape(key.label()))
                .append("<br><svg width=\"").append(KEY_SVG_WIDTH)
                .append("\" height=\"40\" aria-hidden=\"true\"><defs><linearGradient id=\"key-")
                .append(id).append("\">");
        for (int i = 0; i <= 8; i++) {
            out.append("<stop offset=\"").append(i * 100 / 8.0).append("%\" stop-color=\"")
                    .append(Palette.viridis(ColorKey.TOP * i / 8)).append("\"/>");
        }
        out.append("</linearGradient></defs><rect x=\"").append(barLeft).append("\" y=\"2\" width=\"")
                .append(barWidth).append("\" height=\"12\" fill=\"url(#key-").append(id).append(")\"/>");
        AxisTicks ticks = key.ticks();
        double[] values = ticks.values();
        boolean[] shown = keyLabelsShown(key, barLeft, barWidth, KEY_SVG_WIDTH);
        for (int i = 0; i < values.length; i++) {
            double x = barLeft + key.fraction(values[i]) * barWidth;
            out.append("<line x1=\"").append(n(x)).append("\" y1=\"14\" x2=\"").append(n(x))
                    .append("\" y2=\"18\" stroke=\"#888888\"/>");
            if (shown[i]) {
                out.append("<text x=\"").append(n(x))
                        .append("\" y=\"31\" text-anchor=\"middle\" font-size=\"11\">")
                        .append(escape(ticks.labels().get(i))).append("</text>");
            }
        }
        out.append("</svg></li>\n");
    }

    /**
     * Which of the key's tick labels to write under its horizontal bar so that none touches another or the edges:
     * each label, about {@value #KEY_CHARACTER_WIDTH} pixels a character, centred on its tick, is taken if it
     * keeps 4 pixels from those taken and stays inside the key — powers of ten first, then the two ends, then the
     * others in increasing order. (The bar is narrow; a vertical key, as in the PNG, has room for all.)
     */
    private static boolean[] keyLabelsShown(ColorKey key, double barLeft, double barWidth, double width) {
        AxisTicks ticks = key.ticks();
        double[] values = ticks.values();
        java.util.List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(Math.log10(values[i]) - Math.rint(Math.log10(values[i]))) < 1e-9) {
                order.add(i);
            }
        }
        for (int i : new int[] {0, values.length - 1}) {
            if (i >= 0 && !order.contains(i)) {
                order.add(i);
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (!order.contains(i)) {
                order.add(i);
            }
        }
        boolean[] shown = new boolean[values.length];
        java.util.List<double[]> taken = new java.util.ArrayList<>();
        for (int i : order) {
            double x = barLeft + key.fraction(values[i]) * barWidth;
            double half = KEY_CHARACTER_WIDTH * ticks.labels().get(i).length() / 2;
            double[] box = {x - half - 2, x + half + 2};
            boolean fits = box[0] >= 0 && box[1] <= width
                    && taken.stream().noneMatch(other -> box[0] < other[1] && other[0] < box[1]);
            if (fits) {
                taken.add(box);
                shown[i] = true;
            }
        }
        return shown;
    }

    private static String dashes(SeriesStyle.Stroke stroke) {
        return switch (stroke) {
            case DASHED -> " stroke-dasharray=\"7 4\"";
            case DOTTED -> " stroke-dasharray=\"1.5 3\" stroke-linecap=\"round\"";
            default -> "";
        };
    }

    /**
     * "series: label — x-axis x, y-axis y", escaped for an attribute; "label — …" when the label starts with the
     * series' name already (a run's points labelled "run, tokens …"), so that the name is not read twice.
     */
    private static String tooltip(Figure figure, Series series, int i, double x, double y) {
        String label = series.pointLabel(i);
        String head = label.isEmpty() ? series.name() : label.startsWith(series.name()) ? label
                : series.name() + ": " + label;
        return escape(head + " — " + figure.x().label() + " " + AxisTicks.label(x) + ", " + figure.y().label() + " "
                + AxisTicks.label(y));
    }

    /** A coordinate rounded to 0.1 (half up), without a trailing ".0". */
    private static String n(double value) {
        long tenths = Math.round(value * 10);
        String sign = tenths < 0 ? "-" : "";
        long magnitude = Math.abs(tenths);
        long fraction = magnitude % 10;
        return sign + (magnitude / 10) + (fraction == 0 ? "" : "." + fraction);
    }

    /** Text escaped for HTML element content and double-quoted attributes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
