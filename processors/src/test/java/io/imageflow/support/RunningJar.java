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
import java.util.stream.Stream;

/** The packaged jar started as a user starts it (java -jar), in its own process, on free ports. */
public final class RunningJar implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;
    private final int mailboxPort;

    private RunningJar(Process process, Path log, int port, int managementPort, int mailboxPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
        this.mailboxPort = mailboxPort;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("imageflow.jar", "target/imageflow.jar"));
        assumeTrue(Files.isRegularFile(jar), "packaged jar missing at " + jar + " (run mvn verify)");
        return jar;
    }

    /**
     * Starts the jar over a data directory with the given extra arguments, and waits until it serves. It starts
     * extracted, as the container image starts it, with a class-data archive (see {@link ExtractedJar}).
     */
    public static RunningJar start(Path dataDir, String... arguments) {
        return start(dataDir, List.of("-Xmx1g"), arguments);
    }

    /**
     * The same with other JVM options (always with the README's -XX:+ExitOnOutOfMemoryError), after the build's
     * options for short-lived test JVMs (see the failsafe plugin in pom.xml).
     */
    public static RunningJar start(Path dataDir, List<String> jvmOptions, String... arguments) {
        return startWithCommand(dataDir, javaCommand(jvmOptions, ExtractedJar.launch(jar(), testJvmOptions())), arguments);
    }

    /**
     * Starts the fat jar itself, as the README's {@code java -jar target/imageflow.jar} line does: slower to start
     * than {@link #start}, and the only way to find what breaks in its nested jars alone.
     */
    public static RunningJar startTheFatJar(Path dataDir, String... arguments) {
        return startWithCommand(dataDir, javaCommand(List.of("-Xmx1g"), List.of("-jar", jar().toAbsolutePath().toString())),
                arguments);
    }

    /** java with the README's -XX:+ExitOnOutOfMemoryError, the build's test JVM options, these options and launch. */
    private static List<String> javaCommand(List<String> jvmOptions, List<String> launch) {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(testJvmOptions());
        command.addAll(jvmOptions);
        command.addAll(launch);
        return command;
    }

    /** Starts ImageFlow with this command line (java, its options, -jar and the jar) and the extra arguments. */
    public static RunningJar startWithCommand(Path dataDir, List<String> javaCommand, String... arguments) {
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        int mailboxPort = FreePorts.next();
        List<String> command = new ArrayList<>(javaCommand);
        command.addAll(List.of("--server.port=" + port, "--management.server.port=" + managementPort,
                "--imageflow.data-dir=" + dataDir.toAbsolutePath()));
        // defaults an argument may replace (a setting given twice would become a list of both)
        for (String setting : List.of("--spring.mail.port=" + FreePorts.next(),
                "--imageflow.mail.imap-port=" + FreePorts.next(), "--imageflow.mail.mailbox-port=" + mailboxPort,
                "--imageflow.processing.retry-delay=100ms")) {
            String key = setting.substring(0, setting.indexOf('=') + 1);
            if (Stream.of(arguments).noneMatch(argument -> argument.startsWith(key))) {
                command.add(setting);
            }
        }
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(dataDir);
            Path log = Files.createTempFile(dataDir.getParent(), "imageflow-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            RunningJar jar = new RunningJar(process, log, port, managementPort, mailboxPort);
            try {
                jar.awaitUp();
            } catch (RuntimeException | Error e) {
                // a jar that did not come up in time must not outlive the test (it was left running before)
                process.destroyForcibly();
                throw e;
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** imageflow.it.jvm-options: JVM options for the test's own starts, none unless the build gives some. */
    private static List<String> testJvmOptions() {
        return Stream.of(System.getProperty("imageflow.it.jvm-options", "").trim().split("\\s+"))
                .filter(option -> !option.isEmpty()).toList();
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Where health, metrics and Hawtio are served. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    /** The local mailbox, served on its own loopback connector. */
    public ApiClient mailbox() {
        return new ApiClient("http://127.0.0.1:" + mailboxPort);
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

    /** Waits for the process to end by itself; its exit code. */
    public int awaitExit(Duration patience) {
        await().atMost(patience).until(() -> !process.isAlive());
        return process.exitValue();
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
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(process.isAlive()).as("the jar exited during start-up:\n%s", log()).isTrue();
            try {
                return http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }
}
