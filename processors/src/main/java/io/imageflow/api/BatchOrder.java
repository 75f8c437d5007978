package io.imageflow.api;

import java.util.List;
import java.util.Map;

/**
 * What the client asked for, whatever dialect it spoke: the owner's email, operations for every file,
 * and operations for files by name or by position.
 */
public record BatchOrder(String email, List<Map<String, Object>> operationsForAll, List<ImageOrder> images) {

    /**
     * Operations for one file; {@code name} null means "the file at this position", {@code operations}
     * null means "the operations for all".
     */
    public record ImageOrder(String name, List<Map<String, Object>> operations, String field) {
    }
}
