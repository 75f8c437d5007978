package io.imageflow.image;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Writing the result: format fallbacks, transparency, GIF palettes, quality and metadata. */
class ImageTransformerEncodingTest {

    private final ImageTransformer transformer = TestImages.transformer(50_000_000);

    @Tag("native-engine")
    @EnabledIf(value = "io.imageflow.image.TestImages#nativeEngineUnderTest",
            disabledReason = "native engine only; it runs in the build's native pass (this pass tests the pure-Java engine)")
    @Test
    void writesWebpWithTheNativeEngine() {
        byte[] webp = TestFiles.webp(40, 30, 0x80336699);

        TransformResult kept = transformer.transform(webp, TestImages.outputAs(null));
        TransformResult lossy = transformer.transform(TestImages.encode(TestImages.opaque(TestImages.solid(8, 8, 0xFF336699)), "png"),
                TestImages.outputAs(ImageFormat.WEBP));

        assertThat(kept.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(kept.note()).isNull();
        assertThat(new ImageProbe().probe(new java.io.ByteArrayInputStream(kept.bytes()))).isEqualTo(new ImageInfo(ImageFormat.WEBP, 40, 30));
        assertThat(TestImages.argb(TestImages.decode(kept.bytes()), 20, 15)[0]).as("alpha kept").isBetween(0x78, 0x88);
        assertThat(lossy.format()).isEqualTo(ImageFormat.WEBP);
    }

    @Test
    void stripsMetadataByDefaultAndKeepsExifUprightWhenAsked() {
        byte[] jpeg = TestFiles.jpegWithOrientation(TestImages.markedCorners(60, 40, 16), 6, true);

        byte[] stripped = transformer.transform(jpeg, TestImages.outputAs(null)).bytes();
        byte[] kept = transformer.transform(jpeg, new ProcessingPlan(List.of(), new OutputOptions(null, 85, true))).bytes();

        assertThat(indexOf(stripped, "Exif")).isNegative();
        assertThat(indexOf(kept, "Exif")).isPositive();
        assertThat(indexOf(kept, "Cam")).as("other tags survive").isPositive();
        try (var in = new javax.imageio.stream.MemoryCacheImageInputStream(new ByteArrayInputStream(kept))) {
            byte[] exif = JpegExif.read(in);
            assertThat(ExifOrientation.read(exif)).isEqualTo(1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(TestImages.decode(kept).getWidth()).isEqualTo(40);
    }

    @Test
    void flattensTransparencyOnWhiteForJpeg() {
        BufferedImage half = TestImages.fill(TestImages.solid(40, 20, 0x00000000), 20, 0, 20, 20, 0xFFFF0000);

        TransformResult result = transformer.transform(TestImages.encode(half, "png"), TestImages.outputAs(ImageFormat.JPEG));
        BufferedImage out = TestImages.decode(result.bytes());

        assertThat(result.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(TestImages.argb(out, 5, 10)).satisfies(p -> assertThat(p[1]).isGreaterThan(245))
                .satisfies(p -> assertThat(p[2]).isGreaterThan(245)).satisfies(p -> assertThat(p[3]).isGreaterThan(245));
        assertThat(TestImages.argb(out, 35, 10)).satisfies(p -> assertThat(p[1]).isGreaterThan(230))
                .satisfies(p -> assertThat(p[2]).isLessThan(30));
    }

    @Test
    void rotatedCornersBecomeWhiteInJpegAndStayTransparentInPng() {
        byte[] jpeg = TestImages.encode(TestImages.opaque(TestImages.solid(100, 50, 0xFF0000FF)), "jpeg");

        BufferedImage asJpeg = TestImages.decode(transformer.transform(jpeg, TestImages.outputAs(null, new Rotate(30))).bytes());
        BufferedImage asPng = TestImages.decode(transformer.transform(jpeg, TestImages.outputAs(ImageFormat.PNG, new Rotate(30))).bytes());

        assertThat(TestImages.argb(asJpeg, 1, 1)).satisfies(p -> assertThat(p[1]).isGreaterThan(245));
        assertThat(TestImages.argb(asPng, 1, 1)[0]).isZero();
    }

    @Tag("java-engine")
    @EnabledIf(value = "io.imageflow.image.TestImages#javaEngineUnderTest",
            disabledReason = "pure-Java engine only; it runs in the build's -Dimageflow.test.engine=java pass")
    @Test
    void readsWebpButWritesPngInsteadWithANote() {
        byte[] webp = TestFiles.webp(40, 30, 0x80336699);

        TransformResult kept = transformer.transform(webp, TestImages.outputAs(null));
        TransformResult opaque = transformer.transform(TestImages.encode(TestImages.opaque(TestImages.solid(8, 8, 0xFF336699)), "png"),
                TestImages.outputAs(ImageFormat.WEBP));

        assertThat(kept.format()).isEqualTo(ImageFormat.PNG);
        assertThat(kept.note()).isEqualTo("webp cannot be written here; written as png");
        assertThat(TestImages.argb(TestImages.decode(kept.bytes()), 20, 15)).containsExactly(0x80, 0x33, 0x66, 0x99);
        assertThat(opaque.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(opaque.note()).isEqualTo("webp cannot be written here; written as jpeg");
        assertThat(transformer.transform(webp, TestImages.outputAs(ImageFormat.PNG)).note()).isNull();
    }

    @Test
    void writesGifWithAProperPaletteAndTransparency() {
        BufferedImage image = TestImages.fill(TestImages.noise(64, 64, 11), 0, 0, 8, 8, 0x00000000);

        TransformResult result = transformer.transform(TestImages.encode(image, "png"), TestImages.outputAs(ImageFormat.GIF));
        BufferedImage out = TestImages.decode(result.bytes());

        assertThat(result.format()).isEqualTo(ImageFormat.GIF);
        assertThat(out.getColorModel()).isInstanceOf(java.awt.image.IndexColorModel.class);
        assertThat(TestImages.argb(out, 2, 2)[0]).isZero();
        assertThat(TestImages.argb(out, 40, 40)[0]).isEqualTo(255);
    }

    @Test
    void gifKeepsFlatColoursExact() {
        TransformResult result = transformer.transform(TestImages.encode(TestImages.stripes(40, 10), "png"), TestImages.outputAs(ImageFormat.GIF));
        BufferedImage out = TestImages.decode(result.bytes());

        assertThat(TestImages.argb(out, 2, 5)).containsExactly(255, 255, 0, 0);
        assertThat(TestImages.argb(out, 20, 5)).containsExactly(255, 0, 255, 0);
        assertThat(TestImages.argb(out, 38, 5)).containsExactly(255, 0, 0, 255);
    }

    @Test
    void jpegQualityChangesTheSize() {
        byte[] photo = TestImages.encode(TestImages.opaque(TestImages.noise(100, 100, 3)), "png");

        int low = transformer.transform(photo, new ProcessingPlan(List.of(), new OutputOptions(ImageFormat.JPEG, 10, false))).bytes().length;
        int high = transformer.transform(photo, new ProcessingPlan(List.of(), new OutputOptions(ImageFormat.JPEG, 95, false))).bytes().length;

        assertThat(low).isLessThan(high / 2);
    }

    @Test
    void transformsAFileAndReportsTheResultSize(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("upload.tmp");
        Files.write(file, TestImages.encode(TestImages.stripes(400, 200), "png"));

        TransformResult result = transformer.transform(file, new OperationParser().parse(List.of(
                java.util.Map.of("type", "resize", "width", 100, "height", 100, "fit", "cover"),
                java.util.Map.of("type", "grayscale"),
                java.util.Map.of("type", "format", "format", "jpg"))));

        assertThat(result.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(result.width()).isEqualTo(100);
        assertThat(result.height()).isEqualTo(100);
        assertThat(result.note()).isNull();
        assertThat(new ImageProbe().probe(new ByteArrayInputStream(result.bytes())))
                .isEqualTo(new ImageInfo(ImageFormat.JPEG, 100, 100));
    }

    private static int indexOf(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= haystack.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
