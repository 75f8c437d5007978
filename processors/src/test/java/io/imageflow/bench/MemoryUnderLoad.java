package io.imageflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.imageflow.image.ImageEngines;
import io.imageflow.image.ImageTransformer;
import io.imageflow.image.OperationParser;
import io.imageflow.image.ProcessingPlan;

/**
 * The worker's memory under its worst load: at the default concurrency (2), two 50 MP photos with the heavy
 * chain (rotate 90 + sharpen + blur 5) start together, then the corpus with resize 1600 + sharpen. Limits as
 * the product's defaults (time 30 s, memory budget 60 % of -Xmx). Run it in a JVM as small as a worker pod's
 * ({@code -Dbench.jvm.args=-Xmx512m}); it prints each image's outcome, peak heap and peak resident size.
 */
public final class MemoryUnderLoad {

    private static final int CONCURRENCY = 2;

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(System.getProperty("imageflow.corpus", "../shared/corpus"));
        Path out = Files.createDirectories(Path.of(System.getProperty("bench.out", "target/bench-out")).resolve("memory"));
        OperationParser parser = new OperationParser();
        ProcessingPlan heavy = parser.parse(List.of(Map.of("type", "rotate", "degrees", 90), Map.of("type", "sharpen"),
                Map.of("type", "blur", "radius", 5)));
        ProcessingPlan chain = parser.parse(TransformBenchmarkCases.of("chain"));
        System.out.printf(Locale.ROOT, "max heap %d MB; load %s%n", Runtime.getRuntime().maxMemory() >> 20, Load.now());
        try (ImageTransformer transformer = new ImageTransformer(ImageEngines.of(ImageEngines.Choice.AUTO),
                ImageTransformer.Limits.defaults(50_000_000L)); PeakMemory memory = new PeakMemory()) {
            byte[] big = fiftyMegapixels(transformer, corpus.resolve("01_Kleiber_by_Lukas_Baubkus.jpg"), out);
            List<String> names = new ArrayList<>(List.of("50MP-a (heavy chain)", "50MP-b (heavy chain)"));
            List<byte[]> inputs = new ArrayList<>(List.of(big, big.clone()));
            List<ProcessingPlan> plans = new ArrayList<>(List.of(heavy, heavy));
            try (Stream<Path> photos = Files.list(corpus)) {
                for (Path photo : photos.filter(p -> p.toString().endsWith(".jpg")).sorted().toList()) {
                    names.add(photo.getFileName().toString());
                    inputs.add(Files.readAllBytes(photo));
                    plans.add(chain);
                }
            }
            ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY);
            long start = System.nanoTime();
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                byte[] input = inputs.get(i);
                ProcessingPlan plan = plans.get(i);
                outcomes.add(workers.submit(() -> {
                    long t = System.nanoTime();
                    try {
                        var result = transformer.transform(input, plan);
                        return String.format(Locale.ROOT, "done %dx%d in %d ms", result.width(), result.height(), (System.nanoTime() - t) / 1_000_000);
                    } catch (RuntimeException e) {
                        return "FAILED: " + e.getMessage();
                    }
                }));
            }
            for (int i = 0; i < outcomes.size(); i++) {
                System.out.printf(Locale.ROOT, "%-46s %s%n", names.get(i), outcomes.get(i).get());
            }
            workers.shutdown();
            System.out.printf(Locale.ROOT, "%d images in %.1f s, engine %s; load after %s%n", inputs.size(), (System.nanoTime() - start) / 1e9,
                    transformer.engines().preferred().name(), Load.now());
            System.out.printf(Locale.ROOT, "RESULT peak_heap_mb=%d peak_rss_mb=%d%n", memory.peakHeapMb(), PeakMemory.peakRssMb());
        }
    }

    /** A 50 MP JPEG (9,400 px wide) made from a corpus photo by our own engine, kept for the next run. */
    private static byte[] fiftyMegapixels(ImageTransformer transformer, Path photo, Path out) throws Exception {
        Path big = out.resolve("fifty-megapixels.jpg");
        if (!Files.exists(big)) {
            ProcessingPlan enlarge = new OperationParser().parse(List.of(
                    Map.of("type", "resize", "width", 9400, "enlarge", true), Map.of("type", "quality", "quality", 90)));
            Files.write(big, transformer.transform(Files.readAllBytes(photo), enlarge).bytes());
        }
        return Files.readAllBytes(big);
    }
}
