package io.imageflow.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageFormatTest {

    @Test
    void namesAreLowerCaseAndJpgIsAnAlias() {
        assertThat(ImageFormat.fromName("jpg")).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.fromName(" JPEG ")).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.fromName("tif")).contains(ImageFormat.TIFF);
        assertThat(ImageFormat.fromName("heic")).isEmpty();
        assertThat(ImageFormat.fromName(null)).isEmpty();
        assertThat(ImageFormat.WEBP.id()).isEqualTo("webp");
        assertThat(ImageFormat.JPEG.mimeType()).isEqualTo("image/jpeg");
        assertThat(ImageFormat.JPEG.extension()).isEqualTo("jpg");
    }

    @Test
    void everyFormatIsReadableAndOnlyWebpLacksAWriter() {
        for (ImageFormat format : ImageFormat.values()) {
            assertThat(format.readable()).as(format.id()).isTrue();
            assertThat(format.writable()).as(format.id()).isEqualTo(format != ImageFormat.WEBP);
        }
    }

    @Test
    void capabilities() {
        assertThat(ImageFormat.JPEG.supportsAlpha()).isFalse();
        assertThat(ImageFormat.BMP.supportsAlpha()).isFalse();
        assertThat(ImageFormat.PNG.supportsAlpha()).isTrue();
        assertThat(ImageFormat.JPEG.lossy()).isTrue();
        assertThat(ImageFormat.PNG.lossy()).isFalse();
    }
}
