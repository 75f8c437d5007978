package io.imageflow.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A mutation fuzz run of the image probe and the transform: small valid files of every format, bytes flipped,
 * overwritten with edge values, cut short or repeated. Every input must be read or refused with an
 * {@link ImageProcessingException} (a reason for the user), within the time limit; anything else (another
 * exception, a hang, a crash of the native decoder, which would end this JVM) is a finding. A longer run:
 * {@code mvn test -Dtest=ImageProbeFuzzTest -Dimageflow.fuzz.iterations=20000 -Dimageflow.fuzz.seed=7}.
 */
class ImageProbeFuzzTest {

    private static final int ITERATIONS = Integer.getInteger("imageflow.fuzz.iterations", 300);
    private static final long SEED = Long.getLong("imageflow.fuzz.seed", 1);
    private static final int[] EDGE_VALUES = {0, 0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0x0000FFFF, 1};

    private final ImageTransformer transformer = new ImageTransformer(ImageEngines.of(TestImages.ENGINE),
            new ImageTransformer.Limits(50_000_000, Duration.ofSeconds(10), MemoryBudget.ofMaxHeap(), 256));
    private final ImageProbe probe = new ImageProbe();

    @Test
    void everyMutatedFileIsReadOrRefusedWithAReason() throws IOException {
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED);
        List<String> findings = new ArrayList<>();
        int read = 0;
        int refused = 0;
        int timedOut = 0;
        ProcessingPlan plan = TestImages.outputAs(ImageFormat.PNG, new Resize(32, null, null, false));
        for (int i = 0; i < ITERATIONS; i++) {
            int seed = random.nextInt(seeds.size());
            byte[] input = mutate(seeds.get(seed), random);
            try {
                probe.probe(new ByteArrayInputStream(input));
                transformer.transform(input, plan);
                read++;
            } catch (ImageProcessingException e) {
                refused++;
                if (e.getMessage().contains("took longer")) {
                    timedOut++;
                    findings.add(String.format(Locale.ROOT, "iteration %d (seed %d), from seed file %d: over the time limit", i, SEED, seed));
                    java.nio.file.Files.write(java.nio.file.Path.of("target", "fuzz-slow-" + i + ".bin"), input);
                }
            } catch (RuntimeException | StackOverflowError e) {
                findings.add(String.format(Locale.ROOT, "iteration %d (seed %d): %s", i, SEED, e));
            }
        }
        System.out.printf(Locale.ROOT, "fuzz (%s engine, seed %d): %d inputs, %d read, %d refused with a reason (%d over the "
                + "time limit), %d findings%n", TestImages.ENGINE, SEED, ITERATIONS, read, refused, timedOut, findings.size());
        assertThat(findings).as("inputs that failed without a reason, or took too long").isEmpty();
    }

    private static List<byte[]> seeds() throws IOException {
        var noise = TestImages.noise(40, 30, 11);
        var opaque = TestImages.opaque(noise);
        return List.of(TestImages.encode(noise, "png"), TestImages.encode(opaque, "jpeg"),
                TestFiles.progressiveJpeg(opaque), TestImages.encode(opaque, "gif"), TestImages.encode(opaque, "bmp"),
                TestImages.encode(opaque, "tiff"), TestFiles.webp(20, 10, 0x80336699), TestFiles.sixteenBitPng(10, 10),
                TestFiles.jpegWithOrientation(opaque, 6, true), TestFiles.cmykJpeg(16, 8));
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] data = seed.clone();
        switch (random.nextInt(5)) {
            case 0 -> { // flip bytes, mostly in the headers
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    int at = random.nextBoolean() ? random.nextInt(Math.min(64, data.length)) : random.nextInt(data.length);
                    data[at] ^= (byte) (1 + random.nextInt(255));
                }
            }
            case 1 -> { // an edge value where a length or a size may be
                int at = random.nextInt(Math.max(1, Math.min(128, data.length) - 4));
                int value = EDGE_VALUES[random.nextInt(EDGE_VALUES.length)];
                for (int b = 0; b < 4; b++) {
                    data[at + b] = (byte) (value >>> (24 - 8 * b));
                }
            }
            case 2 -> data = java.util.Arrays.copyOf(data, 1 + random.nextInt(data.length)); // cut short
            case 3 -> { // a slice repeated
                int from = random.nextInt(data.length);
                int length = 1 + random.nextInt(Math.min(200, data.length - from));
                byte[] slice = java.util.Arrays.copyOfRange(data, from, from + length);
                data = TestFiles.concat(java.util.Arrays.copyOf(data, from + length), slice, slice,
                        java.util.Arrays.copyOfRange(data, from + length, data.length));
            }
            default -> data[random.nextInt(data.length)] = (byte) random.nextInt(256);
        }
        return data;
    }
}
