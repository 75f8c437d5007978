package io.imageflow.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.imageflow.ImageFlowApplication;
import io.imageflow.support.FreePorts;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A route group alone builds the beans its routes call and not the others' (the issue's §6). */
class GroupBeansTest {

    private static final List<String> PIPELINE_BEANS = List.of("batchIntake", "imageDownloads", "batchFanOut",
            "outcomeRecorder", "imageWorker", "completionEmails", "expiredBatches", "stalledImages",
            "recipientAllowance", "fileSystemBlobStore", "jdbcBatchStore", "imageEngineLoading");

    @TempDir
    Path data;

    @ParameterizedTest(name = "profile {0}")
    @CsvSource({
            "api, batchIntake imageDownloads fileSystemBlobStore jdbcBatchStore",
            // the manager deletes expired batches' images, so it holds the storage too
            "manager, batchFanOut outcomeRecorder expiredBatches stalledImages fileSystemBlobStore jdbcBatchStore",
            // the processor also loads the image engine from the start, beside the rest of its start-up
            "processor, imageWorker fileSystemBlobStore imageEngineLoading",
            "notifier, completionEmails recipientAllowance jdbcBatchStore"})
    void eachGroupBuildsOnlyTheBeansItsRoutesCall(String profile, String needed) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ImageFlowApplication.class)
                .profiles(profile).run("--server.port=0", "--imageflow.data-dir=" + data,
                        "--imageflow.mail.embedded=false", "--spring.mail.port=" + FreePorts.next())) {
            List<String> built = PIPELINE_BEANS.stream()
                    .filter(name -> context.getBeanFactory().containsSingleton(name)).toList();
            assertThat(built).containsExactlyInAnyOrderElementsOf(Arrays.asList(needed.split(" ")));
        }
    }
}
