package io.imageflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.support.LocalModeTest;
import io.imageflow.support.TestImages;
import org.junit.jupiter.api.Test;

/**
 * Requests the contracts do not serve (a path no operation has, a method its path does not take, an upload
 * that is not multipart), by every method: each answered at once, in the API's JSON error shape, with Allow
 * on a 405, a Content-Length that is the body's, and nothing of the request echoed.
 */
class UnservedRequestsTest extends LocalModeTest {

    private static final String BATCH = "/api/v1/batches/3f2b8c1e-9d4a-4c5e-8b7a-1e2d3c4b5a69";
    private static final String BOUNDARY = "unserved-boundary";
    /** An answer that announces more than it sends would hold the client until the server's 60 s timeout. */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anUploadToAReadOnlyPathIs405NamingTheMethodsItTakes() throws Exception {
        for (String path : List.of(BATCH, BATCH + "/results.zip", BATCH + "/images/1/result", "/api/v1/operations",
                "/api/v1/openapi.yaml", "/get-processed-images")) {
            HttpResponse<byte[]> answer = send(request(path).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .header("Cookie", "session=SECRET").POST(HttpRequest.BodyPublishers.ofByteArray(upload())));
            assertJsonError(answer, 405, "method_not_allowed");
            assertThat(answer.headers().firstValue("Allow")).as(path).hasValue("GET, HEAD, OPTIONS");
        }
    }

    @Test
    void anUnknownPathUnderAnOperationIs404ByEveryMethod() throws Exception {
        for (String path : List.of("/api/v1/operations/x", BATCH + "/images", "/api/v1/batches/x/y/z/w",
                "/upload-images/x", "/get-processed-images/x")) {
            for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
                assertJsonError(send(request(path).header("Cookie", "session=SECRET")
                        .method(method, HttpRequest.BodyPublishers.ofString("x"))), 404, "not_found");
            }
            assertJsonError(send(request(path).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(upload()))), 404, "not_found");
            assertHeadRefused(send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody())), 404);
        }
    }

    @Test
    void anUnknownPathUnderTheApiIs404PointingAtTheContract() throws Exception {
        for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
            HttpResponse<byte[]> answer = send(request("/api/v1/nothing-here").header("Cookie", "session=SECRET")
                    .method(method, HttpRequest.BodyPublishers.ofString("x")));
            assertJsonError(answer, 404, "not_found");
            assertThat(json.readTree(answer.body()).get("message").asText()).as(method)
                    .contains("/api/v1/nothing-here", "/api/v1/openapi.yaml");
        }
    }

    @Test
    void aMethodThePathDoesNotTakeIs405ByEveryMethod() throws Exception {
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            for (String path : List.of(BATCH, "/api/v1/operations", "/get-images-by-status")) {
                HttpResponse<byte[]> answer = send(request(path).method(method, HttpRequest.BodyPublishers.ofString("{}")));
                assertJsonError(answer, 405, "method_not_allowed");
                assertThat(answer.headers().firstValue("Allow")).as(method + " " + path).hasValue("GET, HEAD, OPTIONS");
            }
            HttpResponse<byte[]> upload = send(request("/api/v1/batches").method(method, HttpRequest.BodyPublishers.noBody()));
            assertJsonError(upload, 405, "method_not_allowed");
            assertThat(upload.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
        }
        for (String path : List.of("/api/v1/batches", "/upload-images")) {
            HttpResponse<byte[]> get = send(request(path).GET());
            assertJsonError(get, 405, "method_not_allowed");
            assertThat(get.headers().firstValue("Allow")).as(path).hasValue("POST, OPTIONS");
            assertHeadRefused(send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody())), 405);
        }
    }

    @Test
    void headIsGetWithoutTheBodyAndOptionsNamesTheMethods() throws Exception {
        HttpResponse<byte[]> get = send(request("/api/v1/operations").GET());
        HttpResponse<byte[]> head = send(request("/api/v1/operations").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.body()).isEmpty();
        assertThat(send(request(BATCH).method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode())
                .as("no such batch, as by GET").isEqualTo(404);

        HttpResponse<byte[]> options = send(request(BATCH + "/results.zip").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(options.statusCode()).isEqualTo(200);
        assertThat(options.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(options.body()).isEmpty();
    }

    @Test
    void anUploadThatIsNotMultipartIs415NotMultipart() throws Exception {
        for (String path : List.of("/api/v1/batches", "/upload-images")) {
            HttpResponse<byte[]> asJson = send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"ada@example.com\"}")));
            assertJsonError(asJson, 415, "not_multipart");
            assertThat(json.readTree(asJson.body()).get("message").asText()).contains("multipart/form-data", "application/json");
            assertJsonError(send(request(path).POST(HttpRequest.BodyPublishers.ofString("files=a.png"))), 415, "not_multipart");
            assertJsonError(send(request(path).header("Content-Type", "multipart/mixed; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(upload()))), 415, "not_multipart");
        }
    }

    /** A JSON error of the API's shape, sent whole (the Content-Length is the body's), echoing nothing. */
    private void assertJsonError(HttpResponse<byte[]> answer, int status, String code) throws IOException {
        String what = answer.request().method() + " " + answer.uri().getPath();
        assertThat(answer.statusCode()).as(what + ": " + new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).as(what).hasValue("application/json");
        assertThat(answer.headers().firstValueAsLong("Content-Length")).as(what).hasValue(answer.body().length);
        assertThat(answer.headers().map().keySet()).as(what).noneMatch(name -> name.equalsIgnoreCase("cookie")
                || name.equalsIgnoreCase("content-disposition"));
        JsonNode error = json.readTree(answer.body());
        assertThat(error.get("error").asText()).as(what).isEqualTo(code);
        assertThat(error.get("message").asText()).as(what).isNotBlank();
        assertThat(error.get("details").isArray()).as(what).isTrue();
    }

    private static void assertHeadRefused(HttpResponse<byte[]> answer, int status) {
        String what = "HEAD " + answer.uri().getPath();
        assertThat(answer.statusCode()).as(what).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).as(what).hasValue("application/json");
        assertThat(answer.headers().firstValueAsLong("Content-Length").orElse(0)).as(what).isPositive();
        assertThat(answer.body()).as(what).isEmpty();
    }

    private static byte[] upload() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n"
                + "{\"email\": \"ada@example.com\"}\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; "
                + "filename=\"x.png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(TestImages.png(64, 64));
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(api().baseUrl() + path)).timeout(PROMPTLY);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
