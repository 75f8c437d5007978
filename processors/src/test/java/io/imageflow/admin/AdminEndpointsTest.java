package io.imageflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.support.ApiClient;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.TestPhotos;
import io.imageflow.support.FreePorts;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an admin password: Hawtio, Jolokia and the metrics need the admin on the management port, health stays
 * open for the probes, and the public API on its own port is unaffected. (Camel's test support turns JMX and
 * metrics export off by default; Hawtio reads Camel through JMX, so both are on here, as in production.)
 */
@CamelSpringBootTest
@DisableJmx(false)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"imageflow.admin.username=ops", "imageflow.admin.password=" + AdminEndpointsTest.PASSWORD})
class AdminEndpointsTest {

    static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void ownDataAndMail(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("imageflow-admin-test-");
        registry.add("imageflow.data-dir", data::toString);
        int smtp = FreePorts.next();
        int imap = FreePorts.next();
        registry.add("spring.mail.port", () -> smtp);
        registry.add("imageflow.mail.imap-port", () -> imap);
    }

    private ManagementClient management() {
        return new ManagementClient("http://localhost:" + managementPort);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/prometheus", "/actuator/metrics", "/actuator/info",
            "/actuator/hawtio/", "/actuator/jolokia/version"})
    void refusesAnonymousAndWrongPasswords(String path) {
        assertThat(management().anonymous(path).statusCode()).isEqualTo(401);
        assertThat(management().as("ops", "wrong", path).statusCode()).isEqualTo(401);
        assertThat(management().as("admin", PASSWORD, path).statusCode()).isEqualTo(401);
    }

    @Test
    void sendsABrowserToTheLoginForm() {
        HttpResponse<String> answer = management().send(management().request("/actuator/hawtio/")
                .header("Accept", "text/html").build());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void logsInThroughTheFormAndThenServesHawtio() {
        ManagementClient browser = new ManagementClient("http://localhost:" + managementPort);
        HttpResponse<String> login = browser.send(browser.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ops&password="
                        + PASSWORD.replace(" ", "+")))
                .build());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String session = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        HttpResponse<String> hawtio = browser.send(browser.request("/actuator/hawtio/index.html")
                .header("Cookie", session).build());
        assertThat(hawtio.statusCode()).isEqualTo(200);
        assertThat(hawtio.body()).containsIgnoringCase("hawtio");
    }

    @Test
    void servesHawtioAndTheCamelBeansItReadsToTheAdmin() throws Exception {
        assertThat(management().as("ops", PASSWORD, "/actuator/hawtio/index.html").statusCode()).isEqualTo(200);

        // Hawtio's Camel tab reads route statistics and the route's definition (its diagram) through Jolokia
        String route = "org.apache.camel:context=imageflow,type=routes,name=%22process-image%22";
        JsonNode exchanges = JSON.readTree(management().as("ops", PASSWORD,
                "/actuator/jolokia/read/" + route + "/ExchangesTotal").body());
        assertThat(exchanges.path("status").asInt()).as(exchanges.toString()).isEqualTo(200);
        assertThat(exchanges.path("value").isNumber()).isTrue();

        JsonNode definition = JSON.readTree(management().as("ops", PASSWORD,
                "/actuator/jolokia/exec/" + route + "/dumpRouteAsXml()").body());
        assertThat(definition.path("value").asText()).contains("process-image").contains("imageWorker");
    }

    @Test
    void servesPrometheusMetricsToTheAdmin() {
        HttpResponse<String> metrics = management().as("ops", PASSWORD, "/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("camel_exchanges_total{")
                .contains("routeId=\"process-image\"")
                .contains("imageflow_images_total{")
                .contains("imageflow_image_processing_seconds_bucket{")
                .containsPattern("artemis_message_count\\{.*queue=\"image-processing-queue\"");
    }

    @Test
    void keepsHealthOpenForTheProbesWithDetailsForTheAdminOnly() throws Exception {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> answer = management().anonymous(probe);
            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).path("status").asText()).isEqualTo("UP");
            assertThat(JSON.readTree(answer.body()).has("components")).isFalse();
        }

        JsonNode readiness = JSON.readTree(management().as("ops", PASSWORD, "/actuator/health/readiness").body());
        assertThat(readiness.path("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("readinessState", "queue", "store", "storage");
    }

    @Test
    void leavesThePublicApiAlone() {
        ApiClient api = new ApiClient("http://localhost:" + port);

        ApiClient.Answer accepted = api.upload("/api/v1/batches", "{\"email\": \"ada@example.com\", "
                + "\"operations\": [{\"type\": \"grayscale\"}]}", List.of(Part.of(TestPhotos.path(TestPhotos.LANDSCAPE_BASELINE))));
        assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
        String batchId = accepted.json().path("batchId").asText();
        assertThat(api.awaitFinished(batchId, Duration.ofSeconds(60)).path("status").asText()).isEqualTo("COMPLETED");

        // a path Spring Security's firewall would refuse with a bare 400 gets the API's own JSON answer
        ApiClient.Answer odd = api.getJson("/api/v1/batches/not-a-batch;x=1");
        assertThat(odd.json().path("error").asText()).isNotEmpty();
        // and the management endpoints are not on the API's port at all
        assertThat(api.get("/actuator/prometheus").statusCode()).isEqualTo(404);
    }
}
