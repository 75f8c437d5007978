package io.imageflow.api;

import java.util.List;

/** The body of an unexpected failure: no internals leak to the client; the log has the stack trace. */
public class ErrorBodies {

    public ErrorBody internal() {
        return new ErrorBody("internal_error",
                "Something went wrong on our side; nothing you sent was wrong. Please retry in a moment.", List.of());
    }
}
