package io.imageflow.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Another image program on this machine, run as its own process(es) and timed from outside. */
final class ExternalTool {

    private ExternalTool() {
    }

    /** The program's path where it is installed (the real ImageMagick in /usr/bin first), else null. */
    static String find(String... names) {
        for (String name : names) {
            for (String dir : List.of("/usr/bin", "/usr/local/bin", "/bin")) {
                File file = new File(dir, name);
                if (file.canExecute() && !isStandIn(file.toPath())) {
                    return file.getPath();
                }
            }
        }
        return null;
    }

    /** Runs each command (at most {@code parallel} at a time) and returns the wall time of the whole, in seconds. */
    static double time(List<List<String>> commands, int parallel, Map<String, String> environment) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        long start = System.nanoTime();
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (List<String> command : commands) {
                runs.add(pool.submit(() -> run(command, environment)));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("a comparison run failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static Void run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + ": " + String.join(" ", command));
        }
        return null;
    }

    /** This machine's image has a shell stand-in for convert in /usr/local/bin; it only forwards. */
    private static boolean isStandIn(Path file) {
        try {
            return Files.size(file) < 20_000 && Files.readString(file).contains("Stands in for");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
