package io.imageflow.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real photographs in ../shared/corpus (path from the imageflow.corpus system property). */
public final class Corpus {

    private Corpus() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("imageflow.corpus", "../shared/corpus"));
        if (!Files.isDirectory(dir)) {
            System.err.println("SKIPPED: the photo corpus is not at " + dir.toAbsolutePath()
                    + " (set -Dimageflow.corpus=...)");
        }
        assumeTrue(Files.isDirectory(dir), "photo corpus missing at " + dir.toAbsolutePath());
        return dir;
    }

    public static Path photo(String name) {
        return dir().resolve(name);
    }
}
