package io.imageflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import io.imageflow.support.ApiClient.Part;

/**
 * The real photographs committed with the tests (src/test/resources/photos; README.md there says where
 * each comes from and under which licence). Every clone has them: no test needs the shared corpus.
 */
public final class TestPhotos {

    /** 1024×682, progressive JPEG, 4:2:2: autumn trees, a green meadow, mountains and sky. */
    public static final String LANDSCAPE_PROGRESSIVE = "aitzgorri_by_Aitzol_Berasategi.jpg";
    /** 1024×768, baseline JPEG, 4:2:0: mountains under a blue sky above a grassy slope. */
    public static final String LANDSCAPE_BASELINE = "picosdeeuropa_by_Aitzol_Berasategi.jpg";
    /** {@link #LANDSCAPE_BASELINE} at 512×384, stored on its side (384×512) with EXIF Orientation 6. */
    public static final String ON_ITS_SIDE = "picosdeeuropa_by_Aitzol_Berasategi-orientation-6.jpg";
    /** 720×960, baseline JPEG, 4:2:2: a dragonfly on a twig among leaves, fine detail everywhere. */
    public static final String PORTRAIT = "Dragonfly_by_Bolly-portrait.jpg";

    private TestPhotos() {
    }

    /** The folder of photographs, as compiled onto the test class path. */
    public static Path dir() {
        URL readme = TestPhotos.class.getResource("/photos/README.md");
        if (readme == null) {
            throw new IllegalStateException("src/test/resources/photos is not on the class path");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path path(String name) {
        return dir().resolve(name);
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The photograph as an upload part under another file name. */
    public static Part part(String name, String uploadedAs) {
        return new Part(uploadedAs, bytes(name));
    }
}
