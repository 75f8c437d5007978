package io.imageflow.notifier;

/** The mail server did not take the email; its notification goes back to the channel to be tried again. */
public class EmailNotSentException extends RuntimeException {

    public EmailNotSentException(String message) {
        super(message);
    }
}
