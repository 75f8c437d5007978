package io.imageflow.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Client text is read in one pass, and refused unread past its length cap; problems stay few and short. */
class LinearParsingTest {

    private static final Duration BOUND = Duration.ofSeconds(1);

    @ParameterizedTest
    @ValueSource(strings = {"12", "-1.5", "+3", ".5", "2.", "1e3", "1.5E-2", "007"})
    void readsDecimalsAsJsonWritesThem(String text) {
        assertThat(ParameterValues.isDecimal(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "-", "1e", "e3", "1.2.3", "NaN", "Infinity", "0x1p3", "1d", "1f", " 1", "1 ", "--1", "1e+"})
    void refusesWhatIsNotADecimal(String text) {
        assertThat(ParameterValues.isDecimal(text)).isFalse();
    }

    @Test
    void aMillionDigitsEndingWrongAreReadInLinearTime() {
        String digits = "1".repeat(1_000_000) + "x";
        long start = System.nanoTime();
        assertThat(ParameterValues.isDecimal(digits)).isFalse();
        assertThat(ParameterValues.isDecimal("1".repeat(500_000) + "." + "1".repeat(500_000) + "e")).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    @Test
    void longParameterTextIsRefusedUnreadAndQuotedClipped() {
        String degrees = "1".repeat(64_000) + "x";
        InvalidOperationsException e = catchThrowableOfType(InvalidOperationsException.class,
                () -> new OperationParser().normalize(List.of(Map.of("type", "rotate", "degrees", degrees))));
        assertThat(e.problems()).singleElement().asString()
                .contains("degrees must be a number", "(64001 characters)").hasSizeLessThan(200);
    }

    @Test
    void seedSizesAreReadWithoutBacktracking() {
        SeedFilters seed = new SeedFilters();
        assertThat(seed.toOperations(0, List.of(Map.of("filter_type", "resize", "filter_value", " 800 × 600 "))))
                .singleElement().satisfies(op -> assertThat(op).containsEntry("width", 800).containsEntry("height", 600));
        assertThat(seed.toOperations(0, List.of(Map.of("filter_type", "resize", "filter_value", "x600"))))
                .singleElement().satisfies(op -> assertThat(op).containsEntry("height", 600).doesNotContainKey("width"));

        long start = System.nanoTime();
        for (String hostile : List.of(" ".repeat(100_000) + "y", "1".repeat(100_000) + "y", " 1".repeat(50_000) + "x")) {
            InvalidOperationsException e = catchThrowableOfType(InvalidOperationsException.class,
                    () -> seed.toOperations(0, List.of(Map.of("filter_type", "resize", "filter_value", hostile))));
            assertThat(e.problems()).singleElement().asString().contains("must be a size").hasSizeLessThan(400);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    @Test
    void tooManyOperationsAreRefusedBeforeAnyIsChecked() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(Map.of("type", "nonsense" + i));
        }
        InvalidOperationsException e = catchThrowableOfType(InvalidOperationsException.class,
                () -> new OperationParser().normalize(many));
        assertThat(e.problems()).singleElement().asString().contains("100000 operations given, at most 20");
    }

    @Test
    void problemListsKeepFiftyAndCountTheRest() {
        ProblemList problems = new ProblemList();
        for (int i = 0; i < 10_000; i++) {
            problems.add("problem " + i + " " + "x".repeat(1_000));
        }
        assertThat(problems.list()).hasSize(ProblemList.LIMIT + 1);
        assertThat(problems.list().get(ProblemList.LIMIT)).isEqualTo("… and 9950 more problems like these");
        assertThat(problems.list()).allSatisfy(problem -> assertThat(problem).hasSizeLessThan(ProblemList.MAX_MESSAGE + 30));
    }

    @Test
    void anOperationWithThousandsOfUnknownKeysGivesABoundedList() {
        Map<String, Object> op = new java.util.LinkedHashMap<>();
        op.put("type", "blur");
        for (int i = 0; i < 10_000; i++) {
            op.put("k" + i, i);
        }
        InvalidOperationsException e = catchThrowableOfType(InvalidOperationsException.class,
                () -> new OperationParser().normalize(List.of(op)));
        assertThat(e.problems()).hasSizeLessThanOrEqualTo(ProblemList.LIMIT + 1);
    }
}
