package io.imageflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak heap in use (sampled every 20 ms) and peak resident size of this JVM, heap and native (VmHWM). */
final class PeakMemory implements AutoCloseable {

    private volatile long peakHeap;
    private final Thread sampler;

    PeakMemory() {
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap = Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "peak-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    long peakHeapMb() {
        return peakHeap >> 20;
    }

    /** The kernel's high-water mark of this process's resident set; -1 where /proc is not there. */
    static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
