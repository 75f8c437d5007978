package io.imageflow.api;

import java.util.List;

import io.imageflow.batch.OwnerAddress;
import io.imageflow.image.Clip;

/** The owner's address must be one plain mailbox: it is where the completion email goes. */
final class EmailAddresses {

    private EmailAddresses() {
    }

    static void check(String email) {
        if (email == null || email.isBlank()) {
            throw refuse("an 'email' is required: the link to the results is sent there");
        }
        String problem = OwnerAddress.problem(email);
        if (problem != null) {
            throw refuse("'" + Clip.quoted(email) + "' is not a plain email address: " + problem);
        }
    }

    private static ApiException refuse(String message) {
        return new ApiException(400, "invalid_email", "Invalid email: " + message + ".",
                List.of(ErrorBody.Detail.ofField("email", message)));
    }
}
