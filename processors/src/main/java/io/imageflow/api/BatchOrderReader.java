package io.imageflow.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.imageflow.image.InvalidOperationsException;
import io.imageflow.image.SeedFilters;

/** Reads the metadata part: ours ({@code email, operations, images}) or the seed's ({@code email, imagesMetadata}). */
public class BatchOrderReader {

    private static final TypeReference<List<Map<String, Object>>> OPERATIONS = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final SeedFilters seedFilters = new SeedFilters();

    public BatchOrderReader(ObjectMapper json) {
        this.json = json;
    }

    public BatchOrder read(String metadata) {
        JsonNode root = parse(metadata);
        String email = root.path("email").isTextual() ? root.get("email").asText().strip() : null;
        if (root.has("imagesMetadata")) {
            return new BatchOrder(email, List.of(), seedImages(array(root, "imagesMetadata")));
        }
        List<BatchOrder.ImageOrder> images = new ArrayList<>();
        ArrayNode imageNodes = array(root, "images");
        for (int i = 0; i < imageNodes.size(); i++) {
            JsonNode image = object(imageNodes.get(i), "images[" + i + "]");
            String name = image.path("name").isTextual() ? image.get("name").asText() : null;
            images.add(new BatchOrder.ImageOrder(name, operations(image, "images[" + i + "].operations"),
                    "images[" + i + "]"));
        }
        List<Map<String, Object>> forAll = operations(root, "operations");
        return new BatchOrder(email, forAll == null ? List.of() : forAll, images);
    }

    private List<BatchOrder.ImageOrder> seedImages(ArrayNode nodes) {
        List<BatchOrder.ImageOrder> images = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode image = object(nodes.get(i), "imagesMetadata[" + i + "]");
            ArrayNode filters = array(image, "filters");
            if (!allObjects(filters)) {
                throw invalid("imagesMetadata[" + i + "].filters must be a list of objects such as "
                        + "{\"filter_type\": \"blur\", \"filter_value\": 3}");
            }
            String name = image.path("image_name").isTextual() ? image.get("image_name").asText() : null;
            String field = "imagesMetadata[" + i + "]";
            try {
                images.add(new BatchOrder.ImageOrder(name,
                        seedFilters.toOperations(i, json.convertValue(filters, OPERATIONS)), field));
            } catch (InvalidOperationsException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidOperationsException(problems);
        }
        return images;
    }

    /** @return the operations, or null when the field is absent (then the operations for all apply) */
    private List<Map<String, Object>> operations(JsonNode parent, String field) {
        JsonNode node = parent.path(field.substring(field.lastIndexOf('.') + 1));
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isArray() || !allObjects(node)) {
            throw invalid(field + " must be a list of objects such as {\"type\": \"grayscale\"}");
        }
        return json.convertValue(node, OPERATIONS);
    }

    private static JsonNode object(JsonNode node, String field) {
        if (!node.isObject()) {
            throw invalid(field + " must be an object such as {\"name\": \"photo.jpg\", \"operations\": [...]}");
        }
        return node;
    }

    private ArrayNode array(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return json.createArrayNode();
        }
        if (!node.isArray()) {
            throw invalid("\"" + field + "\" must be a list");
        }
        return (ArrayNode) node;
    }

    private JsonNode parse(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            throw new ApiException(400, "missing_metadata",
                    "Send a 'metadata' part with JSON such as {\"email\": \"you@example.com\", \"operations\": [{\"type\": \"grayscale\"}]}");
        }
        try {
            JsonNode root = json.readTree(metadata);
            if (root == null || !root.isObject()) {
                throw invalid("the metadata part must be a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw invalid("the metadata part is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("invalid_metadata", "Invalid metadata: " + message + ".");
    }
}
