package io.imageflow.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.imageflow.image.Clip;
import io.imageflow.image.InvalidOperationsException;
import io.imageflow.image.OperationCatalog;
import io.imageflow.image.SeedFilters;

/** Reads the metadata part: ours ({@code email, operations, images}) or the seed's ({@code email, imagesMetadata}). */
public class BatchOrderReader {

    private static final TypeReference<List<Map<String, Object>>> OPERATIONS = new TypeReference<>() {
    };

    /**
     * What metadata can hold, checked by the JSON parser as it reads (so nothing larger is ever built):
     * the deepest document is {images: [{operations: [{…}]}]}; the longest text a file name.
     */
    static final StreamReadConstraints METADATA_SHAPE = StreamReadConstraints.builder()
            .maxNestingDepth(8)
            .maxStringLength(4096)
            .maxNameLength(256)
            .maxNumberLength(40)
            .maxDocumentLength(UploadReader.MAX_METADATA_BYTES)
            .build();

    private final ObjectMapper json;
    private final int maxImages;
    private final SeedFilters seedFilters = new SeedFilters();

    public BatchOrderReader(ObjectMapper json) {
        this(json, 50);
    }

    /** @param maxImages the most images a batch holds: a longer list of entries is refused unread */
    public BatchOrderReader(ObjectMapper json, int maxImages) {
        this.json = json.copy();
        this.json.getFactory().setStreamReadConstraints(METADATA_SHAPE);
        this.maxImages = maxImages;
    }

    public BatchOrder read(String metadata) {
        JsonNode root = parse(metadata);
        String email = root.path("email").isTextual() ? root.get("email").asText().strip() : null;
        if (root.has("imagesMetadata")) {
            return new BatchOrder(email, List.of(), seedImages(images(root, "imagesMetadata")));
        }
        List<BatchOrder.ImageOrder> images = new ArrayList<>();
        ArrayNode imageNodes = images(root, "images");
        for (int i = 0; i < imageNodes.size(); i++) {
            JsonNode image = object(imageNodes.get(i), "images[" + i + "]");
            String name = image.path("name").isTextual() ? image.get("name").asText() : null;
            images.add(new BatchOrder.ImageOrder(name, operations(image, "images[" + i + "].operations"),
                    "images[" + i + "]"));
        }
        List<Map<String, Object>> forAll = operations(root, "operations");
        return new BatchOrder(email, forAll == null ? List.of() : forAll, images);
    }

    /** A seed filter is translated here, so its problems name the file and field here, as the new API's do. */
    private List<BatchOrder.ImageOrder> seedImages(ArrayNode nodes) {
        List<BatchOrder.ImageOrder> images = new ArrayList<>();
        DetailList problems = new DetailList();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode image = object(nodes.get(i), "imagesMetadata[" + i + "]");
            ArrayNode filters = array(image, "filters");
            if (!allObjects(filters)) {
                throw invalid("imagesMetadata[" + i + "].filters must be a list of objects such as "
                        + "{\"filter_type\": \"blur\", \"filter_value\": 3}");
            }
            checkOperationCount(filters, "imagesMetadata[" + i + "].filters");
            String name = image.path("image_name").isTextual() ? image.get("image_name").asText() : null;
            String field = "imagesMetadata[" + i + "]";
            try {
                images.add(new BatchOrder.ImageOrder(name,
                        seedFilters.toOperations(i, json.convertValue(filters, OPERATIONS)), field));
            } catch (InvalidOperationsException e) {
                e.problems().forEach(p -> problems.add(new ErrorBody.Detail(name, field + ".filters", p)));
            }
        }
        if (!problems.isEmpty()) {
            throw BatchIntake.invalidOperations(problems.list());
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
        checkOperationCount(node, field);
        return json.convertValue(node, OPERATIONS);
    }

    /** Too many operations are refused before any of them is read. */
    private static void checkOperationCount(JsonNode list, String field) {
        if (list.size() > OperationCatalog.MAX_OPERATIONS) {
            throw new InvalidOperationsException(List.of(field + ": " + list.size() + " given, at most "
                    + OperationCatalog.MAX_OPERATIONS + " are allowed; remove " + (list.size() - OperationCatalog.MAX_OPERATIONS)));
        }
    }

    /** The per-image entries: at most one per image a batch may hold, refused before any is read. */
    private ArrayNode images(JsonNode root, String field) {
        ArrayNode images = array(root, field);
        if (images.size() > maxImages) {
            throw invalid("\"" + field + "\" has " + images.size() + " entries, but a batch holds at most " + maxImages
                    + " images: describe each image once");
        }
        return images;
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
            throw invalid("the metadata part is not valid JSON: " + withoutJacksonNames(e.getOriginalMessage()));
        }
    }

    /**
     * "String value length (9812) exceeds the maximum allowed (4096, from `StreamReadConstraints…`)" becomes
     * "String value length exceeds the maximum allowed (4096)": the length is where the parser stopped
     * reading, not the value's, and the class name means nothing to a client.
     */
    private static String withoutJacksonNames(String message) {
        String text = message == null ? "" : message;
        int from = text.indexOf(", from `");
        if (from >= 0) {
            text = text.substring(0, from) + ")";
        }
        int counted = text.indexOf(" (");
        int exceeds = text.indexOf(") exceeds");
        if (counted >= 0 && exceeds > counted) {
            text = text.substring(0, counted) + text.substring(exceeds + 1);
        }
        return Clip.text(text, 200);
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
