package io.imageflow.image;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SeedFiltersTest {

    private final SeedFilters seed = new SeedFilters();

    @Test
    void mapsEveryLegacyFilter() {
        List<Map<String, Object>> operations = seed.toOperations(0, List.of(
                Map.of("filter_type", "Rotate", "filter_value", 90),
                Map.of("filter_type", "greyscale", "filter_value", "whatever"),
                Map.of("filter_type", "GRAY"),
                Map.of("filter_type", "blur", "filter_value", "3"),
                Map.of("filter_type", "brightness", "filter_value", 1.5),
                Map.of("filter_type", "contrast", "filter_value", 0.8),
                Map.of("filter_type", "sharpen"),
                Map.of("filter_type", "flip", "filter_value", "Vertical"),
                Map.of("filter_type", "resize", "filter_value", "800x600"),
                Map.of("filter_type", "resize", "filter_value", "800x"),
                Map.of("filter_type", "resize", "filter_value", "x600"),
                Map.of("filter_type", "resize", "filter_value", 640),
                Map.of("filter_type", "format", "filter_value", "jpg"),
                Map.of("filter_type", "quality", "filter_value", 70, "id", "ignored")));

        assertThat(operations).containsExactly(
                Map.of("type", "rotate", "degrees", 90),
                Map.of("type", "grayscale"),
                Map.of("type", "grayscale"),
                Map.of("type", "blur", "radius", 3),
                Map.of("type", "brightness", "factor", 1.5),
                Map.of("type", "contrast", "factor", 0.8),
                Map.of("type", "sharpen", "amount", 1),
                Map.of("type", "flip", "direction", "vertical"),
                Map.of("type", "resize", "width", 800, "height", 600, "fit", "inside", "enlarge", false),
                Map.of("type", "resize", "width", 800, "fit", "inside", "enlarge", false),
                Map.of("type", "resize", "height", 600, "fit", "inside", "enlarge", false),
                Map.of("type", "resize", "width", 640, "fit", "inside", "enlarge", false),
                Map.of("type", "format", "format", "jpeg"),
                Map.of("type", "quality", "quality", 70));
    }

    @Test
    void problemsNameTheClientsOwnFilterEntries() {
        InvalidOperationsException e = catchThrowableOfType(InvalidOperationsException.class, () -> seed.toOperations(2, List.of(
                Map.of("filter_type", "blur"),
                Map.of("filter_type", "sepia", "filter_value", 1),
                Map.of("filter_value", 1),
                Map.of("filter_type", "rotate", "filter_value", 999),
                Map.of("filter_type", "resize", "filter_value", "big"))));

        assertThat(e.problems()).containsExactly(
                "imagesMetadata[2].filters[1]: unknown filter_type \"sepia\"; use one of rotate, grayscale (or greyscale, "
                        + "gray, grey), blur, brightness, contrast, sharpen, flip, resize, format, quality",
                "imagesMetadata[2].filters[2]: filter_type is missing; use one of rotate, grayscale (or greyscale, gray, "
                        + "grey), blur, brightness, contrast, sharpen, flip, resize, format, quality",
                "imagesMetadata[2].filters[4] (resize): filter_value must be a size such as \"800x600\", \"800x\", \"x600\" "
                        + "or \"800\" (a width), got \"big\"",
                "imagesMetadata[2].filters[3] (rotate): degrees must be a number between -360 and 360, got 999");
    }

    @Test
    void resizeValuesAreCheckedLikeOperations() {
        InvalidOperationsException e = catchThrowableOfType(InvalidOperationsException.class,
                () -> seed.toOperations(0, List.of(Map.of("filter_type", "resize", "filter_value", "0x600"))));

        assertThat(e.problems()).containsExactly(
                "imagesMetadata[0].filters[0] (resize): width must be an integer between 1 and 20000, got \"0\"");
    }
}
