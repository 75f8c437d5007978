package io.imageflow.api;

/** The batch was checked but could not be queued; it was discarded, and a retry is safe. */
public class QueueUnavailableException extends ApiException {

    public QueueUnavailableException(String message) {
        super(503, "queue_unavailable", message);
    }
}
