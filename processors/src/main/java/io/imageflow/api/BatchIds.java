package io.imageflow.api;

import java.util.UUID;

/** Batch ids are UUIDs; anything else is refused before it reaches a store or a path. */
final class BatchIds {

    private BatchIds() {
    }

    static String check(String batchId) {
        try {
            if (batchId != null && UUID.fromString(batchId).toString().equals(batchId.toLowerCase())) {
                return batchId.toLowerCase();
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw ApiException.badRequest("invalid_batch_id",
                "'" + batchId + "' is not a batch id: batch ids are UUIDs like 3f2b8c1e-9d4a-4c5e-8b7a-1e2d3c4b5a69.");
    }
}
