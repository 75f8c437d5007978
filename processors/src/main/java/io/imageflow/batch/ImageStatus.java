package io.imageflow.batch;

public enum ImageStatus {
    QUEUED, PROCESSING, DONE, FAILED;

    public boolean isFinal() {
        return this == DONE || this == FAILED;
    }
}
