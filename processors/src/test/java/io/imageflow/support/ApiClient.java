package io.imageflow.support;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Talks to a running ImageFlow over HTTP, as any client would. */
public class ApiClient {

    public record Part(String fileName, byte[] bytes) {

        public static Part of(Path file) {
            try {
                return new Part(file.getFileName().toString(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public record Answer(int status, JsonNode json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Answer upload(String path, String metadata, List<Part> files) {
        return upload(path, metadata, files, null, null);
    }

    /** An upload with one more file part under another name than 'files'. */
    public Answer upload(String path, String metadata, List<Part> files, String otherName, Part other) {
        String boundary = "imageflow-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (metadata != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n"
                    + metadata + "\r\n");
        }
        for (Part file : files) {
            filePart(body, boundary, "files", file);
        }
        if (other != null) {
            filePart(body, boundary, otherName, other);
        }
        write(body, "--" + boundary + "--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return json(send(request));
    }

    public Answer getJson(String path) {
        return json(get(path));
    }

    public HttpResponse<byte[]> get(String path) {
        String url = path.startsWith("http") ? path : baseUrl + path;
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** Polls the batch until it is COMPLETED or COMPLETED_WITH_ERRORS, and returns it. */
    public JsonNode awaitFinished(String batchId, Duration atMost) {
        String path = "/api/v1/batches/" + batchId;
        await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> getJson(path).json().path("status").asText().startsWith("COMPLETED"));
        return getJson(path).json();
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer json(HttpResponse<byte[]> response) {
        try {
            byte[] body = response.body();
            return new Answer(response.statusCode(), body.length == 0 ? null : JSON.readTree(body));
        } catch (IOException e) {
            throw new AssertionError("Not JSON (HTTP " + response.statusCode() + "): "
                    + new String(response.body(), StandardCharsets.UTF_8), e);
        }
    }

    private static void filePart(ByteArrayOutputStream body, String boundary, String name, Part file) {
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(file.bytes());
        write(body, "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
