package io.imageflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.image.InvalidOperationsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BatchOrderReaderTest {

    private final BatchOrderReader reader = new BatchOrderReader(new ObjectMapper());

    private ApiException refusal(String metadata) {
        return catchThrowableOfType(ApiException.class, () -> reader.read(metadata));
    }

    @Test
    void readsOurDialectWithOperationsForAllAndPerImage() {
        BatchOrder order = reader.read("""
                {"email": "  ada@example.com ",
                 "operations": [{"type": "grayscale"}],
                 "images": [{"name": "cat.jpg", "operations": [{"type": "rotate", "degrees": 90}]},
                            {"operations": [{"type": "blur"}]}]}""");

        assertThat(order.email()).isEqualTo("ada@example.com");
        assertThat(order.operationsForAll()).containsExactly(Map.of("type", "grayscale"));
        assertThat(order.images()).containsExactly(
                new BatchOrder.ImageOrder("cat.jpg", List.of(Map.of("type", "rotate", "degrees", 90)),
                        "images[0]"),
                new BatchOrder.ImageOrder(null, List.of(Map.of("type", "blur")), "images[1]"));
    }

    @Test
    void operationsAndImagesMayBeLeftOutOrNull() {
        BatchOrder order = reader.read("{\"email\": \"ada@example.com\", \"operations\": null}");

        assertThat(order.operationsForAll()).isEmpty();
        assertThat(order.images()).isEmpty();
    }

    @Test
    void anEmailThatIsNotTextIsTakenAsMissing() {
        assertThat(reader.read("{\"email\": 42}").email()).isNull();
        assertThat(reader.read("{}").email()).isNull();
    }

    @Test
    void readsTheSeedDialectThroughItsFilters() {
        BatchOrder order = reader.read("""
                {"email": "ada@example.com",
                 "imagesMetadata": [
                   {"image_name": "cat.jpg", "filters": [{"filter_type": "greyscale"},
                                                          {"filter_type": "rotate", "filter_value": 90}]},
                   {"image_name": "dog.png"}]}""");

        assertThat(order.email()).isEqualTo("ada@example.com");
        assertThat(order.operationsForAll()).isEmpty();
        assertThat(order.images()).containsExactly(
                new BatchOrder.ImageOrder("cat.jpg",
                        List.of(Map.of("type", "grayscale"), Map.of("type", "rotate", "degrees", 90)),
                        "imagesMetadata[0]"),
                new BatchOrder.ImageOrder("dog.png", List.of(), "imagesMetadata[1]"));
    }

    @Test
    void badSeedFiltersAreAllNamedByImageAndFilter() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> reader.read("""
                {"email": "ada@example.com",
                 "imagesMetadata": [
                   {"image_name": "cat.jpg", "filters": [{"filter_type": "blur"}, {"filter_type": "sepia"}]},
                   {"image_name": "dog.png", "filters": [{"filter_type": "rotate", "filter_value": 999}]}]}"""));

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getBody().error()).isEqualTo("invalid_operations");
        List<ErrorBody.Detail> details = e.getBody().details();
        assertThat(details).hasSize(2);
        assertThat(details.get(0).message()).startsWith("imagesMetadata[0].filters[1]: unknown filter_type \"sepia\"");
        assertThat(details.get(0).file()).isEqualTo("cat.jpg");
        assertThat(details.get(0).field()).isEqualTo("imagesMetadata[0].filters");
        assertThat(details.get(1).message()).startsWith("imagesMetadata[1].filters[0] (rotate): degrees must be");
        assertThat(details.get(1).file()).isEqualTo("dog.png");
        assertThat(details.get(1).field()).isEqualTo("imagesMetadata[1].filters");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   \n"})
    void missingOrBlankMetadataIsRefusedWithAnExample(String metadata) {
        ApiException e = refusal(metadata);

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getBody().error()).isEqualTo("missing_metadata");
        assertThat(e.getMessage()).contains("'metadata'", "\"email\"");
    }

    @Test
    void metadataThatIsNotJsonIsRefusedSayingSo() {
        ApiException e = refusal("{\"email\": \"ada@example.com\",");

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getBody().error()).isEqualTo("invalid_metadata");
        assertThat(e.getMessage()).startsWith("Invalid metadata: the metadata part is not valid JSON: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"ada@example.com\"", "42", "null"})
    void metadataThatIsNotAnObjectIsRefused(String metadata) {
        ApiException e = refusal(metadata);

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getBody().error()).isEqualTo("invalid_metadata");
        assertThat(e.getMessage()).isEqualTo("Invalid metadata: the metadata part must be a JSON object.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"grayscale\"", "{\"type\": \"grayscale\"}", "[\"grayscale\"]", "[{\"type\": \"blur\"}, 3]"})
    void operationsThatAreNotAListOfObjectsAreRefusedWithAnExample(String operations) {
        ApiException e = refusal("{\"email\": \"ada@example.com\", \"operations\": " + operations + "}");

        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getBody().error()).isEqualTo("invalid_metadata");
        assertThat(e.getMessage()).isEqualTo(
                "Invalid metadata: operations must be a list of objects such as {\"type\": \"grayscale\"}.");
    }

    @Test
    void anImagesOperationsThatIsNotAListNamesItsEntry() {
        ApiException e = refusal("{\"images\": [{\"name\": \"a.jpg\"}, {\"operations\": \"blur\"}]}");

        assertThat(e.getBody().error()).isEqualTo("invalid_metadata");
        assertThat(e.getMessage()).contains("images[1].operations must be a list of objects");
    }

    @Test
    void imagesOrImagesMetadataThatAreNotListsAreRefused() {
        assertThat(refusal("{\"images\": {\"name\": \"a.jpg\"}}").getMessage())
                .isEqualTo("Invalid metadata: \"images\" must be a list.");
        assertThat(refusal("{\"imagesMetadata\": \"a.jpg\"}").getMessage())
                .isEqualTo("Invalid metadata: \"imagesMetadata\" must be a list.");
    }

    @Test
    void anImagesEntryThatIsNotAnObjectIsRefused() {
        ApiException e = refusal("{\"email\": \"ada@example.com\", \"operations\": [{\"type\": \"grayscale\"}],"
                + " \"images\": [\"a.jpg\"]}");

        assertThat(e).isNotNull();
        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getMessage()).contains("images[0]");
    }

    @Test
    void seedFiltersThatAreNotObjectsAreRefusedAsTheClientsMistake() {
        Throwable thrown = catchThrowable(() -> reader.read(
                "{\"email\": \"ada@example.com\", \"imagesMetadata\": [{\"image_name\": \"a.jpg\", \"filters\": [\"blur\"]}]}"));

        assertThat(thrown).isInstanceOfAny(ApiException.class, InvalidOperationsException.class);
        assertThat(thrown.getMessage()).contains("imagesMetadata[0].filters");
    }
}
