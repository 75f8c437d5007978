package io.imageflow.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link ProcessingPlan} on one image: decode once (upright, 8-bit sRGB), apply the operations in
 * order, encode. Whichever engine does the pixel work, every image first passes the same guards: the pixel
 * limit for the image and every intermediate result (from the header, before any decoding), a structural
 * look at the file (JPEG scans counted, PNG metadata chunks dropped), and a memory reservation. The whole
 * transform then runs under a time limit. Thread-safe.
 */
public final class ImageTransformer implements AutoCloseable {

    /**
     * @param imageTimeout the time one image may take; past it the transform is abandoned and the image fails
     * @param memory       what the images in flight may hold at once
     * @param maxJpegScans scans a JPEG may have (a progressive JPEG has about 10)
     */
    public record Limits(long maxPixels, Duration imageTimeout, MemoryBudget memory, int maxJpegScans) {

        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
        public static final int DEFAULT_MAX_JPEG_SCANS = 256;

        public Limits {
            if (maxPixels < 1) {
                throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
            }
        }

        public static Limits defaults(long maxPixels) {
            return new Limits(maxPixels, DEFAULT_TIMEOUT, MemoryBudget.ofMaxHeap(), DEFAULT_MAX_JPEG_SCANS);
        }
    }

    private final ImageEngines engines;
    private final Limits limits;
    private final ImageChecks checks;
    private final ExecutorService work = Executors.newCachedThreadPool(daemonThreads());

    /** The shipped engines (native where it loads) with the default limits. */
    public ImageTransformer(long maxPixels) {
        this(ImageEngines.of(ImageEngines.Choice.AUTO), Limits.defaults(maxPixels));
    }

    public ImageTransformer(ImageEngines engines, Limits limits) {
        this.engines = engines;
        this.limits = limits;
        this.checks = new ImageChecks(limits.maxPixels(), limits.maxJpegScans());
    }

    public ImageEngines engines() {
        return engines;
    }

    public TransformResult transform(Path input, ProcessingPlan plan) {
        try {
            return transform(Files.readAllBytes(input), plan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Transforms an image read from the stream (read whole into memory first; uploads are at most tens of MB). */
    public TransformResult transform(InputStream input, ProcessingPlan plan) {
        try {
            return transform(input.readAllBytes(), plan);
        } catch (IOException e) {
            throw new ImageProcessingException("cannot read the image data: " + e.getMessage(), e);
        }
    }

    /**
     * Transforms an image held in memory. The checks and the memory reservation run here (they read headers,
     * never pixels; waiting for memory is bounded by the time limit too); the pixel work runs on a worker
     * thread of its own, waited for at most the time limit. When it passes, the work is told to stop (ImageIO
     * decoders stop between rows; a native call finishes first, then stops at its next step, freeing its
     * memory and only then its reservation) and this call fails at once.
     */
    public TransformResult transform(byte[] input, ProcessingPlan plan) {
        ImageChecks.Checked image = checks.inspect(input, plan);
        byte[] checked = image.input();
        ImageHeader header = image.header();
        ImageEngine engine = engines.forImage(header);
        MemoryBudget.Reservation memory = reserve(engine, header, plan);
        Cancellation cancellation = new Cancellation();
        Future<TransformResult> result;
        try {
            result = work.submit(() -> transformNow(engine, checked, header, plan, cancellation, memory));
        } catch (RuntimeException e) {
            memory.close();
            throw e;
        }
        try {
            return result.get(limits.imageTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            cancellation.cancel();
            result.cancel(true);
            throw new ImageProcessingException(String.format(Locale.ROOT,
                    "processing this image took longer than the %s s allowed per image "
                            + "(imageflow.processing.image-timeout), so it was abandoned",
                    limits.imageTimeout().toMillis() / 1000.0));
        } catch (InterruptedException e) {
            cancellation.cancel();
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while transforming an image", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** On the worker thread: the engine's work, then its reservation given back, whichever way it ends. */
    private TransformResult transformNow(ImageEngine engine, byte[] input, ImageHeader header, ProcessingPlan plan,
            Cancellation cancellation, MemoryBudget.Reservation memory) {
        try {
            cancellation.checkpoint();
            return engine.transform(input, header, plan, cancellation);
        } catch (EngineDeclinedException e) {
            memory.close(); // the portable engine reserves its own, larger share
            try (MemoryBudget.Reservation portable = reserve(engines.portable(), header, plan)) {
                cancellation.checkpoint();
                return engines.portable().transform(input, header, plan, cancellation);
            }
        } finally {
            memory.close();
        }
    }

    private MemoryBudget.Reservation reserve(ImageEngine engine, ImageHeader header, ProcessingPlan plan) {
        try {
            return limits.memory().reserve(engine.memoryNeeded(header, plan), limits.imageTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for memory for an image", e);
        }
    }

    @Override
    public void close() {
        work.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "image-work-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
