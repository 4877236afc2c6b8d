package org.scalefit.report.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class XChartRendererTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final XChartRenderer renderer = XChartRenderer.standard();

    static Figure sample() {
        double[] compute = {1e18, 1e19, 1e20, 1e21};
        double[] loss = {3.9, 3.2, 2.8, 2.5};
        return Figure.of("sample", "Loss against FLOPs", Axis.log("FLOPs"), Axis.log("loss"))
                .with(Series.of("runs", compute, loss, SeriesStyle.markers("#1f77b4"))
                        .withBand(new Band(new double[] {3.7, 3.0, 2.6, 2.3}, new double[] {4.1, 3.4, 3.0, 2.7})))
                .with(Series.of("law", compute, new double[] {3.8, 3.25, 2.85, 2.55}, SeriesStyle.dashed("#d62728")))
                .with(Series.of("not drawable", new double[] {-1, 0}, new double[] {1, 2},
                        SeriesStyle.line("#000000")));
    }

    @Test
    void pngStartsWithThePngSignatureAndHasTheRequestedSize() throws Exception {
        byte[] png = renderer.png(sample());

        assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(960);
        assertThat(image.getHeight()).isEqualTo(560);
    }

    @Test
    void svgParsesAsXmlWithAnSvgRoot() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(renderer.svg(sample())));

        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getElementsByTagNameNS("*", "path").getLength()).isPositive();
    }

    @Test
    void theSameFigureGivesTheSameBytes() {
        assertThat(renderer.png(sample())).isEqualTo(renderer.png(sample()));
        assertThat(renderer.svg(sample())).isEqualTo(renderer.svg(sample()));
    }

    @Test
    void aDifferentFigureGivesDifferentBytes() {
        Figure other = sample().with(Series.of("extra", new double[] {1e18, 1e21}, new double[] {3, 3},
                SeriesStyle.line("#2ca02c")));

        assertThat(renderer.png(other)).isNotEqualTo(renderer.png(sample()));
    }

    @Test
    void theChartHasEveryDrawableSeriesAndEachBandButNoLegendEntryForTheBand() {
        var chart = renderer.chart(sample());

        assertThat(chart.getSeriesCollection()).extracting(s -> s.getName())
                .containsExactly("runs (band)", "runs", "law");
        assertThat(chart.getSeries("runs (band)").isShowInLegend()).isFalse();
        assertThat(chart.getStyler().getLegendPosition())
                .isEqualTo(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    }

    @Test
    void aLegendEntryTooLongForTheSideMovesTheLegendBelowThePlotAndTheImageGrowsForIt() throws Exception {
        String name = "Counting last layer FLOPs: E + A·C^−α, α = 0.333, E = 2.86";
        Figure figure = sample().with(Series.of(name, new double[] {1e18, 1e21}, new double[] {3, 3},
                SeriesStyle.line("#2ca02c")));

        var chart = renderer.chart(figure);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(renderer.png(figure)));

        assertThat(name.length()).isGreaterThan(XChartRenderer.SIDE_LEGEND_CHARACTERS);
        assertThat(chart.getStyler().getLegendPosition())
                .isEqualTo(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        assertThat(image.getHeight()).isEqualTo(renderer.height() + 3 * XChartRenderer.LEGEND_LINE
                + XChartRenderer.LEGEND_BELOW_MARGIN);
    }

    @Test
    void aFigureWithFortyFiveLegendEntriesIsDrawnTallEnoughForItsLegend() throws Exception {
        Figure figure = Figure.of("many", "45 runs", Axis.log("FLOPs"), Axis.log("loss"));
        for (int i = 0; i < 45; i++) {
            figure = figure.with(Series.of("run " + i, new double[] {1e18 * (i + 1), 1e19 * (i + 1)},
                    new double[] {4 - 0.01 * i, 3.5 - 0.01 * i}, Palette.runStyle(i)));
        }

        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(renderer.png(figure)));

        assertThat(image.getHeight()).isGreaterThanOrEqualTo(45 * XChartRenderer.LEGEND_LINE)
                .isEqualTo(renderer.heightFor(figure));
        assertThat(renderer.heightFor(sample())).isEqualTo(renderer.height());
    }

    @Test
    void aColourKeyIsDrawnAtTheRightEdgeFromItsDarkestToItsLightestColour() throws Exception {
        ColorKey key = ColorKey.of("parameters N", Scale.LOG, 1e8, 1e10);
        Figure figure = Figure.of("keyed", "Keyed", Axis.log("tokens"), Axis.linear("residual"))
                .with(Series.of("small", new double[] {1e9, 2e9}, new double[] {0.01, -0.01},
                        SeriesStyle.markers(key.color(1e8))).hiddenFromLegend())
                .withColorKey(key);

        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(renderer.png(figure)));

        java.util.Set<Integer> strip = new java.util.HashSet<>();
        for (int x = image.getWidth() - XChartRenderer.KEY_WIDTH; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                strip.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertThat(strip).contains(Integer.parseInt(key.color(1e8).substring(1), 16),
                Integer.parseInt(key.color(1e10).substring(1), 16));
        assertThat(new String(renderer.svg(figure), java.nio.charset.StandardCharsets.UTF_8))
                .contains("parameters N");
    }

    @Test
    void aLogAxisHasGridlinesAtItsLabelledTicksOnlyNotAtEveryDigitOfEachDecade() throws Exception {
        Figure figure = Figure.of("grid", "Grid", Axis.log("x"), Axis.log("y"))
                .with(Series.of("corners", new double[] {1, 1000}, new double[] {1, 1000},
                        SeriesStyle.markers("#1f77b4")).hiddenFromLegend());
        int labelled = PlotFrame.of(figure).x().values().length;

        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(renderer.png(figure)));

        int most = 0;
        for (int y = image.getHeight() / 3; y < 2 * image.getHeight() / 3; y++) {
            most = Math.max(most, thinGreyLines(image, y));
        }
        assertThat(labelled).isLessThan(9);
        assertThat(most).isBetween(1, labelled);
    }

    /**
     * The runs of one to three light grey pixels along row {@code y} in the middle three quarters of the image (clear
     * of the axis' labels): the vertical gridlines it crosses.
     */
    private static int thinGreyLines(java.awt.image.BufferedImage image, int y) {
        int lines = 0;
        int run = 0;
        int end = 7 * image.getWidth() / 8;
        for (int x = image.getWidth() / 8; x <= end; x++) {
            int rgb = x < end ? image.getRGB(x, y) & 0xffffff : 0xffffff;
            int r = rgb >> 16;
            boolean grey = rgb != 0xffffff && r >= 0xd8 && r == (rgb & 0xff) && r == ((rgb >> 8) & 0xff);
            if (grey) {
                run++;
            } else {
                if (run >= 1 && run <= 3) {
                    lines++;
                }
                run = 0;
            }
        }
        return lines;
    }
}
