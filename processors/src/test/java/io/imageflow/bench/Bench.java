package io.imageflow.bench;

/**
 * What {@code mvn -Pbench verify} runs: with {@code -Dbench.dir=DIR}, the throughput of the engine against
 * libvips, ImageMagick and GraphicsMagick ({@link EngineThroughput}); with {@code -Dbench.ops=true}, each
 * operation on a 20 MP photo against the {@code vips} command line ({@link OperationsVsVips}); with
 * {@code -Dbench.memory=true}, the corpus and two 50 MP heavy chains at once ({@link MemoryUnderLoad});
 * otherwise the JMH benchmark of every operation ({@link RunTransformBenchmark}).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (!System.getProperty("bench.dir", "").isBlank()) {
            EngineThroughput.main(args);
        } else if (Boolean.getBoolean("bench.ops")) {
            OperationsVsVips.main(args);
        } else if (Boolean.getBoolean("bench.memory")) {
            MemoryUnderLoad.main(args);
        } else {
            RunTransformBenchmark.main(args);
        }
    }
}
