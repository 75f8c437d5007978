package io.imageflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.support.LocalModeTest;
import io.imageflow.support.TestImages;
import org.junit.jupiter.api.Test;

/** What a client discovers before uploading: the contract, the catalogue, the web app, cross-origin access. */
class ApiSurfaceTest extends LocalModeTest {

    private static final String BATCH = "/api/v1/batches/3f2b8c1e-9d4a-4c5e-8b7a-1e2d3c4b5a69";
    /** The web app's tests and its mock backend read this; it must be what the backend really answers. */
    private static final Path CATALOGUE_FIXTURE = Path.of(System.getProperty("imageflow.frontend", "frontend"),
            "src/test/fixtures/catalogue.json");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void servesItsContract() {
        HttpResponse<byte[]> contract = api().get("/api/v1/openapi.yaml");
        assertThat(contract.statusCode()).isEqualTo(200);
        assertThat(new String(contract.body())).startsWith("openapi: 3").contains("operationId: createBatch");
    }

    @Test
    void listsOperationsWithTheirParametersFormatsAndLimits() {
        JsonNode catalogue = api().getJson("/api/v1/operations").json();
        assertThat(catalogue.get("operations").findValuesAsText("type")).contains("rotate", "grayscale", "blur",
                "brightness", "contrast", "resize", "crop", "flip", "sharpen", "format", "quality");
        JsonNode degrees = catalogue.at("/operations/0/parameters/0");
        assertThat(degrees.get("name").asText()).isEqualTo("degrees");
        assertThat(degrees.get("minimum").asInt()).isEqualTo(-360);
        assertThat(degrees.get("maximum").asInt()).isEqualTo(360);
        assertThat(catalogue.get("inputFormats").toString()).contains("jpeg", "png", "gif", "bmp", "tiff", "webp");
        assertThat(catalogue.get("outputFormats").toString()).contains("jpeg", "png").doesNotContain("webp");
        assertThat(catalogue.at("/limits/maxFiles").asInt()).isEqualTo(50);
        assertThat(catalogue.at("/limits/maxFileBytes").asLong()).isEqualTo(25L * 1024 * 1024);
        assertThat(catalogue.at("/limits/maxPixels").asLong()).isEqualTo(50_000_000L);
    }

    @Test
    void servesTheWebAppAtTheRootAndAtItsDeepLinks() throws Exception {
        boolean built = getClass().getResource("/static/index.html") != null;
        if (!built) {
            System.err.println("SKIPPED: the web app is not built (mvn without -Dskip.frontend builds it)");
        }
        assumeTrue(built, "web app not built");
        for (String path : new String[] {"/", "/batches/3f2b8c1e-9d4a-4c5e-8b7a-1e2d3c4b5a69"}) {
            HttpResponse<byte[]> page = api().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(new String(page.body())).as(path).contains("<div id=\"root\">");
        }
    }

