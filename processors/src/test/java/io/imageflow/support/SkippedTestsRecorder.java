package io.imageflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes down every test that did not run, and why: skipped by a condition (@Disabled, @EnabledIf…) or
 * aborted by an assumption (assumeTrue: no Chromium, no emulator…), whoever wrote it. Registered for
 * every JUnit run through META-INF/services; surefire and failsafe each leave their files in
 * target/skipped-tests, and {@link SkippedTestsSummary} prints them at the end of the build.
 */
public class SkippedTestsRecorder implements TestExecutionListener {

    /** One line per test that did not run: "Class.method: reason". */
    static final String SKIPPED = ".skipped";
    /** How many tests ran to their end (passed or failed). */
    static final String RAN = ".ran";

    private final Path dir = Path.of(System.getProperty("imageflow.skipped-tests", "target/skipped-tests"));
    private final String run = UUID.randomUUID().toString();
    private final AtomicInteger ran = new AtomicInteger();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        write(RAN, "0", StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        write(SKIPPED, name(test) + ": " + reason + System.lineSeparator(), StandardOpenOption.APPEND);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            String reason = result.getThrowable().map(Throwable::getMessage).orElse("aborted")
                    .replaceFirst("^Assumption failed: ", "");
            write(SKIPPED, name(test) + ": " + reason + System.lineSeparator(), StandardOpenOption.APPEND);
        } else if (test.isTest()) {
            write(RAN, Integer.toString(ran.incrementAndGet()), StandardOpenOption.TRUNCATE_EXISTING);
        }
    }

    /** "Class.method", "Class.method [2] profile api", or "Class (every test)" for a whole class. */
    private String name(TestIdentifier test) {
        return test.getSource().map(source -> {
            if (source instanceof MethodSource method) {
                String name = simple(method.getClassName()) + "." + method.getMethodName();
                boolean invocation = !test.getDisplayName().startsWith(method.getMethodName());
                return invocation ? name + " " + test.getDisplayName() : name;
            }
            if (source instanceof ClassSource type) {
                return simple(type.getClassName()) + " (every test)";
            }
            return test.getDisplayName();
        }).orElse(test.getDisplayName());
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private synchronized void write(String suffix, String text, StandardOpenOption mode) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(run + suffix), text, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
