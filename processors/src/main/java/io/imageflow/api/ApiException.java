package io.imageflow.api;

import java.util.ArrayList;
import java.util.List;

import io.imageflow.image.Clip;

/** A refusal with its HTTP status and the JSON body the client gets. */
public class ApiException extends RuntimeException {

    private final int status;
    private final ErrorBody body;

    /** Enough details to fix a request; a request that is wrong everywhere does not get an answer larger than itself. */
    static final int MAX_DETAILS = 50;

    public ApiException(int status, String code, String message, List<ErrorBody.Detail> details) {
        super(message);
        this.status = status;
        this.body = new ErrorBody(code, message, bounded(details));
    }

    /** Each detail a sentence about one file or field, whatever the client named them. */
    private static List<ErrorBody.Detail> bounded(List<ErrorBody.Detail> details) {
        List<ErrorBody.Detail> first = new ArrayList<>();
        for (ErrorBody.Detail d : details.subList(0, Math.min(details.size(), MAX_DETAILS))) {
            first.add(new ErrorBody.Detail(Clip.text(d.file(), 120), Clip.text(d.field(), 120), Clip.text(d.message(), 400)));
        }
        if (details.size() > MAX_DETAILS) {
            first.add(new ErrorBody.Detail(null, null, "… and " + (details.size() - MAX_DETAILS) + " more"));
        }
        return first;
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
