package io.imageflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Ports nobody listens on, for servers a test starts. The kernel may hand the same ephemeral port to two
 * {@code bind(0)} calls in a row once the first socket is closed (CI saw the SMTP port and the mailbox port
 * come out equal), so a port is never handed out twice in one JVM.
 */
public final class FreePorts {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    public static synchronized int next() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = unusedPort();
            if (HANDED_OUT.add(port)) {
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
