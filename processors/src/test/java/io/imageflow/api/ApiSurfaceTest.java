package io.imageflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageflow.support.LocalModeTest;
import org.junit.jupiter.api.Test;

/** What a client discovers before uploading: the contract, the catalogue, the web app, cross-origin access. */
class ApiSurfaceTest extends LocalModeTest {

    private final HttpClient http = HttpClient.newHttpClient();

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
    void answersUnknownPathsAndWrongMethodsInTheApisShapeWithoutEchoingTheRequest() throws Exception {
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(api().baseUrl() + "/nothing-here"))
                .header("Cookie", "session=SECRET").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"error\":\"not_found\"");

        HttpResponse<String> underApi = http.send(HttpRequest.newBuilder(URI.create(api().baseUrl() + "/api/v1/operations/x"))
                .header("Cookie", "session=SECRET").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(underApi.statusCode()).isEqualTo(404);
        assertThat(underApi.headers().map().keySet()).noneMatch(name -> name.equalsIgnoreCase("cookie"));

        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(api().baseUrl() + "/api/v1/batches"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.body()).contains("\"error\":\"unsupported_media_type\"", "multipart/form-data");
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
