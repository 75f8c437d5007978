package io.imageflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.support.ApiClient.Answer;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.LocalModeTest;
import io.imageflow.support.NothingKept;
import io.imageflow.support.TestImages;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Refusals that come from outside the upload itself: a queue that will not take the batch, a request too large to read. */
class QueueAndSizeRefusalTest extends LocalModeTest {

    private static final String METADATA = "{\"email\": \"ada@example.com\", \"operations\": [{\"type\": \"grayscale\"}]}";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    ProducerTemplate producer;
    @Value("${imageflow.channel.batch-accepted}")
    String batchAccepted;

    @Test
    void aBatchTheQueueRefusesIsAnswered503AndNothingOfItIsKeptSoTheClientCanRetry() throws Exception {
        awaitPipelineQuiet();
        List<Part> files = List.of(new Part("a.png", TestImages.png(16, 16)), new Part("b.png", TestImages.png(8, 8)));
        // several rounds: a JMS session or producer left broken by one refusal would refuse the retry after it
        for (int round = 1; round <= 6; round++) {
            NothingKept kept = NothingKept.since(jdbc, DATA_DIR);
            Answer refused;
            try (FullQueue ignored = new FullQueue(broker.getActiveMQServer(), "batch-accepted")) {
                refused = api().upload("/api/v1/batches", METADATA, files);
            }

            assertThat(refused.status()).as("round %d: %s", round, refused.json()).isEqualTo(503);
            assertThat(refused.json().get("error").asText()).isEqualTo("queue_unavailable");
            assertThat(refused.json().get("message").asText()).contains("retry");
            kept.assertNothingNew();

            // once the queue takes messages again, the client's first retry is accepted
            Answer retried = api().upload("/api/v1/batches", METADATA, files);
            assertThat(retried.status()).as("round %d: %s", round, retried.json()).isEqualTo(202);
            assertThat(api().awaitFinished(retried.json().get("batchId").asText(), Duration.ofSeconds(60))
                    .get("doneCount").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aRequestLargerThanTheServerReadsIsAnswered413BeforeItsBodyIsRead() throws Exception {
        NothingKept kept = NothingKept.since(jdbc, DATA_DIR);
        URI base = URI.create(api().baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            // 1.5 GB announced, more than spring.servlet.multipart.max-request-size; only the first bytes are sent
            out.write(("POST /api/v1/batches HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=big\r\nContent-Length: 1500000000\r\nConnection: close\r\n\r\n"
                    + "--big\r\nContent-Disposition: form-data; name=\"files\"; filename=\"huge.png\"\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();

            String answer = readAnswer(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413");
            JsonNode error = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertThat(error.get("error").asText()).isEqualTo("request_too_large");
            assertThat(error.get("message").asText()).contains("GET /api/v1/operations");
        }
        kept.assertNothingNew();
    }

    /** Reads the status line, headers and body of an answer sent with Connection: close or a Content-Length. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            answer.write(buffer, 0, n);
            String text = answer.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end > 0 && text.substring(end + 4).trim().endsWith("}")) {
                return text;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /**
     * Makes the embedded broker refuse messages for an address, as a full or failing queue would: the
     * address is limited to 1 byte with the FAIL policy, and a message that nobody consumes (the queue is
     * paused) fills it. Closing gives the address its settings back and drops that message.
     */
    private final class FullQueue implements AutoCloseable {

        private final ActiveMQServer server;
        private final String address;
        private final Queue queue;

        FullQueue(ActiveMQServer server, String address) throws Exception {
            this.server = server;
            this.address = address;
            this.queue = server.locateQueue(address);
            queue.pause();
            server.getAddressSettingsRepository().addMatch(address, new AddressSettings()
                    .setMaxSizeBytes(1L).setAddressFullMessagePolicy(AddressFullMessagePolicy.FAIL));
            producer.sendBody(batchAccepted, "{\"filler\": \"fills the queue\"}");
        }

        @Override
        public void close() throws Exception {
            server.getAddressSettingsRepository().removeMatch(address);
            queue.deleteAllReferences();
            queue.resume();
        }
    }
}
