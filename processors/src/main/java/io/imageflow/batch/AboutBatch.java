package io.imageflow.batch;

/** A message about one batch, or one image of it: the log lines about it carry these ids. */
public interface AboutBatch {

    String batchId();

    /** The image it is about, or null when it is about the whole batch. */
    default String imageId() {
        return null;
    }
}
