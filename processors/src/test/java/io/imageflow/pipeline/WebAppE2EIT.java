package io.imageflow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.imageflow.support.RunningJar;
import io.imageflow.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app in a real browser against the real backend: frontend/e2e/webapp.e2e.mjs drives Debian's
 * Chromium through playwright-core. Screenshots land in target/screenshots.
 */
class WebAppE2EIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    @TempDir
    Path temp;

    @Test
    void uploadsThreePhotosWatchesThemCompleteAndDownloadsTheZip() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium, or set CHROMIUM_PATH)");
        Path frontend = Path.of(System.getProperty("imageflow.frontend", "frontend"));
        assumeTrue(Files.isDirectory(frontend.resolve("node_modules")), "the web app's dependencies are not installed (mvn without -Dskip.frontend runs npm ci)");

        // the one IT that starts the fat jar, as the README's java -jar line does (the others start it extracted)
        try (RunningJar jar = RunningJar.startTheFatJar(temp.resolve("data"))) {
            // its output to a file, shown if it fails (written to the fork's stdout it corrupts failsafe's channel)
            Path output = temp.resolve("webapp-e2e.log");
            ProcessBuilder e2e = new ProcessBuilder("npm", "run", "e2e").directory(frontend.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            e2e.environment().put("IMAGEFLOW_URL", jar.baseUrl());
            e2e.environment().put("PHOTOS_DIR", TestPhotos.dir().toString());
            e2e.environment().put("SCREENSHOT_DIR", Path.of("target", "screenshots").toAbsolutePath().toString());
            e2e.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
            Process run = e2e.start();
            boolean finished = run.waitFor(6, TimeUnit.MINUTES);
            if (!finished) {
                run.descendants().forEach(ProcessHandle::destroyForcibly);
                run.destroyForcibly();
            }
            assertThat(finished).as("the browser test finished in time; its output:\n%s", Files.readString(output)).isTrue();
            assertThat(run.exitValue()).as("browser test exit code; its output:\n%s\nbackend log:\n%s",
                    Files.readString(output), jar.log()).isZero();
        }
    }
}
