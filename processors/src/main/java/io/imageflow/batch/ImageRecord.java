package io.imageflow.batch;

import java.util.List;
import java.util.Map;

/** An image record: one image of a batch, its operations and its outcome. */
public record ImageRecord(
        String batchId,
        String imageId,
        int position,
        StoredFile original,
        List<Map<String, Object>> operations,
        ImageStatus status,
        int attempts,
        String error,
        StoredFile result,
        String resultNote,
        Long durationMs) {

    public String name() {
        return original.name();
    }
}
