package io.imageflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The packaged jar started as a user starts it (java -jar), in its own process, on free ports. */
public final class RunningJar implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;

    private RunningJar(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("imageflow.jar", "target/imageflow.jar"));
        assumeTrue(Files.isRegularFile(jar), "packaged jar missing at " + jar + " (run mvn verify)");
        return jar;
    }

    /** Starts the jar over a data directory with the given extra arguments, and waits until it serves. */
    public static RunningJar start(Path dataDir, String... arguments) {
        return start(dataDir, List.of(java(), "-Xmx1g", "-jar", jar().toAbsolutePath().toString()), arguments);
    }

    /** Starts ImageFlow with this command line (java, its options, -jar and the jar) and the extra arguments. */
    public static RunningJar start(Path dataDir, List<String> javaCommand, String... arguments) {
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        List<String> command = new ArrayList<>(javaCommand);
        command.addAll(List.of(
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--imageflow.data-dir=" + dataDir.toAbsolutePath(),
                "--spring.mail.port=" + FreePorts.next(),
                "--imageflow.mail.imap-port=" + FreePorts.next(),
                "--imageflow.processing.retry-delay=100ms"));
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(dataDir);
            Path log = Files.createTempFile(dataDir.getParent(), "imageflow-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            RunningJar jar = new RunningJar(process, log, port, managementPort);
            jar.awaitUp();
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Where health, metrics and Hawtio are served. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public ApiClient api() {
        return new ApiClient(baseUrl());
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kill -9: no shutdown hook runs, nothing is flushed or closed. */
    public void kill() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
        }
    }

    private void awaitUp() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health/readiness")).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(process.isAlive()).as("the jar exited during start-up:\n%s", log()).isTrue();
            try {
                return http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }
}
