package io.imageflow.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationCatalogTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void listsEveryOperationOnce() {
        assertThat(OperationCatalog.types()).containsExactly("rotate", "grayscale", "blur", "brightness", "contrast",
                "resize", "crop", "flip", "sharpen", "format", "quality", "metadata");
    }

    @Test
    void serialisesDefaultAndEnumUnderTheirJsonNamesAndOmitsNulls() throws Exception {
        JsonNode resize = json.valueToTree(OperationCatalog.find("resize").orElseThrow());

        JsonNode width = resize.get("parameters").get(0);
        assertThat(width.get("name").asText()).isEqualTo("width");
        assertThat(width.get("type").asText()).isEqualTo("integer");
        assertThat(width.get("required").asBoolean()).isFalse();
        assertThat(width.get("minimum").asInt()).isEqualTo(1);
        assertThat(width.get("maximum").asInt()).isEqualTo(20000);
        assertThat(width.has("default")).isFalse();
        assertThat(width.has("enum")).isFalse();
        JsonNode fit = resize.get("parameters").get(2);
        assertThat(fit.get("default").asText()).isEqualTo("inside");
        assertThat(json.convertValue(fit.get("enum"), String[].class)).containsExactly("contain", "cover", "fill", "inside");
        assertThat(fit.has("defaultValue")).isFalse();
        assertThat(fit.has("allowedValues")).isFalse();
    }

    @Test
    void rangesAreTheDocumentedOnes() throws Exception {
        String rotate = json.writeValueAsString(OperationCatalog.find("rotate").orElseThrow().parameters());
        assertThat(rotate).contains("\"minimum\":-360", "\"maximum\":360", "\"required\":true");
        assertThat(json.writeValueAsString(OperationCatalog.find("blur").orElseThrow().parameters()))
                .contains("\"minimum\":0.1", "\"maximum\":100", "\"default\":2");
        assertThat(json.writeValueAsString(OperationCatalog.find("quality").orElseThrow().parameters()))
                .contains("\"minimum\":1", "\"maximum\":100", "\"default\":85");
    }

    @Test
    void formatsSerialiseAsLowerCaseNames() throws Exception {
        assertThat(json.writeValueAsString(OperationCatalog.inputFormats()))
                .isEqualTo("[\"jpeg\",\"png\",\"gif\",\"bmp\",\"tiff\",\"webp\"]");
        assertThat(json.writeValueAsString(OperationCatalog.outputFormats()))
                .isEqualTo("[\"jpeg\",\"png\",\"gif\",\"bmp\",\"tiff\"]");
    }
}
