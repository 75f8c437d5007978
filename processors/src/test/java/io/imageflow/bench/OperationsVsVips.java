package io.imageflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.imageflow.image.ImageEngines;
import io.imageflow.image.ImageTransformer;
import io.imageflow.image.MemoryBudget;
import io.imageflow.image.OperationParser;
import io.imageflow.image.ProcessingPlan;

/**
 * Each operation of the JMH table on the 20 MP photo, ours (decode + operation + encode, from memory, one
 * thread, after 2 warm-ups) against the same task through the {@code vips} command line (a process per run,
 * reading and writing files), once with one vips thread and once with its default (every core): 5 rounds of
 * the three in turn, medians. Output JPEG quality 85, PNG compression 6 in both.
 */
public final class OperationsVsVips {

    private static final String PHOTO = "01_Kleiber_by_Lukas_Baubkus.jpg";
    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        Path photo = Path.of(System.getProperty("imageflow.corpus", "../shared/corpus")).resolve(PHOTO);
        Path out = Files.createDirectories(Path.of(System.getProperty("bench.out", "target/bench-out")).resolve("ops"));
        byte[] input = Files.readAllBytes(photo);
        String vips = ExternalTool.find("vips");
        String in = photo.toString();
        Map<String, List<String>> vipsArgs = new LinkedHashMap<>();
        vipsArgs.put("none", List.of("copy", in, out + "/none.jpg[Q=85]"));
        vipsArgs.put("resize-1600", List.of("thumbnail", in, out + "/resize.jpg[Q=85]", "1600"));
        vipsArgs.put("rotate-90", List.of("rot", in, out + "/rot90.jpg[Q=85]", "d90"));
        vipsArgs.put("rotate-30", List.of("rotate", in, out + "/rot30.jpg[Q=85]", "30"));
        vipsArgs.put("grayscale", List.of("colourspace", in, out + "/grey.jpg[Q=85]", "b-w"));
        vipsArgs.put("blur-5", List.of("gaussblur", in, out + "/blur.jpg[Q=85]", "5"));
        vipsArgs.put("sharpen", List.of("sharpen", in, out + "/sharpen.jpg[Q=85]"));
        vipsArgs.put("brightness-1.2", List.of("linear", "--uchar", in, out + "/bright.jpg[Q=85]", "--", "1.2", "0"));
        // "--" ends the options, else vips takes -25.6 for one
        vipsArgs.put("contrast-1.2", List.of("linear", "--uchar", in, out + "/contrast.jpg[Q=85]", "--", "1.2", "-25.6"));
        vipsArgs.put("crop-16x9", List.of("crop", in, out + "/crop.jpg[Q=85]", "0", "0", "6028", "3390"));
        vipsArgs.put("format-png", List.of("copy", in, out + "/png.png[compression=6]"));
        System.out.printf(Locale.ROOT, "%s, 20.4 MP; load %s%n%n%-16s %10s %14s %14s %10s %10s%n", PHOTO, Load.now(),
                "operation", "ours ms", "vips 1 thr ms", "vips all ms", "vs 1 thr", "vs all");
        OperationParser parser = new OperationParser();
        try (ImageTransformer transformer = new ImageTransformer(ImageEngines.of(ImageEngines.Choice.AUTO),
                new ImageTransformer.Limits(100_000_000L, Duration.ofMinutes(2), MemoryBudget.ofMaxHeap(), 256))) {
            for (Map.Entry<String, List<String>> entry : vipsArgs.entrySet()) {
                ProcessingPlan plan = parser.parse(TransformBenchmarkCases.of(entry.getKey()));
                List<String> command = new ArrayList<>();
                command.add(vips);
                command.addAll(entry.getValue());
                transformer.transform(input, plan); // warm-up
                transformer.transform(input, plan);
                // interleaved, so that the load other builds put on the machine falls on all three alike
                double[] ours = new double[RUNS];
                double[] one = new double[RUNS];
                double[] all = new double[RUNS];
                for (int run = 0; run < RUNS; run++) {
                    long start = System.nanoTime();
                    transformer.transform(input, plan);
                    ours[run] = (System.nanoTime() - start) / 1e9;
                    one[run] = vips == null ? Double.NaN : ExternalTool.time(List.of(command), 1, Map.of("VIPS_CONCURRENCY", "1"));
                    all[run] = vips == null ? Double.NaN : ExternalTool.time(List.of(command), 1, Map.of());
                }
                double oursMedian = median(ours);
                double oneMedian = median(one);
                double allMedian = median(all);
                System.out.printf(Locale.ROOT, "%-16s %10.0f %14.0f %14.0f %9.2fx %9.2fx%n", entry.getKey(), oursMedian * 1000,
                        oneMedian * 1000, allMedian * 1000, oneMedian / oursMedian, allMedian / oursMedian);
            }
        }
        System.out.printf(Locale.ROOT, "%n(\"vs\": vips' time / ours; above 1 = ImageFlow faster). load after: %s%n", Load.now());
    }

    private static double median(double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

}
