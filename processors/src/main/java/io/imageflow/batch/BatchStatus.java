package io.imageflow.batch;

public enum BatchStatus {
    ACCEPTED, PROCESSING, COMPLETED, COMPLETED_WITH_ERRORS;

    public boolean isFinished() {
        return this == COMPLETED || this == COMPLETED_WITH_ERRORS;
    }
}
