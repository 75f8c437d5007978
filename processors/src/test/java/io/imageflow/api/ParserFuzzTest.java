package io.imageflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.image.InvalidOperationsException;
import io.imageflow.image.OperationCatalog;
import io.imageflow.image.OperationParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes the metadata reader and the operation parser with jqwik: random JSON documents built from the
 * metadata's own vocabulary (and random text), with hostile leaves (long digit runs, control characters,
 * huge numbers, deep lists). Whatever comes in, the only outcomes are an order or a clean refusal
 * (ApiException, InvalidOperationsException with a bounded list of short problems), quickly; an order's
 * operations normalize idempotently and always build a plan. 1,000 tries per property in the suite;
 * a longer run: {@code mvn -Dskip.frontend test -Dtest=ParserFuzzTest -Djqwik.tries.default=100000}.
 */
class ParserFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PER_INPUT = Duration.ofSeconds(2);
    private static final AtomicLong SLOWEST_NANOS = new AtomicLong();
    private static final List<String> KEYS = List.of("email", "operations", "images", "imagesMetadata", "name", "type",
            "filters", "filter_type", "filter_value", "image_name", "degrees", "radius", "factor", "width", "height",
            "fit", "enlarge", "x", "y", "aspect", "direction", "format", "quality", "keep", "amount");

    private final BatchOrderReader reader = new BatchOrderReader(JSON);
    private final OperationParser parser = new OperationParser();

    @Property(edgeCases = EdgeCasesMode.MIXIN)
    void metadataIsReadOrRefusedCleanly(@ForAll("metadata") String metadata) {
        long start = System.nanoTime();
        try {
            BatchOrder order = reader.read(metadata);
            List<List<Map<String, Object>>> lists = new ArrayList<>();
            lists.add(order.operationsForAll());
            order.images().forEach(image -> lists.add(image.operations()));
            for (List<Map<String, Object>> operations : lists) {
                if (operations != null) {
                    normalizedTwiceIsTheSame(operations);
                }
            }
        } catch (ApiException e) {
            assertThat(e.getStatus()).isEqualTo(400);
            assertThat(e.getBody().details()).hasSizeLessThanOrEqualTo(ApiException.MAX_DETAILS + 1);
        } catch (InvalidOperationsException e) {
            shortAndFew(e);
        }
        took(start);
    }

    @Property(edgeCases = EdgeCasesMode.MIXIN)
    void operationsAreNormalizedOrRefusedCleanly(@ForAll("operations") List<Map<String, Object>> operations) {
        long start = System.nanoTime();
        normalizedTwiceIsTheSame(operations);
        took(start);
    }

    @AfterContainer
    static void report() {
        System.out.printf("ParserFuzzTest: slowest input took %.1f ms%n", SLOWEST_NANOS.get() / 1e6);
    }

    private void normalizedTwiceIsTheSame(List<Map<String, Object>> operations) {
        try {
            List<Map<String, Object>> once = parser.normalize(operations);
            assertThat(parser.normalize(once)).isEqualTo(once);
            parser.parse(once);
        } catch (InvalidOperationsException e) {
            shortAndFew(e);
        }
    }

    private static void shortAndFew(InvalidOperationsException e) {
        assertThat(e.problems()).isNotEmpty().hasSizeLessThanOrEqualTo(51);
        e.problems().forEach(problem -> assertThat(problem).hasSizeLessThan(500));
    }

    private static void took(long start) {
        long nanos = System.nanoTime() - start;
        SLOWEST_NANOS.accumulateAndGet(nanos, Math::max);
        assertThat(Duration.ofNanos(nanos)).isLessThan(PER_INPUT);
    }

    @Provide
    Arbitrary<String> metadata() {
        Arbitrary<String> documents = Arbitraries.maps(key(), value(4)).ofMaxSize(6).map(ParserFuzzTest::json);
        Arbitrary<String> ours = Combinators.combine(leaf(), operationList().map(ParserFuzzTest::json))
                .as((email, ops) -> "{\"email\": " + json(email) + ", \"operations\": " + ops + "}");
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(300);
        Arbitrary<String> deep = Arbitraries.integers().between(1, 3_000).map(n -> "[".repeat(n) + "]".repeat(n));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, documents), net.jqwik.api.Tuple.of(3, ours),
                net.jqwik.api.Tuple.of(1, text), net.jqwik.api.Tuple.of(1, deep.map(d -> "{\"images\": " + d + "}")));
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> operations() {
        return operationList();
    }

    private Arbitrary<List<Map<String, Object>>> operationList() {
        Arbitrary<String> type = Arbitraries.oneOf(Arbitraries.of(OperationCatalog.types()),
                Arbitraries.of("ROTATE", " blur ", "greyscale", "sepia", ""), Arbitraries.strings().ofMaxLength(30));
        Arbitrary<Map<String, Object>> operation = Combinators.combine(type, Arbitraries.maps(key(), leaf()).ofMaxSize(5))
                .as((t, parameters) -> {
                    Map<String, Object> op = new LinkedHashMap<>(parameters);
                    op.put("type", t);
                    return op;
                });
        return operation.list().ofMaxSize(25);
    }

    private static Arbitrary<String> key() {
        return Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().ofMaxLength(12));
    }

    private static Arbitrary<Object> value(int depth) {
        if (depth == 0) {
            return leaf();
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf()),
                net.jqwik.api.Tuple.of(2, Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(8).map(l -> (Object) l)),
                net.jqwik.api.Tuple.of(2, Arbitraries.lazy(() -> Arbitraries.maps(key(), value(depth - 1)).ofMaxSize(6))
                        .map(m -> (Object) m)));
    }

    private static Arbitrary<Object> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.strings().withChars("0123456789.eE+-x× :").ofMaxLength(3_000).map(s -> (Object) s),
                Arbitraries.integers().between(1, 4_000).map(n -> (Object) ("1".repeat(n) + "x")),
                Arbitraries.strings().all().ofMaxLength(20).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(0.5, -0.0, 1e308, -1e-308, 90.0, 360.0001).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.of("jpeg", "png", "16:9", "1:0", "0:0", "inside", "horizontal", "800x600", "x", "ada@example.com")
                        .map(s -> (Object) s),
                Arbitraries.just(null));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
