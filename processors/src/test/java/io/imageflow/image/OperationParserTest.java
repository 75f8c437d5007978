package io.imageflow.image;

import io.imageflow.image.Resize.Fit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OperationParserTest {

    private final OperationParser parser = new OperationParser();

    @Test
    void buildsThePlanInOrderWithOutputOptionsApart() {
        ProcessingPlan plan = parser.parse(List.of(
                Map.of("type", "rotate", "degrees", 90),
                Map.of("type", "resize", "width", 800),
                Map.of("type", "crop", "aspect", "16:9"),
                Map.of("type", "format", "format", "PNG"),
                Map.of("type", "flip"),
                Map.of("type", "quality", "quality", 70),
                Map.of("type", "metadata")));

        assertThat(plan.operations()).containsExactly(
                new Rotate(90),
                new Resize(800, null, Fit.INSIDE, false),
                Crop.aspect(16, 9),
                new Flip(Flip.Direction.HORIZONTAL));
        assertThat(plan.output()).isEqualTo(new OutputOptions(ImageFormat.PNG, 70, true));
    }

    @Test
    void noOperationsMeansJustReEncoding() {
        assertThat(parser.parse(null)).isEqualTo(new ProcessingPlan(List.of(), OutputOptions.DEFAULT));
        assertThat(OutputOptions.DEFAULT.keepMetadata()).isFalse();
    }

    @Test
    void normalizeFillsDefaultsAndCanonicalisesValues() {
        List<Map<String, Object>> normalized = parser.normalize(List.of(
                Map.of("type", "Blur"),
                Map.of("type", "resize", "width", "800", "fit", "COVER"),
                Map.of("type", "rotate", "degrees", 90.0),
                Map.of("type", "crop", "aspect", " 16 : 9 "),
                Map.of("type", "crop", "width", 10L, "height", 20.0),
                Map.of("type", "format", "format", "jpg")));

        assertThat(normalized).containsExactly(
                Map.of("type", "blur", "radius", 2),
                Map.of("type", "resize", "width", 800, "fit", "cover", "enlarge", false),
                Map.of("type", "rotate", "degrees", 90),
                Map.of("type", "crop", "aspect", "16:9"),
                Map.of("type", "crop", "x", 0, "y", 0, "width", 10, "height", 20),
                Map.of("type", "format", "format", "jpeg"));
        assertThat(normalized.get(0).get("radius")).isInstanceOf(Integer.class);
        assertThat(parser.normalize(normalized)).isEqualTo(normalized);
    }

    @Test
    void everyCatalogueTypeCanBeBuilt() {
        for (OperationDescriptor descriptor : OperationCatalog.operations()) {
            Map<String, Object> op = new HashMap<>(Map.of("type", descriptor.type()));
            for (ParameterDescriptor p : descriptor.parameters()) {
                if (p.required()) {
                    op.put(p.name(), p.allowedValues() != null ? p.allowedValues().get(0) : p.minimum());
                }
            }
            if (descriptor.type().equals("resize") || descriptor.type().equals("crop")) {
                op.putAll(Map.of("width", 10, "height", 10));
            }
            assertThatCode(() -> parser.parse(List.of(op))).as(descriptor.type()).doesNotThrowAnyException();
        }
    }

    @Test
    void outOfRangeSaysWhereWhatAndHowToFix() {
        assertThat(problems(List.of(Map.of("type", "rotate", "degrees", 90), Map.of("type", "resize", "width", 0))))
                .containsExactly("operations[1] (resize): width must be an integer between 1 and 20000, got 0");
    }

    @Test
    void unknownTypeSuggestsTheClosestAndListsAll() {
        assertThat(problems(List.of(Map.of("type", "rotat")))).containsExactly("operations[0]: unknown type \"rotat\" "
                + "(did you mean \"rotate\"?); use one of rotate, grayscale, blur, brightness, contrast, resize, crop, "
                + "flip, sharpen, format, quality, metadata");
        assertThat(problems(List.of(Map.of("degrees", 90)))).singleElement().asString()
                .startsWith("operations[0]: \"type\" is missing; use one of rotate,");
    }

    @Test
    void missingRequiredParameter() {
        assertThat(problems(List.of(Map.of("type", "rotate"))))
                .containsExactly("operations[0] (rotate): degrees is required: a number between -360 and 360");
        assertThat(problems(List.of(Map.of("type", "resize"))))
                .containsExactly("operations[0] (resize): give width, height or both");
    }

    @Test
    void wrongTypes() {
        assertThat(problems(List.of(
                Map.of("type", "blur", "radius", "strong"),
                Map.of("type", "resize", "width", 800.5),
                Map.of("type", "resize", "width", 800, "enlarge", "yes"),
                Map.of("type", "flip", "direction", "diagonal"),
                Map.of("type", "format", "format", "heic")))).containsExactly(
                "operations[0] (blur): radius must be a number between 0.1 and 100, got \"strong\"",
                "operations[1] (resize): width must be an integer between 1 and 20000, got 800.5",
                "operations[2] (resize): enlarge must be true or false, got \"yes\"",
                "operations[3] (flip): direction must be one of horizontal, vertical, got \"diagonal\"",
                "operations[4] (format): format must be one of jpeg, png, gif, bmp, tiff, webp, got \"heic\"");
    }

    @Test
    void acceptsNumbersInAnyJsonShape() {
        assertThatCode(() -> parser.parse(List.of(
                Map.of("type", "resize", "width", 800.0, "height", 600L),
                Map.of("type", "brightness", "factor", "1.5"),
                Map.of("type", "quality", "quality", "90"),
                Map.of("type", "metadata", "keep", "false")))).doesNotThrowAnyException();
    }

    @Test
    void unknownParameterIsNamedWithTheAcceptedOnes() {
        assertThat(problems(List.of(Map.of("type", "resize", "widht", 800, "width", 800),
                Map.of("type", "grayscale", "amount", 1)))).containsExactly(
                "operations[0] (resize): unknown parameter \"widht\"; resize accepts width, height, fit, enlarge",
                "operations[1] (grayscale): unknown parameter \"amount\"; grayscale takes no parameters");
    }

    @Test
    void cropNeedsEitherARectangleOrAnAspect() {
        assertThat(problems(List.of(
                Map.of("type", "crop", "aspect", "16:9", "width", 100),
                Map.of("type", "crop", "width", 100),
                Map.of("type", "crop", "aspect", "16/9")))).containsExactly(
                "operations[0] (crop): give either aspect (e.g. \"16:9\") or x, y, width and height, not both",
                "operations[1] (crop): give width and height (and optionally x and y), or an aspect such as \"16:9\"",
                "operations[2] (crop): aspect must be a ratio of two positive numbers such as \"16:9\", got \"16/9\"");
    }

    @Test
    void outputOptionsMayAppearOnlyOnce() {
        assertThat(problems(List.of(Map.of("type", "format", "format", "png"), Map.of("type", "grayscale"),
                Map.of("type", "format", "format", "gif")))).containsExactly(
                "operations[2] (format): format is already given by operations[0]; keep only one");
    }

    @Test
    void atMostTwentyOperations() {
        List<Map<String, Object>> many = new ArrayList<>(Collections.nCopies(21, Map.of("type", "grayscale")));

        assertThat(problems(many)).containsExactly("operations: 21 operations given, at most 20 are allowed; remove 1");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        List<Object> operations = new ArrayList<>();
        operations.add(Map.of("type", "sharpen", "amount", 50));
        operations.add(null);
        operations.add(Map.of("type", "contrast", "factor", -1));
        operations.add(Map.of("type", "sepia"));

        InvalidOperationsException e = catchThrowableOfType(InvalidOperationsException.class,
                () -> parser.parse(uncheckedList(operations)));

        assertThat(e.problems()).containsExactly(
                "operations[0] (sharpen): amount must be a number between 0.1 and 10, got 50",
                "operations[1]: each operation must be an object with a \"type\", e.g. {\"type\": \"rotate\", \"degrees\": 90}",
                "operations[2] (contrast): factor must be a number between 0 and 5, got -1",
                "operations[3]: unknown type \"sepia\"; use one of rotate, grayscale, blur, brightness, contrast, resize, "
                        + "crop, flip, sharpen, format, quality, metadata");
        assertThat(e.getMessage()).contains("amount must be", "; operations[1]");
    }

    private List<String> problems(List<Map<String, Object>> operations) {
        return catchThrowableOfType(InvalidOperationsException.class, () -> parser.parse(operations)).problems();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> uncheckedList(List<Object> raw) {
        return (List<Map<String, Object>>) (List<?>) raw; // what Jackson may hand over for [..., null, ...]
    }
}
