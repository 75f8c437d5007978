package io.imageflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TransformBenchmark} with JMH's GC profiler and prints, after JMH's own report, one line per
 * photograph and case: average milliseconds per image (± JMH's 99.9 % error) and megabytes allocated per
 * image. Any JMH option may be given (e.g. {@code -p photo=17_butterfly.jpg -p op=none,chain -f 2});
 * {@code -Dimageflow.bench.result=<file>} also writes JMH's JSON there.
 */
public final class RunTransformBenchmark {

    private RunTransformBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions command = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(command).addProfiler(GCProfiler.class);
        if (command.getIncludes().isEmpty()) {
            options.include(TransformBenchmark.class.getName() + ".transform");
        }
        String resultFile = System.getProperty("imageflow.bench.result");
        if (resultFile != null && !resultFile.isBlank()) {
            Files.createDirectories(Path.of(resultFile).toAbsolutePath().getParent());
            options.result(resultFile).resultFormat(ResultFormatType.JSON);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println();
        System.out.println(summary(results));
        if (resultFile != null && !resultFile.isBlank()) {
            System.out.println("JMH results (JSON): " + Path.of(resultFile).toAbsolutePath());
        }
    }

    static String summary(Collection<RunResult> results) {
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing((RunResult r) -> r.getParams().getParam("photo"))
                .thenComparing(r -> caseOrder(r.getParams().getParam("op"))));
        StringBuilder out = new StringBuilder();
        out.append("ImageFlow transform, one image per operation (decode + operations + encode)\n");
        out.append(String.format(Locale.ROOT, "%-32s %-15s %12s %10s %12s%n",
                "photo", "op", "ms/image", "± (99.9%)", "MB alloc/img"));
        for (RunResult r : sorted) {
            Result<?> time = r.getPrimaryResult();
            Map<String, Result> secondary = r.getSecondaryResults();
            Result<?> alloc = secondary.get("gc.alloc.rate.norm");
            out.append(String.format(Locale.ROOT, "%-32s %-15s %12.1f %10s %12s%n",
                    r.getParams().getParam("photo"), r.getParams().getParam("op"),
                    time.getScore(), Double.isNaN(time.getScoreError()) ? "n/a" : String.format(Locale.ROOT, "%.1f", time.getScoreError()),
                    alloc == null ? "n/a" : String.format(Locale.ROOT, "%.1f", alloc.getScore() / 1_000_000.0)));
        }
        out.append("(MB = 10^6 bytes; allocation from JMH's -prof gc, gc.alloc.rate.norm)\n");
        return out.toString();
    }

    private static int caseOrder(String op) {
        List<String> order = List.of("none", "resize-1600", "rotate-90", "rotate-30", "grayscale", "blur-5",
                "sharpen", "brightness-1.2", "contrast-1.2", "crop-16x9", "format-png", "chain");
        int i = order.indexOf(op);
        return i < 0 ? order.size() : i;
    }
}
