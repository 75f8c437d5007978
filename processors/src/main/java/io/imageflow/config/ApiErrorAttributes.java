package io.imageflow.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.imageflow.api.ErrorBody;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors that Spring answers before any route (no such path, wrong method, wrong content type) get
 * the API's own JSON shape: {error, message, details}.
 */
public class ApiErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> spring = super.getErrorAttributes(request, options);
        int status = spring.get("status") instanceof Integer code ? code : 500;
        String path = String.valueOf(request.getAttribute("jakarta.servlet.error.request_uri", RequestAttributes.SCOPE_REQUEST));
        ErrorBody error = body(status, path);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.error());
        body.put("message", error.message());
        body.put("details", error.details());
        return body;
    }

    /** The answer to an HTTP-level refusal (no such path, wrong method...), whoever gives it. */
    public static ErrorBody body(int status, String path) {
        return new ErrorBody(code(status), message(status, path), List.of());
    }

    private static String code(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "http_" + status : known.name().toLowerCase();
    }

    private static String message(int status, String path) {
        return switch (status) {
            case 404 -> "No such path: " + path + " is unknown. The API is under /api/v1; its contract, "
                    + "/api/v1/openapi.yaml, lists every path it serves.";
            case 405 -> "This method is not allowed on " + path + "; the Allow header lists those that are.";
            case 415 -> "This content type is not accepted here; the contract, /api/v1/openapi.yaml, names the one each "
                    + "operation takes.";
            case 400 -> "The request could not be read; check its syntax against /api/v1/openapi.yaml.";
            default -> status >= 500 ? "Something went wrong on our side; please retry in a moment."
                    : "The request was refused (HTTP " + status + ").";
        };
    }
}
