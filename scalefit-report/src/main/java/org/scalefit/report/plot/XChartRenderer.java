package org.scalefit.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link Figure} with XChart as a PNG image or an SVG document (XChart's VectorGraphics2D encoder): the
 * figure's {@link PlotFrame} ranges, log axes with {@link AxisTicks#label} tick labels (powers of ten as 10^k when
 * the axis spans two decades or more), each series in its style (a band as a translucent polygon beneath it), and
 * gridlines on a log axis at its labelled ticks only (XChart would draw one at every m × 10^k, a dense lattice
 * within each decade), the legend outside the plot area, so that it never covers data: to the right, or below the plot when an entry is
 * longer than {@value #SIDE_LEGEND_CHARACTERS} characters (at the side it would leave the plot a fraction of the
 * width); the image grows taller when the legend needs it ({@link #heightFor}), so that no entry is cut off.
 *
 * @param width  the image width in pixels
 * @param height the image height in pixels
 */
public record XChartRenderer(int width, int height) {

    private static final Color GRID = new Color(0xebebeb);
    private static final Color CLEAR = new Color(255, 255, 255, 0);
    private static final Color FRAME = new Color(0x888888);
    private static final float[] DASHES = {7f, 4f};
    private static final float[] DOTS = {1.5f, 3f};
    /** Pixels per legend line: the 12-point legend font's line and XChart's padding between entries. */
    static final int LEGEND_LINE = 22;
    /** Pixels above and below the legend: the title, the chart padding and the legend's own padding. */
    static final int LEGEND_MARGIN = 90;
    /** The longest legend entry, in characters, drawn at the side of the plot; a longer one puts the legend below. */
    static final int SIDE_LEGEND_CHARACTERS = 40;
    /** Pixels a legend below the plot needs beyond its lines: its padding and the gap to the axis title. */
    static final int LEGEND_BELOW_MARGIN = 32;
    /** Pixels at the right edge kept for a figure's {@link ColorKey}: its label, bar and tick labels. */
    static final int KEY_WIDTH = 120;
    /** Colour steps of the key's bar. */
    private static final int KEY_STEPS = 96;

    public XChartRenderer {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("a figure needs at least 100×100 pixels, got " + width + "×" + height);
        }
    }

    /** 960 × 560 pixels. */
    public static XChartRenderer standard() {
        return new XChartRenderer(960, 560);
    }

    /**
     * The figure as PNG bytes: XChart paints into an RGB image with pure stroke geometry (so that a curve drawn as
     * many short segments does not wobble by snapping each to the pixel grid), encoded as ImageIO's PNG writer
     * encodes it ({@link PngEncoder}: the same bytes; no time stamp or other varying chunk).
     */
    public byte[] png(Figure figure) {
        XYChart chart = chart(figure);
        int imageHeight = heightFor(figure);
        BufferedImage image = new BufferedImage(width, imageHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            chart.paint(graphics, width, imageHeight);
        } finally {
            graphics.dispose();
        }
        return PngEncoder.encode(image);
    }

    /** The figure as an SVG document (UTF-8 bytes). */
    public byte[] svg(Figure figure) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart(figure), out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode figure " + figure.id() + " as SVG", e);
        }
        return out.toByteArray();
    }

    /**
     * The image height for {@code figure}, so that the legend (one line of {@link #LEGEND_LINE} pixels per series with
     * a legend entry) is never cut off: at the side, {@link #height()} or more when the legend needs more; below the
     * plot ({@link #legendBelow}), {@link #height()} and the legend's lines.
     */
    public int heightFor(Figure figure) {
        if (legendBelow(figure)) {
            return height + LEGEND_LINE * legendEntries(figure) + LEGEND_BELOW_MARGIN;
        }
        return Math.max(height, LEGEND_MARGIN + LEGEND_LINE * legendEntries(figure));
    }

    /** Whether the legend of {@code figure} goes below the plot: one of its entries is too long for the side. */
    static boolean legendBelow(Figure figure) {
        for (Series series : figure.series()) {
            if (series.inLegend() && series.name().length() > SIDE_LEGEND_CHARACTERS
                    && drawablePoints(figure, series)[0].length > 0) {
                return true;
            }
        }
        return false;
    }

    /** The series of {@code figure} that have a legend entry and at least one point the axes can show. */
    static int legendEntries(Figure figure) {
        int entries = 0;
        for (Series series : figure.series()) {
            if (series.inLegend() && drawablePoints(figure, series)[0].length > 0) {
                entries++;
            }
        }
        return entries;
    }

    /** The XChart chart of {@code figure}, styled and filled, ready to encode. */
    public XYChart chart(Figure figure) {
        PlotFrame frame = PlotFrame.of(figure);
        XYChart chart = new FramedChart(width, heightFor(figure), frame, figure.colorKey());
        chart.setTitle(figure.title());
        chart.setXAxisTitle(figure.x().label());
        chart.setYAxisTitle(figure.y().label());
        style(chart.getStyler(), figure, frame);
        if (legendBelow(figure)) {
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        chart.getStyler().setLegendVisible(legendEntries(figure) > 0);
        Set<String> names = new HashSet<>();
        figure.series().forEach(series -> names.add(series.name()));
        for (Series series : figure.series()) {
            addBand(chart, figure, series, names);
            addSeries(chart, figure, series);
        }
        return chart;
    }

    private static void style(XYStyler styler, Figure figure, PlotFrame frame) {
        Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        styler.setBaseFont(base);
        styler.setChartTitleFont(base.deriveFont(Font.BOLD, 15f));
        styler.setAxisTitleFont(base.deriveFont(14f));
        styler.setAxisTickLabelsFont(base.deriveFont(12.5f));
        styler.setLegendFont(base.deriveFont(12f));
        styler.setChartTitleBoxVisible(false);
        // transparent, so that the gridlines FramedChart paints first show through
        styler.setChartBackgroundColor(CLEAR);
        styler.setPlotBackgroundColor(CLEAR);
        styler.setPlotBorderColor(FRAME);
        styler.setPlotBorderVisible(true);
        styler.setPlotGridLinesColor(GRID);
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setPlotGridVerticalLinesVisible(frame.x().scale() != Scale.LOG);
        styler.setPlotGridHorizontalLinesVisible(frame.y().scale() != Scale.LOG);
        styler.setAxisTickMarksColor(FRAME);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendBackgroundColor(Color.WHITE);
        styler.setLegendSeriesLineLength(28);
        styler.setLegendPadding(6);
        styler.setMarkerSize(6);
        styler.setChartPadding(12);
        styler.setPlotMargin(4);
        styler.setAntiAlias(true);
        styler.setTextAntiAlias(true);
        styler.setLocale(java.util.Locale.ROOT);
        styler.setXAxisLogarithmic(frame.x().scale() == Scale.LOG);
        styler.setYAxisLogarithmic(frame.y().scale() == Scale.LOG);
        styler.setXAxisLogarithmicDecadeOnly(frame.x().powersOfTen());
        styler.setYAxisLogarithmicDecadeOnly(frame.y().powersOfTen());
        styler.setXAxisMin(frame.x().low());
        styler.setXAxisMax(frame.x().high());
        styler.setYAxisMin(frame.y().low());
        styler.setYAxisMax(frame.y().high());
        if (frame.x().scale() == Scale.LOG) {
            styler.setXAxisTickLabelsFormattingFunction(value -> labelAt(frame.x(), value));
        } else {
            styler.setXAxisDecimalPattern(decimalPattern(frame.x()));
        }
        if (frame.y().scale() == Scale.LOG) {
            styler.setYAxisTickLabelsFormattingFunction(value -> labelAt(frame.y(), value));
        } else {
            styler.setYAxisDecimalPattern(decimalPattern(frame.y()));
        }
    }

    /**
     * A {@link java.text.DecimalFormat} pattern for XChart's own linear ticks: as many decimals as the frame's tick
     * step needs, a leading zero, and scientific notation beyond 10⁵.
     */
    private static String decimalPattern(AxisTicks ticks) {
        double[] values = ticks.values();
        double magnitude = Math.max(Math.abs(ticks.low()), Math.abs(ticks.high()));
        if (magnitude >= 1e5 || (magnitude > 0 && magnitude < 1e-3)) {
            return "0.##E0";
        }
        double step = values.length >= 2 ? values[1] - values[0] : magnitude;
        int decimals = step > 0 ? Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9)) : 0;
        return decimals == 0 ? "0" : "0." + "0".repeat(Math.min(decimals, 8));
    }

    /** The label of the frame's tick at {@code value}; "" where XChart puts a tick the frame does not label. */
    private static String labelAt(AxisTicks ticks, double value) {
        double[] values = ticks.values();
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(value - values[i]) <= 1e-9 * Math.abs(values[i])) {
                return ticks.labels().get(i);
            }
        }
        return "";
    }

    private static void addSeries(XYChart chart, Figure figure, Series series) {
        double[][] points = drawablePoints(figure, series);
        if (points[0].length == 0) {
            return;
        }
        SeriesStyle style = series.style();
        Color color = color(style, 255);
        XYSeries xy = chart.addSeries(series.name(), points[0], points[1]);
        xy.setXYSeriesRenderStyle(style.stroke() == SeriesStyle.Stroke.NONE ? XYSeries.XYSeriesRenderStyle.Scatter
                : XYSeries.XYSeriesRenderStyle.Line);
        xy.setLineColor(color);
        xy.setMarkerColor(color);
        xy.setMarker(marker(style.marker()));
        if (style.stroke() != SeriesStyle.Stroke.NONE) {
            xy.setLineStyle(stroke(style));
        }
        xy.setShowInLegend(series.inLegend());
    }

    private static void addBand(XYChart chart, Figure figure, Series series, Set<String> names) {
        if (!series.hasBand()) {
            return;
        }
        double[] x = series.x();
        double[] lower = series.band().lower();
        double[] upper = series.band().upper();
        java.util.List<double[]> kept = new java.util.ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (PlotFrame.drawable(figure, x[i], lower[i]) && PlotFrame.drawable(figure, x[i], upper[i])) {
                kept.add(new double[] {x[i], lower[i], upper[i]});
            }
        }
        if (kept.size() < 2) {
            return;
        }
        int n = kept.size();
        double[] polygonX = new double[2 * n];
        double[] polygonY = new double[2 * n];
        for (int i = 0; i < n; i++) {
            polygonX[i] = kept.get(i)[0];
            polygonY[i] = kept.get(i)[1];
            polygonX[2 * n - 1 - i] = kept.get(i)[0];
            polygonY[2 * n - 1 - i] = kept.get(i)[2];
        }
        String name = series.name() + " (band)";
        while (names.contains(name)) {
            name = name + " ";
        }
        names.add(name);
        XYSeries band = chart.addSeries(name, polygonX, polygonY);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(color(series.style(), 56));
        band.setLineColor(color(series.style(), 0));
        band.setLineStyle(new BasicStroke(0.01f));
        band.setMarker(SeriesMarkers.NONE);
        band.setShowInLegend(false);
    }

    /** The points of a series that the axes can show, as {x[], y[]}. */
    private static double[][] drawablePoints(Figure figure, Series series) {
        double[] x = series.x();
        double[] y = series.y();
        int n = 0;
        double[] keptX = new double[x.length];
        double[] keptY = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            if (PlotFrame.drawable(figure, x[i], y[i])) {
                keptX[n] = x[i];
                keptY[n] = y[i];
                n++;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(keptX, n), java.util.Arrays.copyOf(keptY, n)};
    }

    private static Color color(SeriesStyle style, int alpha) {
        int[] rgb = style.rgb();
        return new Color(rgb[0], rgb[1], rgb[2], alpha);
    }

    private static BasicStroke stroke(SeriesStyle style) {
        float width = (float) style.lineWidth();
        return switch (style.stroke()) {
            case DASHED -> new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASHES, 0f);
            case DOTTED -> new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, DOTS, 0f);
            default -> new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        };
    }

    /**
     * An XChart chart on a white ground with the gridlines of its log axes at the frame's labelled ticks, painted
     * beneath the chart (XChart's own gridlines are kept for linear axes, whose every tick is labelled); with a
     * colour key, drawn {@link #KEY_WIDTH} pixels narrower than its image, the key in the strip at the right: the
     * key's label, a vertical bar from its lowest value (bottom, darkest) to its highest, and its
     * {@link ColorKey#ticks} beside the bar. XChart's encoders paint through {@link #paint(Graphics2D, int, int)}, so
     * the PNG and the SVG both have the gridlines and the key.
     *
     * <p>The plot area is known only once XChart has laid the chart out, so the chart is first painted into a scratch
     * image of the same size to find it; the tick of a value v on a log axis from a to b lies at the fraction
     * (log v − log a)/(log b − log a) of the axis' tick space (the plot's extent times the styler's plot content size,
     * centred in the plot), truncated to a whole pixel, as XChart's logarithmic tick calculator places it.
     */
    private static final class FramedChart extends XYChart {

        private final PlotFrame frame;
        private final ColorKey key;

        FramedChart(int width, int height, PlotFrame frame, ColorKey key) {
            super(width, height);
            this.frame = frame;
            this.key = key;
        }

        @Override
        public void paint(Graphics2D graphics, int chartWidth, int chartHeight) {
            int plotWidth = key == null ? chartWidth : chartWidth - KEY_WIDTH;
            BufferedImage scratch = new BufferedImage(plotWidth, chartHeight, BufferedImage.TYPE_INT_RGB);
            Graphics2D layout = scratch.createGraphics();
            try {
                layout.setRenderingHints(graphics.getRenderingHints());
                super.paint(layout, plotWidth, chartHeight);
            } finally {
                layout.dispose();
            }
            java.awt.geom.Rectangle2D bounds = plot.getBounds();
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, chartWidth, chartHeight);
            paintLogGrid(graphics, bounds);
            super.paint(graphics, plotWidth, chartHeight);
            if (key != null) {
                setWidth(chartWidth);
                setHeight(chartHeight);
                paintKey(graphics, plotWidth, chartHeight);
            }
        }

        private void paintLogGrid(Graphics2D graphics, java.awt.geom.Rectangle2D bounds) {
            graphics.setColor(GRID);
            BasicStroke stroke = new BasicStroke(1f);
            double content = getStyler().getPlotContentSize();
            if (frame.x().scale() == Scale.LOG) {
                for (double value : frame.x().values()) {
                    double x = bounds.getX() + tickLocation(frame.x(), value, bounds.getWidth(), content);
                    if (x > bounds.getX() && x < bounds.getMaxX()) {
                        graphics.fill(stroke.createStrokedShape(new java.awt.geom.Line2D.Double(x, bounds.getY(), x,
                                bounds.getMaxY())));
                    }
                }
            }
            if (frame.y().scale() == Scale.LOG) {
                for (double value : frame.y().values()) {
                    double y = bounds.getMaxY() - tickLocation(frame.y(), value, bounds.getHeight(), content);
                    if (y > bounds.getY() && y < bounds.getMaxY()) {
                        graphics.fill(stroke.createStrokedShape(new java.awt.geom.Line2D.Double(bounds.getX(), y,
                                bounds.getMaxX(), y)));
                    }
                }
            }
        }

        /** Where XChart puts the tick of {@code value} along a log axis of {@code extent} pixels: whole pixels. */
        private static int tickLocation(AxisTicks axis, double value, double extent, double content) {
            double space = content * extent;
            return (int) ((extent - space) / 2 + logFraction(axis, value) * space);
        }

        private static double logFraction(AxisTicks axis, double value) {
            return (Math.log10(value) - Math.log10(axis.low())) / (Math.log10(axis.high()) - Math.log10(axis.low()));
        }

        private void paintKey(Graphics2D graphics, int left, int chartHeight) {
            Font font = getStyler().getLegendFont();
            graphics.setFont(font);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int barHeight = Math.min(280, chartHeight - 180);
            int top = (chartHeight - barHeight) / 2;
            int barLeft = left + 12;
            int barWidth = 16;
            graphics.setColor(Color.BLACK);
            List<String> lines = wrapped(key.label(), graphics.getFontMetrics(), KEY_WIDTH - 8);
            int lineHeight = graphics.getFontMetrics().getHeight();
            for (int i = 0; i < lines.size(); i++) {
                graphics.drawString(lines.get(i), left + 4, top - 12 - (lines.size() - 1 - i) * lineHeight);
            }
            for (int i = 0; i < KEY_STEPS; i++) {
                double t = i / (KEY_STEPS - 1.0);
                int y0 = top + barHeight - (int) Math.round((i + 1) * (double) barHeight / KEY_STEPS);
                int y1 = top + barHeight - (int) Math.round(i * (double) barHeight / KEY_STEPS);
                int rgb = Integer.parseInt(Palette.viridis(ColorKey.TOP * t).substring(1), 16);
                graphics.setColor(new Color(rgb));
                graphics.fillRect(barLeft, y0, barWidth, y1 - y0);
            }
            graphics.setColor(FRAME);
            graphics.setStroke(new BasicStroke(1f));
            graphics.drawRect(barLeft, top, barWidth, barHeight);
            AxisTicks ticks = key.ticks();
            double[] values = ticks.values();
            int ascent = graphics.getFontMetrics().getAscent();
            for (int i = 0; i < values.length; i++) {
                int y = top + barHeight - (int) Math.round(key.fraction(values[i]) * barHeight);
                graphics.setColor(FRAME);
                graphics.drawLine(barLeft + barWidth, y, barLeft + barWidth + 4, y);
                graphics.setColor(Color.BLACK);
                graphics.drawString(ticks.labels().get(i), barLeft + barWidth + 8, y + ascent / 2 - 1);
            }
        }
    }

    /** {@code text} in lines no wider than {@code width} pixels, broken at spaces (a longer word on its own line). */
    static List<String> wrapped(String text, java.awt.FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && metrics.stringWidth(longer) > width) {
                lines.add(line);
                line = word;
            } else {
                line = longer;
            }
        }
        lines.add(line);
        return lines;
    }

    private static Marker marker(SeriesStyle.Marker marker) {
        return switch (marker) {
            case NONE -> SeriesMarkers.NONE;
            case CIRCLE -> SeriesMarkers.CIRCLE;
            case SQUARE -> SeriesMarkers.SQUARE;
            case DIAMOND -> SeriesMarkers.DIAMOND;
            case TRIANGLE -> SeriesMarkers.TRIANGLE_UP;
            case CROSS -> SeriesMarkers.CROSS;
        };
    }
}
