package io.imageflow.image;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Test images built in code, so every test shows exactly what its input is (see also {@link TestFiles}). */
final class TestImages {

    /**
     * The engine these tests run against: {@code -Dimageflow.test.engine=java|native|auto}; by default the one
     * that ships (auto: native where it loads). The build runs the image tests once with each (pom.xml).
     */
    static final ImageEngines.Choice ENGINE = ImageEngines.Choice.valueOf(
            System.getProperty("imageflow.test.engine", "auto").toUpperCase(java.util.Locale.ROOT));

    private static final ImageTransformer TRANSFORMER = transformer(50_000_000);

    private TestImages() {
    }

    /**
     * For {@code @EnabledIf} on the tests of one engine (tagged {@code native-engine} or {@code java-engine}):
     * the build runs the image tests once per engine, so each such test runs in one of the two passes.
     */
    static boolean nativeEngineUnderTest() {
        return TRANSFORMER.engines().preferred().name().equals("native");
    }

    static boolean javaEngineUnderTest() {
        return ENGINE == ImageEngines.Choice.JAVA;
    }

    /** A transformer on the engine under test, with the default limits. */
    static ImageTransformer transformer(long maxPixels) {
        return new ImageTransformer(ImageEngines.of(ENGINE), ImageTransformer.Limits.defaults(maxPixels));
    }

    /**
     * The operation applied by the engine under test: directly for the Java engine; for the native one through a
     * whole transform of the image written as PNG (lossless, alpha kept) into PNG, decoded again for the assertions.
     */
    static BufferedImage apply(ImageOperation operation, BufferedImage image) {
        if (ENGINE == ImageEngines.Choice.JAVA) {
            return operation.apply(image);
        }
        return decode(TRANSFORMER.transform(encode(image, "png"), outputAs(ImageFormat.PNG, operation)).bytes());
    }

    static BufferedImage solid(int width, int height, int argb) {
        return fill(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), 0, 0, width, height, argb);
    }

    /** Sets every pixel of the rectangle to the colour, alpha included (nothing is blended). */
    static BufferedImage fill(BufferedImage image, int x, int y, int width, int height, int argb) {
        Graphics2D g = image.createGraphics();
        g.setComposite(java.awt.AlphaComposite.Src);
        g.setColor(new Color(argb, true));
        g.fillRect(x, y, width, height);
        g.dispose();
        return image;
    }

    static BufferedImage opaque(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** White, with a red block in the top-left corner and a blue one in the top-right corner. */
    static BufferedImage markedCorners(int width, int height, int block) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, block, block);
        g.setColor(Color.BLUE);
        g.fillRect(width - block, 0, block, block);
        g.dispose();
        return image;
    }

    /** Left half black, right half white: a sharp vertical edge. */
    static BufferedImage edge(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.WHITE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /** Every pixel a different colour, so any shift or interpolation shows. */
    static BufferedImage noise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        java.util.Random random = new java.util.Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt() | 0xFF000000);
            }
        }
        return image;
    }

    /** Alpha, red, green, blue of one pixel. */
    static int[] argb(BufferedImage image, int x, int y) {
        int p = image.getRGB(x, y);
        return new int[] {p >>> 24, p >> 16 & 0xFF, p >> 8 & 0xFF, p & 0xFF};
    }

    /** Left quarter red, middle half green, right quarter blue. */
    static BufferedImage stripes(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 4, height);
        g.setColor(Color.BLUE);
        g.fillRect(width - width / 4, 0, width / 4, height);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plan of the operations, written as {@code format} (null: the input's), quality 85, metadata stripped. */
    static ProcessingPlan outputAs(ImageFormat format, ImageOperation... operations) {
        return new ProcessingPlan(List.of(operations), new OutputOptions(format, 85, false));
    }
}
