package io.imageflow.notifier;

import java.util.Optional;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

/**
 * Tells a recipient the mail server refused for good (an SMTP 5xx reply to RCPT TO: no such user, no such
 * domain) from a failure that may pass (a 4xx reply, a refused connection, a timeout). Only the first is
 * worth giving up on; Jakarta Mail reports both as exceptions chained behind the one Camel throws.
 */
final class SmtpRefusal {

    private static final int MAX_DEPTH = 20;

    private SmtpRefusal() {
    }

    /** The server's reply when it refused the recipient for good; empty for any other failure. */
    static Optional<String> permanent(Throwable failure) {
        Throwable next = failure;
        for (int depth = 0; next != null && depth < MAX_DEPTH; depth++) {
            if (next instanceof SMTPAddressFailedException refused && refused.getReturnCode() / 100 == 5) {
                return Optional.of(refused.getMessage().strip());
            }
            next = next instanceof MessagingException messaging && messaging.getNextException() != null
                    ? messaging.getNextException() : next.getCause();
        }
        return Optional.empty();
    }
}
