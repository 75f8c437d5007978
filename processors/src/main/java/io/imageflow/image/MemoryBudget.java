package io.imageflow.image;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The memory a worker may spend on pixels, heap and native alike, shared by the images it works on at once.
 * Each image reserves its estimate before decoding and gives it back when its work has really ended (an
 * abandoned native call keeps its share until it returns). An image that needs more than the whole budget
 * fails at once with the reason; one that fits waits for the others to give memory back.
 */
public final class MemoryBudget {

    private static final long UNIT = 1024;
    private final long bytes;
    private final Semaphore free;

    public MemoryBudget(long bytes) {
        if (bytes < UNIT) {
            throw new IllegalArgumentException("a memory budget needs at least 1 KiB, got " + bytes);
        }
        this.bytes = bytes;
        this.free = new Semaphore(units(bytes), true);
    }

    /** The default: 60 % of the JVM's maximum heap (-Xmx), which is what an operator sizes a worker by. */
    public static MemoryBudget ofMaxHeap() {
        return new MemoryBudget(Runtime.getRuntime().maxMemory() / 10 * 6);
    }

    public long bytes() {
        return bytes;
    }

    /** A reservation, given back by {@link Reservation#close()} (once: closing again does nothing). */
    public interface Reservation extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * @throws ImageProcessingException when the image can never fit, or the budget stays taken past {@code wait}
     */
    public Reservation reserve(long needed, Duration wait) throws InterruptedException {
        if (needed > bytes) {
            throw new ImageProcessingException(String.format(Locale.ROOT,
                    "processing this image needs about %,d MB, more than the %,d MB this worker has for images "
                            + "(imageflow.processing.memory-budget); make it smaller or use fewer operations",
                    needed >> 20, bytes >> 20));
        }
        int units = Math.max(1, units(needed));
        if (!free.tryAcquire(units, wait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new ImageProcessingException("no memory came free for this image within " + wait.toSeconds() + " s");
        }
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                free.release(units);
            }
        };
    }

    private static int units(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + UNIT - 1) / UNIT);
    }
}
