package io.imageflow.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.imageflow.ImageFlowApplication;
import io.imageflow.support.FreePorts;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Each route group's profile loads exactly its routes and builds the beans they call, not the others' (one
 * start per group checks both); no profile loads them all (local mode).
 */
class RouteGroupsTest {

    private static final List<String> PIPELINE_BEANS = List.of("batchIntake", "imageDownloads", "batchFanOut",
            "outcomeRecorder", "imageWorker", "completionEmails", "expiredBatches", "stalledImages",
            "recipientAllowance", "fileSystemBlobStore", "jdbcBatchStore", "imageEngineLoading");

    private static final Map<String, String> BEANS_BY_PROFILE = Map.of(
            "api", "batchIntake imageDownloads fileSystemBlobStore jdbcBatchStore",
            // the manager deletes expired batches' images, so it holds the storage too
            "manager", "batchFanOut outcomeRecorder expiredBatches stalledImages fileSystemBlobStore jdbcBatchStore",
            // the processor also loads the image engine from the start, beside the rest of its start-up
            "processor", "imageWorker fileSystemBlobStore imageEngineLoading",
            "notifier", "completionEmails recipientAllowance jdbcBatchStore");

    @TempDir
    Path data;

    @ParameterizedTest(name = "profile {0}")
    @MethodSource("io.imageflow.routes.RouteGroups#byProfile")
    void eachGroupLoadsOnlyItsRoutesAndBuildsOnlyTheBeansTheyCall(String profile, Set<String> expectedRoutes) {
        try (ConfigurableApplicationContext context = start(profile)) {
            assertThat(routeIds(context)).isEqualTo(expectedRoutes);
            List<String> built = PIPELINE_BEANS.stream()
                    .filter(name -> context.getBeanFactory().containsSingleton(name)).toList();
            assertThat(built).containsExactlyInAnyOrderElementsOf(Arrays.asList(BEANS_BY_PROFILE.get(profile).split(" ")));
        }
    }

    @Test
    void localModeLoadsEveryGroup() {
        try (ConfigurableApplicationContext context = start(null)) {
            assertThat(routeIds(context)).isEqualTo(RouteGroups.ids(RouteGroups.API, RouteGroups.MANAGER,
                    RouteGroups.PROCESSOR, RouteGroups.NOTIFIER, RouteGroups.LOCAL_ONLY));
        }
    }

    private ConfigurableApplicationContext start(String profile) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(ImageFlowApplication.class);
        if (profile != null) {
            app.profiles(profile);
        }
        return app.run("--server.port=0", "--imageflow.data-dir=" + data, "--spring.mail.port=" + FreePorts.next(),
                "--imageflow.mail.imap-port=" + FreePorts.next(), "--imageflow.mail.mailbox-port=0");
    }

    private static Set<String> routeIds(ConfigurableApplicationContext context) {
        Set<String> ids = new TreeSet<>();
        for (Route route : context.getBean(CamelContext.class).getRoutes()) {
            ids.add(RouteGroups.name(route.getRouteId(), route.getEndpoint().getEndpointUri()));
        }
        return ids;
    }
}
