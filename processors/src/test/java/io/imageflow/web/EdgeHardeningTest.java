package io.imageflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageflow.local.LoopbackMailbox;
import io.imageflow.support.ApiClient;
import io.imageflow.support.ApiClient.Answer;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.LocalModeTest;
import io.imageflow.support.TestImages;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/** Security headers on every answer, the local mailbox on loopback only, and results.zip never truncated quietly. */
class EdgeHardeningTest extends LocalModeTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    LoopbackMailbox mailbox;
    @Autowired
    ServletWebServerApplicationContext web;

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/batches/3f2b0000-0000-4000-8000-000000000000", "/api/v1/operations",
                "/api/v1/batches/not-a-uuid", "/no/such/path", "/api/v1/openapi.yaml")) {
            HttpResponse<String> answer = get(api().baseUrl() + path);
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(
                    policy -> assertThat(policy).contains("frame-ancestors 'none'"));
        }
        HttpResponse<String> webApp = get(api().baseUrl() + "/");
        assertThat(webApp.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.WEB_APP_POLICY);
        Answer refused = api().upload("/api/v1/batches", "{}", List.of());
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void theMailboxIsServedOnlyOnItsLoopbackConnector() throws Exception {
        Connector connector = Stream.of(((TomcatWebServer) web.getWebServer()).getTomcat().getService().findConnectors())
                .filter(candidate -> candidate.getLocalPort() == URI.create(mailbox.url()).getPort())
                .findFirst().orElseThrow();
        assertThat(connector.getProperty("address")).isEqualTo(InetAddress.getByName("127.0.0.1"));

        assertThat(get(mailbox.url()).statusCode()).isEqualTo(200);
        assertThat(new ApiClient(mailbox.url().replace("/local/mail", "")).get("/api/v1/operations").statusCode())
                .as("the mailbox connector serves nothing else").isEqualTo(404);
        HttpResponse<String> onMainPort = http.send(HttpRequest.newBuilder(URI.create(api().baseUrl() + "/local/mail"))
                .header("X-Forwarded-For", "127.0.0.1").header("X-Real-IP", "127.0.0.1").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(onMainPort.statusCode()).as("not on the main port, whatever the headers say").isEqualTo(404);
    }

    @Test
    void aResultMissingWhileTheZipStreamsAbortsTheAnswer() throws Exception {
        Answer accepted = api().upload("/api/v1/batches", "{\"email\": \"ada@example.com\", \"operations\": []}",
                List.of(new Part("noise.png", NoiseImages.png(800, 800)), new Part("small.png", TestImages.png(8, 8))));
        String batchId = accepted.json().get("batchId").asText();
        JsonNode batch = api().awaitFinished(batchId, Duration.ofSeconds(60));
        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
        String zipUrl = api().baseUrl() + "/api/v1/batches/" + batchId + "/results.zip";
        assertThat(http.send(HttpRequest.newBuilder(URI.create(zipUrl)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .statusCode()).isEqualTo(200);

        // the second result goes missing: the first (over a megabyte) is already on its way when it is found out
        Path output = DATA_DIR.resolve("blobs").resolve(batchId).resolve("output");
        try (Stream<Path> results = Files.list(output)) {
            results.filter(file -> file.getFileName().toString().startsWith("small")).forEach(file -> file.toFile().delete());
        }
        Throwable failure = catchThrowable(() -> http.send(HttpRequest.newBuilder(URI.create(zipUrl)).build(),
                HttpResponse.BodyHandlers.ofByteArray()));
        assertThat(failure).as("the client sees the answer break off, not a complete-looking zip")
                .isInstanceOf(IOException.class);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
