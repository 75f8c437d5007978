package io.imageflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.imageflow.web.ServedOperations.NotOurs;
import io.imageflow.web.ServedOperations.Operation;
import io.imageflow.web.ServedOperations.Refused;
import io.imageflow.web.ServedOperations.Served;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** What the contracts say about a request, as Camel's rest-openapi processor would decide it. */
class ServedOperationsTest {

    private static final List<MediaType> MULTIPART = List.of(MediaType.MULTIPART_FORM_DATA);

    private final ServedOperations served = new ServedOperations(List.of(
            new Operation("/api/v1", "/batches", "POST", MULTIPART),
            new Operation("/api/v1", "/batches/{batchId}", "GET", List.of()),
            new Operation("/api/v1", "/batches/{batchId}/results.zip", "GET", List.of()),
            new Operation("/api/v1", "/operations", "GET", List.of()),
            new Operation("/", "/upload-images", "POST", MULTIPART),
            new Operation("/", "/get-processed-images", "GET", List.of())));

    @Test
    void servesTheContractsOperationsHeadAsGet() {
        assertThat(served.judge("POST", "/api/v1/batches")).isEqualTo(new Served(MULTIPART));
        assertThat(served.judge("GET", "/api/v1/batches/3f2b/results.zip")).isEqualTo(new Served(List.of()));
        assertThat(served.judge("HEAD", "/api/v1/operations")).isEqualTo(new Served(List.of()));
        assertThat(served.judge("POST", "/upload-images")).isEqualTo(new Served(MULTIPART));
    }

    @Test
    void aMethodThePathDoesNotTakeIs405NamingThoseItTakes() {
        assertThat(served.judge("POST", "/api/v1/batches/3f2b")).isEqualTo(refused(405, "GET", "HEAD", "OPTIONS"));
        assertThat(served.judge("POST", "/api/v1/batches/3f2b/results.zip")).isEqualTo(refused(405, "GET", "HEAD", "OPTIONS"));
        assertThat(served.judge("PUT", "/api/v1/batches/3f2b")).isEqualTo(refused(405, "GET", "HEAD", "OPTIONS"));
        assertThat(served.judge("DELETE", "/api/v1/operations")).isEqualTo(refused(405, "GET", "HEAD", "OPTIONS"));
        assertThat(served.judge("GET", "/api/v1/batches")).isEqualTo(refused(405, "POST", "OPTIONS"));
        assertThat(served.judge("HEAD", "/upload-images")).isEqualTo(refused(405, "POST", "OPTIONS"));
        assertThat(served.judge("OPTIONS", "/api/v1/operations")).isEqualTo(refused(405, "GET", "HEAD", "OPTIONS"));
    }

    @Test
    void aPathUnderAnOperationThatNoOperationHasIs404() {
        assertThat(served.judge("GET", "/api/v1/operations/x")).isEqualTo(refused(404));
        assertThat(served.judge("HEAD", "/api/v1/operations/x")).isEqualTo(refused(404));
        assertThat(served.judge("POST", "/api/v1/batches/3f2b/images")).isEqualTo(refused(404));
        assertThat(served.judge("GET", "/get-processed-images/x")).isEqualTo(refused(404));
    }

    @Test
    void aPathUnderTheApisBasePathThatNoOperationHasIs404() {
        assertThat(served.judge("GET", "/api/v1/nothing-here")).isEqualTo(refused(404));
        assertThat(served.judge("POST", "/api/v1/nothing/here")).isEqualTo(refused(404));
        assertThat(served.judge("GET", "/api/v1x/operations")).isInstanceOf(NotOurs.class);
    }

    @Test
    void pathsNoOperationReachesAreLeftToTheirOwnHandlers() {
        assertThat(served.judge("GET", "/")).isInstanceOf(NotOurs.class);
        assertThat(served.judge("GET", "/batches/3f2b")).isInstanceOf(NotOurs.class);
        assertThat(served.judge("GET", "/api/v1")).isInstanceOf(NotOurs.class);
        assertThat(served.judge("GET", "/upload-imagesx")).isInstanceOf(NotOurs.class);
        assertThat(new ServedOperations(List.of()).judge("POST", "/api/v1/batches")).isInstanceOf(NotOurs.class);
    }

    private static Refused refused(int status, String... allow) {
        return new Refused(status, new java.util.LinkedHashSet<>(List.of(allow)));
    }
}
