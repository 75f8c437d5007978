package io.imageflow.support;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.core.ConditionTimeoutException;

/**
 * Google's Pub/Sub and Firestore emulators for the gcp tests, as host:port. Found, in this order: through the
 * environment (PUBSUB_EMULATOR_HOST, FIRESTORE_EMULATOR_HOST, which .ci/run sets after starting them); else
 * started here from the jars of the Debian packages google-cloud-cli-pubsub-emulator and
 * google-cloud-cli-firestore-emulator, once per test JVM and stopped when it exits; else the test is skipped
 * by an assumption that names what is missing.
 */
public final class GoogleEmulators {

    private static final Map<String, String> STARTED = new ConcurrentHashMap<>();
    private static final List<Process> PROCESSES = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(GoogleEmulators::stopAll, "stop-google-emulators"));
    }

    private GoogleEmulators() {
    }

    /** The Pub/Sub emulator's host:port, or the test is skipped saying what is missing. */
    public static String pubsub() {
        return find("PUBSUB_EMULATOR_HOST", "google-cloud-cli-pubsub-emulator", "cloud-pubsub-emulator-.*-all\\.jar",
                (jar, port) -> List.of("-jar", jar.toString(), "--host=127.0.0.1", "--port=" + port), false);
    }

    /** The Firestore emulator's host:port, or the test is skipped saying what is missing. */
    public static String firestore() {
        return find("FIRESTORE_EMULATOR_HOST", "google-cloud-cli-firestore-emulator", "cloud-firestore-emulator\\.jar",
                (jar, port) -> List.of("-cp", jar.toString(),
                        "com.google.cloud.datastore.emulator.firestore.CloudFirestore", "start", "--host=127.0.0.1",
                        "--port=" + port), true);
    }

    private interface Arguments {
        List<String> of(Path jar, int port);
    }

    private static synchronized String find(String variable, String debianPackage, String jarPattern,
            Arguments arguments, boolean answersHttp) {
        String host = System.getenv(variable);
        if (host != null && !host.isBlank()) {
            return host;
        }
        String started = STARTED.get(variable);
        if (started != null) {
            return started;
        }
        Optional<Path> jar = jarOf(debianPackage, jarPattern);
        assumeTrue(jar.isPresent(), "Google's emulator is missing: " + variable + " is not set and the Debian package "
                + debianPackage + " is not installed (no jar matching " + jarPattern + " in dpkg -L " + debianPackage + ")");
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC"));
        command.addAll(arguments.of(jar.get(), port));
        try {
            Path log = Files.createTempFile("emulator-" + debianPackage + "-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            synchronized (PROCESSES) {
                PROCESSES.add(process);
            }
            awaitUp(process, port, answersHttp, log);
        } catch (IOException e) {
            assumeTrue(false, "Google's emulator " + debianPackage + " could not be started: " + e.getMessage());
        }
        host = "127.0.0.1:" + port;
        STARTED.put(variable, host);
        return host;
    }

    static Optional<Path> jarOf(String debianPackage, String jarPattern) {
        try {
            Process dpkg = new ProcessBuilder("dpkg", "-L", debianPackage).redirectErrorStream(true).start();
            String files = new String(dpkg.getInputStream().readAllBytes());
            if (dpkg.waitFor() != 0) {
                return Optional.empty();
            }
            return files.lines().map(String::trim).filter(line -> line.endsWith(".jar"))
                    .map(Path::of).filter(path -> path.getFileName().toString().matches(jarPattern))
                    .filter(Files::isRegularFile).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void awaitUp(Process process, int port, boolean answersHttp, Path log) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IOException("it exited at start-up: " + Files.readString(log));
                }
                try {
                    if (!answersHttp) {
                        new Socket("127.0.0.1", port).close();
                        return true;
                    }
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                } catch (ConnectException e) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IOException("not up after 90 s: " + Files.readString(log));
        }
    }

    private static void stopAll() {
        synchronized (PROCESSES) {
            for (Process process : PROCESSES) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
