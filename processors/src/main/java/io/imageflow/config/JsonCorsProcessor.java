package io.imageflow.config;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.api.ErrorBody;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/** Spring's CORS checks, refusing in the API's JSON error shape instead of Spring's plain-text "Invalid CORS request". */
final class JsonCorsProcessor extends DefaultCorsProcessor {

    private final byte[] refusal;

    JsonCorsProcessor(ObjectMapper json) throws IOException {
        this.refusal = json.writeValueAsBytes(new ErrorBody("origin_not_allowed", "This origin may not call the API "
                + "from a browser (or not with this method or these headers); the server allows cross-origin calls "
                + "only from the origins it is configured with, imageflow.cors.allowed-origins.", List.of(
                        ErrorBody.Detail.ofField("Origin", "not among the allowed origins"))));
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(refusal.length);
        response.getBody().write(refusal);
        response.flush();
    }
}
