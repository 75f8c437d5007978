package io.imageflow.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints what {@link SkippedTestsRecorder} wrote down: the tests that did not run and why. The build
 * runs it last (mvn verify), so a skipped test shows in the build's last lines, not only mid-log.
 */
public final class SkippedTestsSummary {

    private SkippedTestsSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/skipped-tests");
        if (!Files.isDirectory(dir)) {
            System.out.println("No JUnit tests ran in this build.");
            return;
        }
        List<String> skipped = lines(dir, SkippedTestsRecorder.SKIPPED).sorted().toList();
        int ran = lines(dir, SkippedTestsRecorder.RAN).mapToInt(Integer::parseInt).sum();
        String tests = ran == 1 ? "1 test ran" : ran + " tests ran";
        if (skipped.isEmpty()) {
            System.out.println("JUnit: " + tests + ", none skipped.");
            return;
        }
        System.out.println("JUnit: " + tests + "; " + skipped.size() + " did NOT run:");
        skipped.forEach(line -> System.out.println("  SKIPPED " + line));
    }

    private static Stream<String> lines(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matching = files.filter(file -> file.toString().endsWith(suffix)).toList();
            return matching.stream().flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream().filter(line -> !line.isBlank());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
