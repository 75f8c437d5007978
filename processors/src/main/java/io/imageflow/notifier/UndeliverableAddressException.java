package io.imageflow.notifier;

/**
 * The batch's address is not a plain mailbox (a record older than the API's check, or written by another
 * client of the store): no email is sent to it, and retrying cannot help, so the notification is dead-lettered.
 */
public class UndeliverableAddressException extends RuntimeException {

    public UndeliverableAddressException(String batchId, String problem) {
        super("Batch " + batchId + ": not mailed, its address is not a plain mailbox (" + problem + ")");
    }
}
