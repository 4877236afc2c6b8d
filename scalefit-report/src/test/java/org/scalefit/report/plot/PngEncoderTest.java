package org.scalefit.report.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

    private static byte[] imageIo(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "png", out)).isTrue();
        return out.toByteArray();
    }

    private static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    private static BufferedImage chart() {
        XChartRenderer renderer = XChartRenderer.standard();
        Figure figure = XChartRendererTest.sample();
        int height = renderer.heightFor(figure);
        BufferedImage image = new BufferedImage(renderer.width(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        renderer.chart(figure).paint(graphics, renderer.width(), height);
        graphics.dispose();
        return image;
    }

    @Test
    void writesTheBytesOfImageIosPngWriter() throws IOException {
        BufferedImage solid = new BufferedImage(31, 7, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = solid.createGraphics();
        graphics.setColor(new Color(0x1f77b4));
        graphics.fillRect(0, 0, 31, 7);
        graphics.dispose();
        // noise that deflates to several IDAT chunks, a one-pixel image, a flat one and a drawn chart
        for (BufferedImage image : new BufferedImage[] {noise(300, 200, 1), noise(1, 1, 2), noise(97, 3, 3), solid,
                chart()}) {
            assertThat(PngEncoder.encode(image)).isEqualTo(imageIo(image));
        }
    }

    @Test
    void refusesImagesOfAnotherType() {
        BufferedImage argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);

        assertThatThrownBy(() -> PngEncoder.encode(argb)).isInstanceOf(IllegalArgumentException.class);
    }
}
