package io.imageflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** k8s/provision.sh --dry-run prints what it would create, with the seed's settings, and runs no gcloud. */
class ProvisionScriptTest {

    private static final Path SCRIPT = Path.of("k8s/provision.sh");

    @TempDir
    Path temp;

    record Run(int exitCode, List<String> lines, boolean gcloudCalled) {
    }

    @Test
    void aDryRunPrintsEveryResourceWithItsSettingsAndCallsNoGcloud() throws Exception {
        Run run = run("--dry-run", "--project", "acme-images", "--bucket", "acme-bucket", "--namespace", "prod");

        assertThat(run.exitCode()).isZero();
        assertThat(run.gcloudCalled()).as("a dry run must not call gcloud").isFalse();
        assertThat(run.lines()).allMatch(line -> line.startsWith("gcloud "));
        assertThat(run.lines()).contains(
                "gcloud pubsub topics create image-processing-queue --project=acme-images",
                "gcloud pubsub topics create email-notification-pub-sub --project=acme-images",
                "gcloud pubsub subscriptions create image-processing-queue-sub --project=acme-images"
                        + " --topic=image-processing-queue --ack-deadline=60 --enable-exactly-once-delivery"
                        + " --dead-letter-topic=dead-letter --max-delivery-attempts=5 --min-retry-delay=30s"
                        + " --max-retry-delay=60s --message-retention-duration=7d",
                "gcloud pubsub subscriptions create email-notification-sub --project=acme-images"
                        + " --topic=email-notification-pub-sub --ack-deadline=600 --enable-exactly-once-delivery"
                        + " --dead-letter-topic=dead-letter --max-delivery-attempts=5 --min-retry-delay=10s"
                        + " --max-retry-delay=600s --message-retention-duration=7d",
                "gcloud storage buckets create gs://acme-bucket --project=acme-images --location=europe-west1"
                        + " --uniform-bucket-level-access --public-access-prevention",
                "gcloud iam service-accounts add-iam-policy-binding imageflow@acme-images.iam.gserviceaccount.com"
                        + " --project=acme-images --member=serviceAccount:acme-images.svc.id.goog\\[prod/imageflow\\]"
                        + " --role=roles/iam.workloadIdentityUser");
        assertThat(run.lines()).anyMatch(line -> line.startsWith("gcloud firestore databases create"));
        assertThat(run.lines().stream().filter(line -> line.contains("--role=")).map(ProvisionScriptTest::role).distinct())
                .containsExactlyInAnyOrder("roles/pubsub.publisher", "roles/pubsub.subscriber", "roles/pubsub.viewer",
                        "roles/storage.objectUser", "roles/datastore.user", "roles/iam.serviceAccountTokenCreator",
                        "roles/iam.workloadIdentityUser");
    }

    @Test
    void withoutAProjectItStopsAndSaysSo() throws Exception {
        Run run = run("--dry-run");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lines()).contains("--project is required (see --help)");
        assertThat(run.gcloudCalled()).isFalse();
    }

    private static String role(String line) {
        return line.replaceAll(".*--role=(\\S+).*", "$1");
    }

    /** Runs the script with a gcloud on the PATH that only records being called. */
    private Run run(String... arguments) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path called = temp.resolve("gcloud-called");
        Path gcloud = bin.resolve("gcloud");
        Files.writeString(gcloud, "#!/bin/sh\ntouch '" + called + "'\nexit 1\n");
        Files.setPosixFilePermissions(gcloud, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
        return new Run(process.waitFor(), lines, Files.exists(called));
    }
}
