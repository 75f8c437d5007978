package io.imageflow.backends.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.imageflow.admin.ManagementClient;
import io.imageflow.deploy.PodProbes;
import io.imageflow.routes.RouteGroups;
import io.imageflow.support.ApiClient.Part;
import io.imageflow.support.TestImages;
import io.imageflow.support.TestPhotos;
import io.imageflow.support.FreePorts;
import io.imageflow.support.GoogleEmulators;
import io.imageflow.support.RunningJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route groups as four processes from the packaged jar, as on Kubernetes: Pub/Sub and Firestore on
 * Google's emulators, blobs in one directory they share (storage=local), mail to an SMTP server here. Each
 * starts its group's routes and only those, and answers what its pod is asked: the probes of k8s/, and with the
 * admin's password, metrics and Hawtio. Real photographs go through to the email; a processor killed with -9
 * mid-image loses nothing: its task comes back after the (short) ack deadline to one of the two processors
 * started in its place, every image counts once and the batch is mailed once. Then the two processors share a
 * backlog (its rate is printed, a line starting SCALE; under the suite's load it says little:
 * k8s/measure-scale.sh measures one processor against two).
 */
class GcpFourProcessesIT {

    /**
     * The photographs, and a 24-megapixel image made here that takes seconds: the kill lands while it is transformed.
     * Rotated 30 degrees its canvas grows to 41 MP, written as PNG: about 3 s on a quiet machine. Blur and sharpen
     * alone took 1 s with the native engine, and once the kill came after the image was done: PROCESSING reaches
     * the API through the manager, a hop behind the processor.
     */
    private static final String LARGE = "large.jpg";
    private static final List<Part> IMAGES = List.of(TestPhotos.part(TestPhotos.LANDSCAPE_BASELINE, "landscape.jpg"),
            TestPhotos.part(TestPhotos.PORTRAIT, "portrait.jpg"), new Part(LARGE, TestImages.largeJpeg(6000, 4000)),
            TestPhotos.part(TestPhotos.LANDSCAPE_PROGRESSIVE, "progressive.jpg"));

    private static final String ADMIN_PASSWORD = "four-processes-admin";

    /** The drain backlogs: this many copies of three photographs, small enough for 2 busy cores. */
    private static final int BACKLOG_COPIES = 3;

    @TempDir
    Path temp;

