package io.imageflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The same task done by libvips, ImageMagick and GraphicsMagick, where installed; each the best of two runs. */
final class Comparisons {

    private static final int RUNS = 2;
    /** One thread each, as ours: the parallelism comes from running as many images at once as threads. */
    private static final Map<String, String> ONE_THREAD = Map.of("VIPS_CONCURRENCY", "1", "OMP_NUM_THREADS", "1",
            "MAGICK_THREAD_LIMIT", "1");

    private final List<Path> files;
    private final int size;
    private final int threads;
    private final Path out;

    Comparisons(List<Path> files, int size, int threads, Path out) {
        this.files = files;
        this.size = size;
        this.threads = threads;
        this.out = out;
    }

    /** All files through vipsthumbnail in one process (with 2 threads: 2 processes, each half the files). */
    Optional<Double> vipsthumbnail() {
        String vips = ExternalTool.find("vipsthumbnail");
        if (vips == null) {
            return Optional.empty();
        }
        Path into = directory("vips");
        List<List<String>> commands = new ArrayList<>();
        for (int part = 0; part < threads; part++) {
            List<String> command = new ArrayList<>(List.of(vips, "-s", String.valueOf(size), "-o", into + "/%s.jpg[Q=85]"));
            for (int i = part; i < files.size(); i += threads) {
                command.add(files.get(i).toString());
            }
            commands.add(command);
        }
        return Optional.of(best(commands));
    }

    /** ImageMagick, once per image, told the size so that its JPEG decoder shrinks on load. */
    Optional<Double> imageMagick() {
        String convert = ExternalTool.find("convert");
        return convert == null ? Optional.empty() : Optional.of(best(perImage(directory("im"),
                (file, result) -> List.of(convert, "-define", "jpeg:size=" + 2 * size + "x" + 2 * size, file,
                        "-thumbnail", size + "x" + size, "-quality", "85", result))));
    }

    /** GraphicsMagick, the same way. */
    Optional<Double> graphicsMagick() {
        String gm = ExternalTool.find("gm");
        return gm == null ? Optional.empty() : Optional.of(best(perImage(directory("gm"),
                (file, result) -> List.of(gm, "convert", "-size", 2 * size + "x" + 2 * size, file,
                        "-thumbnail", size + "x" + size, "-quality", "85", result))));
    }

    /** SSIM of each of our outputs against libvips' output of the same file: worst and mean. */
    Optional<String> ssimAgainstVips(Path ours) {
        Path vips = out.resolve("vips");
        if (!Files.isDirectory(vips)) {
            return Optional.empty();
        }
        double worst = 1;
        double sum = 0;
        String worstName = "";
        int compared = 0;
        List<String> unmatched = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            double ssim = Ssim.of(ours.resolve(name), vips.resolve(name.replaceFirst("\\.[^.]+$", "") + ".jpg"));
            if (Double.isNaN(ssim)) {
                unmatched.add(name);
                continue;
            }
            compared++;
            sum += ssim;
            if (ssim < worst) {
                worst = ssim;
                worstName = name;
            }
        }
        return Optional.of(String.format(Locale.ROOT, "SSIM against libvips' output (luma, 11x11 Gaussian window): worst %.4f (%s), "
                + "mean %.4f over %d images%s", worst, worstName, compared == 0 ? Double.NaN : sum / compared, compared,
                unmatched.isEmpty() ? "" : "; sizes differ for " + unmatched));
    }

    private interface CommandForImage {
        List<String> of(String file, String result);
    }

    private List<List<String>> perImage(Path into, CommandForImage command) {
        return files.stream().map(f -> command.of(f.toString(), into.resolve(f.getFileName()).toString())).toList();
    }

    private double best(List<List<String>> commands) {
        double best = Double.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            best = Math.min(best, ExternalTool.time(commands, threads, ONE_THREAD));
        }
        return best;
    }

    private Path directory(String name) {
        try {
            return Files.createDirectories(out.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
