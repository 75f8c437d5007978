package io.imageflow.api;

import java.util.List;

/** A refusal with its HTTP status and the JSON body the client gets. */
public class ApiException extends RuntimeException {

    private final int status;
    private final ErrorBody body;

    public ApiException(int status, String code, String message, List<ErrorBody.Detail> details) {
        super(message);
        this.status = status;
        this.body = new ErrorBody(code, message, details);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public int getStatus() {
        return status;
    }

    public ErrorBody getBody() {
        return body;
    }
}
