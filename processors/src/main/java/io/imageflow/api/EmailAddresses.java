package io.imageflow.api;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** The owner's address must be one plain mailbox: it is where the completion email goes. */
final class EmailAddresses {

    private EmailAddresses() {
    }

    static void check(String email) {
        if (email == null || email.isBlank()) {
            throw refuse("an 'email' is required: the link to the results is sent there");
        }
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            if (!email.equals(address.getAddress()) || !email.contains("@") || email.length() > 254) {
                throw new AddressException();
            }
        } catch (AddressException e) {
            throw refuse("'" + email + "' is not a valid email address; write it like name@example.com");
        }
    }

    private static ApiException refuse(String message) {
        return new ApiException(400, "invalid_email", "Invalid email: " + message + ".",
                java.util.List.of(ErrorBody.Detail.ofField("email", message)));
    }
}
