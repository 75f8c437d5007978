package io.imageflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.imageflow.image.ImageTransformer;
import io.imageflow.image.OperationParser;
import io.imageflow.image.ProcessingPlan;
import io.imageflow.image.TransformResult;

/**
 * One whole transform of one real photograph, as a worker does it: decode (upright, 8-bit sRGB), the
 * operations, encode. {@code none} is the decode + encode baseline; every other case is one operation
 * alone, except {@code chain}, the typical web-thumbnail request. Plans are built by the same
 * {@link OperationParser} as the API's, so defaults are the product's.
 *
 * <p>The photograph is read into memory once per trial: the timings exclude reading the file. Run it with
 * {@link RunTransformBenchmark} (or {@code mvn -Pbench verify}); that adds the GC profiler for allocation
 * per operation. Few iterations on purpose: a whole run stays under ~10 minutes on 2 cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// AlwaysPreTouch: without it, every first touch of a heap page (a 20 MP image allocates ~0.5 GB) costs a
// page fault, and on this VM that swung one case between 0.4 and 1.6 s per image across iterations
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class TransformBenchmark {

    /** The operation lists, as a client sends them. */
    static final Map<String, List<Map<String, Object>>> CASES = TransformBenchmarkCases.CASES;

    /** 6028×3391 (20.4 MP, 4.4 MB) and 3000×1994 (6.0 MP, 0.3 MB), both baseline JPEG. */
    @Param({"01_Kleiber_by_Lukas_Baubkus.jpg", "17_butterfly.jpg"})
    public String photo;

    @Param({"none", "resize-1600", "rotate-90", "rotate-30", "grayscale", "blur-5", "sharpen",
            "brightness-1.2", "contrast-1.2", "crop-16x9", "format-png", "chain"})
    public String op;

    private final ImageTransformer transformer = new ImageTransformer(50_000_000L);
    private byte[] input;
    private ProcessingPlan plan;

    @Setup
    public void setUp() {
        Path corpus = Path.of(System.getProperty("imageflow.corpus", "../shared/corpus"));
        Path file = corpus.resolve(photo);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no photograph " + file.toAbsolutePath() + " (set -Dimageflow.corpus=<folder>)");
        }
        try {
            input = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, Object>> operations = CASES.get(op);
        if (operations == null) {
            throw new IllegalArgumentException("no case " + op + "; the cases are " + CASES.keySet());
        }
        plan = new OperationParser().parse(operations);
    }

    @Benchmark
    public TransformResult transform() {
        return transformer.transform(input, plan);
    }
}
