package io.imageflow.backends;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An image's operations as the stores keep them: JSON text, so numbers come back with the types they went in with. */
public final class OperationsJson {

    private static final TypeReference<List<Map<String, Object>>> OPERATIONS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public OperationsJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(List<Map<String, Object>> operations) {
        try {
            return json.writeValueAsString(operations);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Operations cannot be written as JSON", e);
        }
    }

    public List<Map<String, Object>> read(String operations) {
        try {
            return json.readValue(operations, OPERATIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored operations are not JSON", e);
        }
    }
}
