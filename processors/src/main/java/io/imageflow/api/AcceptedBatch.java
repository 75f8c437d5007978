package io.imageflow.api;

import java.util.List;

import io.imageflow.batch.AboutBatch;
import io.imageflow.batch.Batch;
import io.imageflow.batch.ImageRecord;

public record AcceptedBatch(Batch batch, List<ImageRecord> images) implements AboutBatch {

    @Override
    public String batchId() {
        return batch.id();
    }
}