    @Test
    void fourProcessesAnswerAsTheirPodsFinishABatchDespiteAKilledProcessorAndShareABacklog() throws Exception {
        String pubsub = GoogleEmulators.pubsub();
        String firestore = GoogleEmulators.firestore();
        Path shared = Files.createDirectories(temp.resolve("shared"));
        GreenMail smtp = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String[] gcp = {"--imageflow.storage=local", "--imageflow.queue=pubsub", "--imageflow.store=firestore",
                "--imageflow.mail.embedded=false", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--imageflow.gcp.project-id=four-" + UUID.randomUUID().toString().substring(0, 8),
                "--camel.component.google-pubsub.endpoint=" + pubsub,
                "--camel.component.google-pubsub.authenticate=false",
                "--imageflow.gcp.firestore-emulator-host=" + firestore, "--imageflow.pubsub.auto-create=true",
                "--imageflow.admin.password=" + ADMIN_PASSWORD,
                // a killed processor's task comes back after 10 s, not 60
                "--imageflow.channels.image-tasks.ack-deadline=10s", "--imageflow.channels.image-tasks.min-backoff=1s",
                "--imageflow.channels.image-tasks.max-backoff=2s", "--imageflow.processing.concurrency=1"};
        List<RunningJar> running = new ArrayList<>();
        CompletableFuture<RunningJar> second = null;
        try {
            // one after the other: four JVMs starting at once on two busy cores take minutes each
            RunningJar api = start(running, shared, gcp, "api");
            RunningJar manager = start(running, shared, gcp, "manager");
            RunningJar processor = start(running, shared, gcp, "processor");
            RunningJar notifier = start(running, shared, gcp, "notifier");
            answersAsItsPod("api", api);
            answersAsItsPod("manager", manager);
            answersAsItsPod("processor", processor);
            answersAsItsPod("notifier", notifier);

            var accepted = api.api().upload("/api/v1/batches", """
                    {"email": "four@example.com", "operations": [{"type": "rotate", "degrees": 30},
                      {"type": "sharpen", "amount": 2}, {"type": "blur", "radius": 8}, {"type": "format", "format": "png"}]}""",
                    IMAGES);
            assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
            String batchId = accepted.json().get("batchId").asText();
            String path = "/api/v1/batches/" + batchId;

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "PROCESSING".equals(image(api.api().getJson(path).json(), LARGE).get("status").asText()));
            processor.kill();
            // two in its place, side by side (the ack deadline's wait leaves the cores to their starts): either
            // takes the killed task back, and both share the backlog below
            second = CompletableFuture.supplyAsync(() -> start(running, shared, gcp, "processor"));
            start(running, shared, gcp, "processor");

            JsonNode batch = api.api().awaitFinished(batchId, Duration.ofMinutes(4));
            assertThat(batch.get("status").asText()).as(batch.toPrettyString()).isEqualTo("COMPLETED");
            assertThat(batch.get("doneCount").asInt()).isEqualTo(IMAGES.size());
            assertThat(batch.get("images").findValuesAsText("status")).containsOnly("DONE");
            JsonNode killed = image(batch, LARGE);
            assertThat(killed.get("attempts").asInt()).as("delivered again after the kill: " + killed).isGreaterThanOrEqualTo(2);
            try (Stream<Path> results = Files.list(shared.resolve("blobs").resolve(batchId).resolve("output"))) {
                assertThat(results.filter(file -> !file.getFileName().toString().startsWith("."))).hasSize(IMAGES.size());
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> mailsMentioning(smtp, batchId) >= 1);
            assertThat(mailsMentioning(smtp, batchId)).isEqualTo(1);

            // scale: the second processor takes its share of a backlog
            drain(api, 2);
            assertThat(second.join().log()).as("the second processor took tasks too").contains("Received message");
            assertThat(mailsMentioning(smtp, batchId)).as("no late second mail about the first batch").isEqualTo(1);
        } finally {
            if (second != null) {
                // a start still under way would otherwise outlive the test
                second.exceptionally(failed -> null).join();
            }
            running.forEach(RunningJar::close);
            smtp.stop();
        }
    }

    /** Only the group's routes started; the pod's probes answer UP; metrics and Hawtio for the admin alone. */
    private static void answersAsItsPod(String group, RunningJar jar) {
        assertThat(RouteGroups.startedIn(jar.log())).as(group + ": " + jar.log()).isEqualTo(RouteGroups.of(group));
        ManagementClient management = new ManagementClient(jar.managementUrl());
        for (String probe : PodProbes.paths()) {
            HttpResponse<String> answer = management.anonymous(probe);
            assertThat(answer.statusCode()).as(group + " " + probe + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"UP\"");
        }
        assertThat(management.as("admin", ADMIN_PASSWORD, "/actuator/prometheus").body()).as(group)
                .contains("camel_exchanges_total{");
        assertThat(management.as("admin", ADMIN_PASSWORD, "/actuator/hawtio/index.html").statusCode()).as(group)
                .isEqualTo(200);
        assertThat(management.anonymous("/actuator/prometheus").statusCode()).as(group).isEqualTo(401);
    }

    /**
     * A backlog of the repository's photographs, queued at once, drained by the processors running now (each
     * transforms one image at a time); the images per second from acceptance to the batch finished, printed.
     */
    private static void drain(RunningJar api, int processors) throws IOException {
        List<Part> backlog = new ArrayList<>();
        for (int copy = 0; copy < BACKLOG_COPIES; copy++) {
            for (String photo : List.of(TestPhotos.LANDSCAPE_BASELINE, TestPhotos.LANDSCAPE_PROGRESSIVE, TestPhotos.PORTRAIT)) {
                backlog.add(TestPhotos.part(photo, copy + "-" + photo));
            }
        }
        var accepted = api.api().upload("/api/v1/batches",
                "{\"email\": \"drain@example.com\", \"operations\": [{\"type\": \"resize\", \"width\": 1024}]}", backlog);
        assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(202);
        long from = System.nanoTime();
        JsonNode batch = api.api().awaitFinished(accepted.json().get("batchId").asText(), Duration.ofMinutes(4));
        double seconds = (System.nanoTime() - from) / 1e9;
        assertThat(batch.get("status").asText()).as(batch.toPrettyString()).isEqualTo("COMPLETED");
        assertThat(batch.get("doneCount").asInt()).isEqualTo(backlog.size());
        System.out.printf("SCALE processors=%d images=%d seconds=%.1f images_per_second=%.2f (load %s)%n", processors,
                backlog.size(), seconds, backlog.size() / seconds, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static RunningJar start(List<RunningJar> running, Path shared, String[] gcp, String group) {
        Stream<String> logged = group.equals("processor")
                // each task it receives, in its log (PullingPubsubConsumer)
                ? Stream.of("--logging.level.io.imageflow.backends.gcp.PullingPubsubConsumer=DEBUG") : Stream.empty();
        String[] arguments = Stream.of(Stream.of(gcp), Stream.of("--spring.profiles.active=" + group), logged)
                .flatMap(stream -> stream).toArray(String[]::new);
        RunningJar jar = RunningJar.start(shared, arguments);
        synchronized (running) {
            running.add(jar);
        }
        return jar;
    }

    private static JsonNode image(JsonNode batch, String name) {
        for (JsonNode image : batch.get("images")) {
            if (name.equals(image.get("name").asText())) {
                return image;
            }
        }
        throw new AssertionError("no image " + name + " in " + batch);
    }

    private static long mailsMentioning(GreenMail smtp, String batchId) {
        return Stream.of(smtp.getReceivedMessages()).filter(message -> GreenMailUtil.getBody(message).contains(batchId))
                .count();
    }
}
