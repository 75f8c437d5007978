package io.imageflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

/**
 * A class-data sharing archive of the packaged jar for the ITs' JVMs, which start it about twenty times: made
 * once per build (per jar) by a training run that exits once the context is refreshed (Spring Boot's
 * {@code -Dspring.context.exit=onRefresh}), then mapped by every start. Only start-up gets cheaper, nothing the
 * application does changes; without the property {@code imageflow.it.class-archive}, or when the training run
 * fails (said on stderr), the JVMs start without it.
 */
final class ClassArchive {

    private static final String PROPERTY = "imageflow.it.class-archive";

    private ClassArchive() {
    }

    /** The JVM options that map the archive, made first if this jar has none yet; none when it cannot be had. */
    static synchronized List<String> options(Path jar, List<String> jvmOptions) {
        String wanted = System.getProperty(PROPERTY, "");
        if (wanted.isBlank()) {
            return List.of();
        }
        Path archive = Path.of(wanted).toAbsolutePath();
        return ensure(archive, jar, jvmOptions)
                ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
    }

    /** Under a file lock: the ITs run in more than one fork, and only one of them trains. */
    private static boolean ensure(Path archive, Path jar, List<String> jvmOptions) {
        try {
            Files.createDirectories(archive.getParent());
            Path lock = archive.resolveSibling(archive.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (isFresh(archive, jar)) {
                    return true;
                }
                Files.deleteIfExists(archive);
                return train(archive, jar, jvmOptions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFresh(Path archive, Path jar) throws IOException {
        return Files.isRegularFile(archive)
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
    }

    private static boolean train(Path archive, Path jar, List<String> jvmOptions) throws IOException {
        Path work = Files.createTempDirectory(archive.getParent(), "class-archive-");
        Path log = work.resolve("training.log");
        List<String> command = new ArrayList<>(List.of(RunningJar.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                "-jar", jar.toAbsolutePath().toString(), "--server.port=0", "--management.server.port=0",
                "--spring.mail.port=0", "--imageflow.mail.imap-port=0", "--imageflow.mail.mailbox-port=0",
                "--imageflow.data-dir=" + work.resolve("data")));
        Process training = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean ended = training.waitFor(5, TimeUnit.MINUTES);
            if (!ended) {
                training.destroyForcibly().waitFor();
            }
            if (ended && training.exitValue() == 0 && Files.isRegularFile(archive)) {
                // its data directory holds the broker's preallocated journal, tens of megabytes
                FileSystemUtils.deleteRecursively(work);
                return true;
            }
            System.err.println("No class-data archive for the ITs (they start without one): the training run "
                    + (ended ? "exited with " + training.exitValue() : "did not end in 5 minutes") + ", log: " + log);
            return false;
        } catch (InterruptedException e) {
            training.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
