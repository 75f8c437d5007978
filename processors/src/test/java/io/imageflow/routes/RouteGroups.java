package io.imageflow.routes;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/** The route ids each group must load, and only those. */
final class RouteGroups {

    static final String API = "rest:openapi.yaml rest:seed-openapi.yaml answer-json answer-download create-batch "
            + "accept-upload get-batch get-contract get-original-image get-result-image get-results-zip list-operations seed-upload-images "
            + "seed-get-processed-images seed-get-images-by-status publish-batch-accepted";
    static final String MANAGER = "fan-out-batch record-outcome check-stalled-batches announce-stalled-batches "
            + "notify-stalled-batches requeue-stalled-images expire-batches delete-expired-batches publish-image-tasks publish-email-notification "
            + "publish-batch-accepted publish-dead-letter";
    static final String PROCESSOR = "process-image report-started publish-image-results publish-dead-letter";
    static final String NOTIFIER = "send-completion-email publish-dead-letter";
    static final String LOCAL_ONLY = "local-mailbox";

    private RouteGroups() {
    }

    /** The contract's routes get generated ids (route1, ...); they are named after their contract file instead. */
    static String name(String routeId, String endpointUri) {
        if (routeId.matches("route\\d+") && endpointUri.startsWith("rest-openapi:")) {
            return "rest:" + endpointUri.substring(endpointUri.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        }
        return routeId;
    }

    /** Each group's profile with the route ids it must load: the arguments of the per-profile tests. */
    static Stream<Arguments> byProfile() {
        return Stream.of(
                Arguments.of("api", ids(API)),
                Arguments.of("manager", ids(MANAGER)),
                Arguments.of("processor", ids(PROCESSOR)),
                Arguments.of("notifier", ids(NOTIFIER)));
    }

    static Set<String> ids(String... groups) {
        Set<String> ids = new TreeSet<>();
        for (String group : groups) {
            ids.addAll(Arrays.asList(group.trim().split("\\s+")));
        }
        return ids;
    }
}
