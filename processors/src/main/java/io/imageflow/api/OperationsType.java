package io.imageflow.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

final class OperationsType {

    static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };

    private OperationsType() {
    }
}
