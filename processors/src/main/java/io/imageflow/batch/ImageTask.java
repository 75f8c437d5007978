package io.imageflow.batch;

import java.util.List;
import java.util.Map;

/** Message on the image-processing-queue: transform one stored original with these operations. */
public record ImageTask(String batchId, String imageId, String name, List<Map<String, Object>> operations)
        implements AboutBatch {
}
