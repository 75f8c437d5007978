package io.imageflow.bench;

import java.util.List;
import java.util.Map;

/** The benchmark's cases, each an operation list as a client sends it: one operation each, a baseline and a chain. */
final class TransformBenchmarkCases {

    static final Map<String, List<Map<String, Object>>> CASES = Map.ofEntries(
            Map.entry("none", List.of()),
            Map.entry("resize-1600", List.of(Map.of("type", "resize", "width", 1600))),
            Map.entry("rotate-90", List.of(Map.of("type", "rotate", "degrees", 90))),
            Map.entry("rotate-30", List.of(Map.of("type", "rotate", "degrees", 30))),
            Map.entry("grayscale", List.of(Map.of("type", "grayscale"))),
            Map.entry("blur-5", List.of(Map.of("type", "blur", "radius", 5))),
            Map.entry("sharpen", List.of(Map.of("type", "sharpen"))),
            Map.entry("brightness-1.2", List.of(Map.of("type", "brightness", "factor", 1.2))),
            Map.entry("contrast-1.2", List.of(Map.of("type", "contrast", "factor", 1.2))),
            Map.entry("crop-16x9", List.of(Map.of("type", "crop", "aspect", "16:9"))),
            Map.entry("format-png", List.of(Map.of("type", "format", "format", "png"))),
            Map.entry("chain", List.of(
                    Map.of("type", "resize", "width", 1600),
                    Map.of("type", "sharpen"),
                    Map.of("type", "quality", "quality", 85))));

    private TransformBenchmarkCases() {
    }

    static List<Map<String, Object>> of(String name) {
        List<Map<String, Object>> operations = CASES.get(name);
        if (operations == null) {
            throw new IllegalArgumentException("no case " + name + "; the cases are " + CASES.keySet());
        }
        return operations;
    }
}