    @Test
    void answersTheUploadPreflightOfAnAllowedOriginOnly() throws IOException, InterruptedException {
        assertThat(preflight(ALLOWED_ORIGIN).headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(ALLOWED_ORIGIN);
        assertThat(preflight("https://elsewhere.example.test").statusCode()).isEqualTo(403);
    }

    @Test
    void refusesOtherOriginsWithTheApisJsonError() throws Exception {
        HttpRequest.Builder elsewherePreflight = request("/api/v1/batches").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example.test").header("Access-Control-Request-Method", "POST");
        HttpRequest.Builder elsewhereGet = request("/api/v1/operations").header("Origin", "https://elsewhere.example.test").GET();
        HttpRequest.Builder allowedButDelete = request("/api/v1/operations").header("Origin", ALLOWED_ORIGIN)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Access-Control-Request-Method", "DELETE");
        for (HttpRequest.Builder refused : List.of(elsewherePreflight, elsewhereGet, allowedButDelete)) {
            HttpResponse<String> answer = send(refused);
            String what = answer.request().method() + " " + answer.uri().getPath();
            assertThat(answer.statusCode()).as(what).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type")).as(what).hasValue("application/json");
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as(what).isEmpty();
            JsonNode error = json.readTree(answer.body());
            assertThat(error.get("error").asText()).as(what).isEqualTo("origin_not_allowed");
            assertThat(error.get("message").asText()).as(what).contains("allowed-origins");
            assertThat(error.at("/details/0/field").asText()).as(what).isEqualTo("Origin");
        }
    }

    @Test
    void answersCrossOriginGetsPostsAndDownloadsForAnAllowedOriginOnly() throws Exception {
        HttpResponse<String> catalogue = send(request("/api/v1/operations").header("Origin", ALLOWED_ORIGIN).GET());
        assertThat(catalogue.statusCode()).isEqualTo(200);
        assertThat(catalogue.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);

        HttpResponse<String> elsewhere = send(request("/api/v1/operations").header("Origin", "https://elsewhere.example.test").GET());
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        String boundary = "cors-boundary";
        String upload = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{\"email\": \"cors@example.com\"}\r\n";
        byte[] png = TestImages.png(12, 8);
        byte[] body = concat(upload.getBytes(StandardCharsets.UTF_8), ("--" + boundary + "\r\nContent-Disposition: form-data; "
                + "name=\"files\"; filename=\"cors.png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8),
                png, ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> posted = send(request("/api/v1/batches").header("Origin", ALLOWED_ORIGIN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        assertThat(posted.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);

        JsonNode batch = api().awaitFinished(json.readTree(posted.body()).get("batchId").asText(), Duration.ofSeconds(60));
        HttpResponse<String> download = send(request(batch.at("/images/0/result/url").asText())
                .header("Origin", ALLOWED_ORIGIN).GET());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains("cors.png"));
        assertThat(download.headers().allValues("Access-Control-Expose-Headers"))
                .as("a script on the web app's origin may read the file name").anySatisfy(value -> assertThat(value).contains("Content-Disposition"));
    }

    @Test
    void answersWrongMethodsWith405InTheApisShapeNamingTheAllowedOnes() throws Exception {
        assertMethodNotAllowed(send(request("/api/v1/operations").PUT(HttpRequest.BodyPublishers.ofString("{}"))), "GET");
        assertMethodNotAllowed(send(request("/api/v1/operations").method("DELETE", HttpRequest.BodyPublishers.noBody())), "GET");
        assertMethodNotAllowed(send(request(BATCH).method("DELETE", HttpRequest.BodyPublishers.noBody())), "GET");
        assertMethodNotAllowed(send(request("/api/v1/batches").GET()), "POST");
        assertMethodNotAllowed(send(request("/upload-images").GET()), "POST");
        assertMethodNotAllowed(send(request("/get-processed-images?batch_id=x").POST(HttpRequest.BodyPublishers.ofString("x"))), "GET");
    }

    @Test
    void answersUnknownPathsAndOtherMediaTypesInTheApisShapeWithoutEchoingTheRequest() throws Exception {
        HttpResponse<String> unknown = send(request("/nothing-here").header("Cookie", "session=SECRET").GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("error").asText()).isEqualTo("not_found");

        HttpResponse<String> underApi = send(request("/api/v1/operations/x").header("Cookie", "session=SECRET").GET());
        assertThat(underApi.statusCode()).isEqualTo(404);
        assertThat(underApi.headers().map().keySet()).noneMatch(name -> name.equalsIgnoreCase("cookie"));

        HttpResponse<String> notMultipart = send(request("/api/v1/batches").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(notMultipart.statusCode()).isEqualTo(415);
        assertThat(json.readTree(notMultipart.body()).get("error").asText()).isEqualTo("not_multipart");
        assertThat(notMultipart.body()).contains("multipart/form-data");
    }

    @Test
    void theWebAppsCatalogueFixtureIsWhatTheBackendAnswers() throws IOException {
        JsonNode served = api().getJson("/api/v1/operations").json();
        JsonNode fixture = json.readTree(CATALOGUE_FIXTURE.toFile());
        if (!served.equals(fixture) && Boolean.getBoolean("imageflow.update-fixtures")) {
            json.writerWithDefaultPrettyPrinter().writeValue(CATALOGUE_FIXTURE.toFile(), served);
            System.out.println("Rewrote " + CATALOGUE_FIXTURE + " from GET /api/v1/operations");
            return;
        }
        Path actual = Path.of("target", "catalogue.json");
        Files.createDirectories(actual.getParent());
        json.writerWithDefaultPrettyPrinter().writeValue(actual.toFile(), served);
        assertThat(fixture).as("%s must be what GET /api/v1/operations answers (written to %s); rewrite it with "
                + "mvn test -Dskip.frontend -Dtest=ApiSurfaceTest -Dimageflow.update-fixtures=true, then fix the web app's "
                + "tests that relied on the old one", CATALOGUE_FIXTURE, actual.toAbsolutePath()).isEqualTo(served);
    }

    private void assertMethodNotAllowed(HttpResponse<String> answer, String allowed) throws IOException {
        String what = answer.request().method() + " " + answer.uri().getPath();
        assertThat(answer.statusCode()).as(what).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).as(what).hasValueSatisfying(allow -> assertThat(allow).contains(allowed));
        assertThat(answer.headers().firstValue("Content-Type")).as(what).hasValue("application/json");
        JsonNode error = json.readTree(answer.body());
        assertThat(error.get("error").asText()).as(what).isEqualTo("method_not_allowed");
        assertThat(error.get("message").asText()).as(what).isNotBlank();
        assertThat(error.get("details").isArray()).as(what).isTrue();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(api().baseUrl() + path)).timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private HttpResponse<Void> preflight(String origin) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api().baseUrl() + "/api/v1/batches"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding());
    }
}
