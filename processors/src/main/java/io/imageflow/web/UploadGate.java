package io.imageflow.web;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.api.ApiException;
import io.imageflow.api.ErrorBody;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request that sends something (the uploads: POST /api/v1/batches, POST /upload-images) passes
 * here before its body is read: API key (401), uploads per minute and bytes in flight per client
 * address (429 with Retry-After), free space (507). A servlet filter and not a route step, because
 * the multipart body is read, and written to disk, before any route runs.
 */
public class UploadGate extends OncePerRequestFilter {

    private static final Set<String> READ_ONLY = Set.of("GET", "HEAD", "OPTIONS");
    /** Long enough for an upload in progress to finish. */
    private static final long RETRY_BYTES_AFTER_SECONDS = 10;

    private final ApiKeys apiKeys;
    private final BatchRate batchRate;
    private final BytesInFlight bytesInFlight;
    private final FreeSpace freeSpace;
    private final long maxRequestBytes;
    private final ObjectMapper json;

    UploadGate(ApiKeys apiKeys, BatchRate batchRate, BytesInFlight bytesInFlight, FreeSpace freeSpace,
            long maxRequestBytes, ObjectMapper json) {
        this.apiKeys = apiKeys;
        this.batchRate = batchRate;
        this.bytesInFlight = bytesInFlight;
        this.freeSpace = freeSpace;
        this.maxRequestBytes = maxRequestBytes;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READ_ONLY.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (apiKeys.enabled() && !apiKeys.accepts(request.getHeader(ApiKeys.HEADER))) {
            response.setHeader("WWW-Authenticate", "ApiKey header=\"" + ApiKeys.HEADER + "\"");
            refuse(response, new ErrorBody(request.getHeader(ApiKeys.HEADER) == null ? "missing_api_key" : "invalid_api_key",
                    "Uploads to this server need an API key: send it in the " + ApiKeys.HEADER
                            + " header (ask whoever runs the server for one).", java.util.List.of()), 401);
            return;
        }
        String client = ClientAddress.of(request.getRemoteAddr());
        OptionalLong wait = batchRate.tryStart(client);
        if (wait.isPresent()) {
            response.setHeader("Retry-After", String.valueOf(wait.getAsLong()));
            refuse(response, new ErrorBody("too_many_batches", "Too many uploads from your address in the last "
                    + "minute; retry in " + wait.getAsLong() + " s.", java.util.List.of()), 429);
            return;
        }
        long bytes = request.getContentLengthLong() >= 0 ? request.getContentLengthLong() : maxRequestBytes;
        try {
            freeSpace.checkBeforeReading(bytes);
        } catch (ApiException e) {
            refuse(response, e.getBody(), e.getStatus());
            return;
        }
        if (!bytesInFlight.tryOpen(client, bytes)) {
            response.setHeader("Retry-After", String.valueOf(RETRY_BYTES_AFTER_SECONDS));
            refuse(response, new ErrorBody("too_many_bytes_in_flight", "Your address is uploading more than "
                    + bytesInFlight.limit() / (1024 * 1024) + " MB at once already; wait for an upload to finish.",
                    java.util.List.of()), 429);
            return;
        }
        boolean releaseLater = false;
        try {
            chain.doFilter(request, response);
            releaseLater = request.isAsyncStarted();
            if (releaseLater) {
                request.getAsyncContext().addListener(new Release(client, bytes));
            }
        } finally {
            if (!releaseLater) {
                bytesInFlight.close(client, bytes);
            }
        }
    }

    /** Bytes the client address is uploading right now, as counted here. */
    long bytesInFlight(String client) {
        return bytesInFlight.of(ClientAddress.of(client));
    }

    /** The body was not read: the connection closes after the answer, rather than wait for the client to send it. */
    private void refuse(HttpServletResponse response, ErrorBody body, int status) throws IOException {
        response.setStatus(status);
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    /** An upload answered asynchronously is in flight until its answer is complete. */
    private final class Release implements AsyncListener {

        private final String client;
        private final long bytes;
        private boolean done;

        Release(String client, long bytes) {
            this.client = client;
            this.bytes = bytes;
        }

        private synchronized void release() {
            if (!done) {
                done = true;
                bytesInFlight.close(client, bytes);
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            release();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            release();
        }

        @Override
        public void onError(AsyncEvent event) {
            release();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // still the same upload
        }
    }
}
