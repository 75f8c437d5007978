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
 * The packaged jar as the ITs start it about twenty times: extracted once per build (per jar) the way the
 * container image lays it out ({@code java -Djarmode=tools -jar imageflow.jar extract}), with a class-data
 * sharing archive made by one training start that exits once the context is refreshed (Spring Boot's
 * {@code -Dspring.context.exit=onRefresh}). Measured here: a local-mode start to ready took 23–25 s from the
 * fat jar with its archive, 7–8 s extracted with its own (the fat jar's nested-jar class loader looks every
 * class up across 300 nested jars, and none of their classes can be archived). Nothing the application does
 * changes. Without the property {@code imageflow.it.extracted}, or when extracting fails (said on stderr), the
 * ITs start the fat jar; without {@code imageflow.it.class-archive}, or when training fails, no archive.
 */
final class ExtractedJar {

    private static final String EXTRACTED = "imageflow.it.extracted";
    private static final String ARCHIVE = "imageflow.it.class-archive";

    private ExtractedJar() {
    }

    /** What follows the JVM options on the command line: the archive's option if there is one, -jar and the jar. */
    static synchronized List<String> launch(Path jar, List<String> jvmOptions) {
        String destination = System.getProperty(EXTRACTED, "");
        Path launched = destination.isBlank() ? jar.toAbsolutePath()
                : underLock(Path.of(destination).toAbsolutePath(), () -> extract(jar, Path.of(destination).toAbsolutePath()));
        List<String> options = new ArrayList<>();
        String archive = System.getProperty(ARCHIVE, "");
        if (!archive.isBlank()) {
            Path file = Path.of(archive).toAbsolutePath();
            if (underLock(file, () -> train(file, launched, jvmOptions) ? file : null) != null) {
                options.add("-XX:SharedArchiveFile=" + file);
            }
        }
        options.addAll(List.of("-jar", launched.toString()));
        return options;
    }

    private interface Making {
        Path make() throws IOException;
    }

    /**
     * Made under a file lock beside it (the ITs run in more than one fork, and only one of them makes it), and
     * only when older than the packaged jar; what {@code making} gives, or null.
     */
    private static Path underLock(Path made, Making making) {
        try {
            Files.createDirectories(made.getParent());
            Path lock = made.resolveSibling(made.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return making.make();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The extracted jar (destination/imageflow.jar, its libraries in destination/lib), or the fat jar if that fails. */
    private static Path extract(Path jar, Path destination) throws IOException {
        Path extracted = destination.resolve(jar.getFileName());
        if (isNewer(extracted, jar)) {
            return extracted;
        }
        FileSystemUtils.deleteRecursively(destination);
        Path log = Files.createTempFile(destination.getParent(), "extract-", ".log");
        if (run(List.of(RunningJar.java(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
                "--destination", destination.toString()), log) && Files.isRegularFile(extracted)) {
            Files.delete(log);
            return extracted;
        }
        System.err.println("The ITs start the fat jar: extracting it failed, log: " + log);
        return jar.toAbsolutePath();
    }

    private static boolean train(Path archive, Path jar, List<String> jvmOptions) throws IOException {
        if (isNewer(archive, jar)) {
            return true;
        }
        Files.deleteIfExists(archive);
        Path work = Files.createTempDirectory(archive.getParent(), "class-archive-");
        Path log = work.resolve("training.log");
        List<String> command = new ArrayList<>(List.of(RunningJar.java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                "-jar", jar.toString(), "--server.port=0", "--management.server.port=0",
                "--spring.mail.port=0", "--imageflow.mail.imap-port=0", "--imageflow.mail.mailbox-port=0",
                "--imageflow.data-dir=" + work.resolve("data")));
        if (run(command, log) && Files.isRegularFile(archive)) {
            // its data directory holds the broker's preallocated journal, tens of megabytes
            FileSystemUtils.deleteRecursively(work);
            return true;
        }
        System.err.println("No class-data archive for the ITs (they start without one): the training run failed, log: " + log);
        return false;
    }

    private static boolean isNewer(Path made, Path jar) throws IOException {
        return Files.isRegularFile(made) && Files.getLastModifiedTime(made).compareTo(Files.getLastModifiedTime(jar)) > 0;
    }

    /** Runs a command to its end (5 minutes at most), its output to the log; whether it exited with 0. */
    private static boolean run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                return false;
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
