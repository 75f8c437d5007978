package io.imageflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Ports nobody listens on, for servers a test starts. The kernel may hand the same ephemeral port to two
 * {@code bind(0)} calls in a row once the first socket is closed (CI saw the SMTP port and the mailbox port
 * come out equal), so a port is never handed out twice: not in one JVM, and not across the build's test JVMs
 * (failsafe runs two forks side by side), which record theirs in one file under a lock
 * ({@code imageflow.ports-file}, emptied at the start of each build's tests).
 */
public final class FreePorts {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    public static synchronized int next() {
        String registry = System.getProperty("imageflow.ports-file", "");
        return registry.isBlank() ? next(Set.of()) : nextRecordedIn(Path.of(registry));
    }

    private static int nextRecordedIn(Path registry) {
        try {
            Files.createDirectories(registry.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(registry, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Set<Integer> recorded = new HashSet<>();
                for (String line : Files.readAllLines(registry)) {
                    if (!line.isBlank()) {
                        recorded.add(Integer.parseInt(line.trim()));
                    }
                }
                int port = next(recorded);
                channel.write(ByteBuffer.wrap((port + "\n").getBytes(StandardCharsets.US_ASCII)), channel.size());
                return port;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int next(Set<Integer> takenElsewhere) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = unusedPort();
            if (!takenElsewhere.contains(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no new free port after 100 tries; handed out " + HANDED_OUT.size());
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
