package io.imageflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import io.imageflow.image.MemoryBudget;
import io.imageflow.image.OperationParser;
import io.imageflow.image.ProcessingPlan;
import io.imageflow.image.TransformResult;

/**
 * The processor's own transform over every JPEG of a folder: resize to fit SIZE×SIZE, JPEG quality 85, on
 * THREADS threads; then, in the same run, vipsthumbnail (one process over all files, VIPS_CONCURRENCY=1),
 * ImageMagick and GraphicsMagick (one process per image, shrink-on-load hint) on the same files, and the SSIM
 * of our outputs against libvips'. Each figure is the best of its passes/runs. The last line is
 * {@code RESULT images_per_second=… megapixels_per_second=… peak_heap_mb=… peak_rss_mb=…}.
 */
public final class EngineThroughput {

    private static final double MEASURE_SECONDS = 8;

    private final List<Path> files;
    private final List<byte[]> inputs = new ArrayList<>();
    private final int size;
    private final int threads;
    private final Path out;
    private final double megapixels;

    EngineThroughput(Path dir, int size, int threads, Path out) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.jpe?g")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no JPEG in " + dir.toAbsolutePath());
        }
        double mp = 0;
        for (Path file : files) {
            inputs.add(Files.readAllBytes(file));
            mp += new io.imageflow.image.ImageProbe().probe(file).pixels() / 1e6;
        }
        this.megapixels = mp;
        this.size = size;
        this.threads = threads;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("bench.dir"));
        int size = Integer.parseInt(System.getProperty("bench.size", "1024"));
        int threads = Integer.parseInt(System.getProperty("bench.threads", "1"));
        Path out = Path.of(System.getProperty("bench.out", "target/bench-out")).resolve("s" + size + "-t" + threads);
        new EngineThroughput(dir, size, threads, out).run();
    }

    void run() throws Exception {
        System.out.printf(Locale.ROOT, "%d JPEGs, %.1f MP in all, from %s; resize to fit %dx%d, quality 85, %d thread(s); load %s%n",
                files.size(), megapixels, files.get(0).getParent(), size, size, threads, Load.now());
        ProcessingPlan plan = new OperationParser().parse(List.of(
                Map.of("type", "resize", "width", size, "height", size), Map.of("type", "quality", "quality", 85)));
        List<String[]> rows = new ArrayList<>();
        double ours;
        long peakHeap;
        try (PeakMemory memory = new PeakMemory(); ImageTransformer transformer = transformer(ImageEngines.Choice.AUTO)) {
            pass(transformer, plan, null); // warm-up
            double best = Double.MAX_VALUE;
            long start = System.nanoTime();
            int passes = 0;
            do {
                best = Math.min(best, pass(transformer, plan, out.resolve("ours")));
                passes++;
            } while ((System.nanoTime() - start) / 1e9 < MEASURE_SECONDS);
            ours = best;
            peakHeap = memory.peakHeapMb();
            rows.add(row("ImageFlow (" + transformer.engines().preferred().name() + " engine), best of " + passes + " passes", ours, ours));
        }
        long peakRss = PeakMemory.peakRssMb();
        try (ImageTransformer java = transformer(ImageEngines.Choice.JAVA)) {
            pass(java, plan, null);
            rows.add(row("ImageFlow pure-Java engine (the fallback), 1 pass after 1 warm-up", pass(java, plan, null), ours));
        }
        Comparisons comparisons = new Comparisons(files, size, threads, out);
        comparisons.vipsthumbnail().ifPresent(t -> rows.add(row("vipsthumbnail, one process over all files, best of 2", t, ours)));
        comparisons.imageMagick().ifPresent(t -> rows.add(row("ImageMagick convert, a process per image, best of 2", t, ours)));
        comparisons.graphicsMagick().ifPresent(t -> rows.add(row("GraphicsMagick gm convert, a process per image, best of 2", t, ours)));
        System.out.printf(Locale.ROOT, "%n%-62s %9s %9s %12s%n", "engine", "images/s", "MP/s", "ImageFlow is");
        for (String[] r : rows) {
            System.out.printf(Locale.ROOT, "%-62s %9s %9s %12s%n", (Object[]) r);
        }
        comparisons.ssimAgainstVips(out.resolve("ours")).ifPresent(System.out::println);
        System.out.printf(Locale.ROOT, "load after: %s%n", Load.now());
        System.out.printf(Locale.ROOT, "RESULT images_per_second=%.2f megapixels_per_second=%.1f peak_heap_mb=%d peak_rss_mb=%d%n",
                files.size() / ours, megapixels / ours, peakHeap, peakRss);
    }

    private String[] row(String name, double seconds, double oursSeconds) {
        return new String[] {name, String.format(Locale.ROOT, "%.2f", files.size() / seconds),
                String.format(Locale.ROOT, "%.1f", megapixels / seconds),
                String.format(Locale.ROOT, "%.2fx", seconds / oursSeconds)};
    }

    private static ImageTransformer transformer(ImageEngines.Choice engine) {
        return new ImageTransformer(ImageEngines.of(engine), new ImageTransformer.Limits(100_000_000L,
                Duration.ofMinutes(2), MemoryBudget.ofMaxHeap(), ImageTransformer.Limits.DEFAULT_MAX_JPEG_SCANS));
    }

    /** Every file once, on {@code threads} threads; the wall time in seconds. Writes the results when {@code into} is given. */
    private double pass(ImageTransformer transformer, ProcessingPlan plan, Path into) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<TransformResult>> results = new ArrayList<>();
            for (byte[] input : inputs) {
                results.add(pool.submit(() -> transformer.transform(input, plan)));
            }
            for (Future<TransformResult> result : results) {
                result.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (into != null) {
                Files.createDirectories(into);
                for (int i = 0; i < files.size(); i++) {
                    Files.write(into.resolve(files.get(i).getFileName()), results.get(i).get().bytes());
                }
            }
            return seconds;
        } finally {
            pool.shutdownNow();
        }
    }
}
