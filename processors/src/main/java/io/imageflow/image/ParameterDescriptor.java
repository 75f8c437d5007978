package io.imageflow.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;
import java.util.Locale;

/** One parameter of an operation, as the catalogue publishes it and the parser enforces it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParameterDescriptor(
        String name,
        Type type,
        boolean required,
        Number minimum,
        Number maximum,
        @JsonProperty("default") Object defaultValue,
        @JsonProperty("enum") List<String> allowedValues,
        String description) {

    public enum Type {
        INTEGER, NUMBER, BOOLEAN, STRING;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static ParameterDescriptor integer(String name, boolean required, Integer min, Integer max, Integer defaultValue,
                                       String description) {
        return new ParameterDescriptor(name, Type.INTEGER, required, min, max, defaultValue, null, description);
    }

    static ParameterDescriptor number(String name, boolean required, Number min, Number max, Number defaultValue,
                                      String description) {
        return new ParameterDescriptor(name, Type.NUMBER, required, min, max, defaultValue, null, description);
    }

    static ParameterDescriptor bool(String name, boolean defaultValue, String description) {
        return new ParameterDescriptor(name, Type.BOOLEAN, false, null, null, defaultValue, null, description);
    }

    static ParameterDescriptor choice(String name, boolean required, List<String> values, String defaultValue,
                                      String description) {
        return new ParameterDescriptor(name, Type.STRING, required, null, null, defaultValue, List.copyOf(values), description);
    }

    static ParameterDescriptor text(String name, String description) {
        return new ParameterDescriptor(name, Type.STRING, false, null, null, null, null, description);
    }
}
