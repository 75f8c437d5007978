package io.imageflow.routes;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/** The route ids each group must load, and only those. */
public final class RouteGroups {

    static final String API = "rest:openapi.yaml rest:seed-openapi.yaml answer-json answer-download create-batch "
            + "accept-upload get-batch get-contract get-original-image get-result-image get-results-zip list-operations seed-upload-images "
            + "seed-get-processed-images seed-get-images-by-status publish-batch-accepted";
    static final String MANAGER = "fan-out-batch record-outcome check-stalled-batches announce-stalled-batches "
            + "notify-stalled-batches requeue-stalled-images expire-batches delete-expired-batches publish-image-tasks publish-email-notification "
            + "publish-batch-accepted publish-dead-letter";
    static final String PROCESSOR = "process-image report-started publish-image-results publish-dead-letter";
    static final String NOTIFIER = "send-completion-email publish-dead-letter";
    static final String LOCAL_ONLY = "local-mailbox";
    private static final Map<String, String> BY_GROUP = Map.of("api", API, "manager", MANAGER, "processor", PROCESSOR,
            "notifier", NOTIFIER);
    /** Camel's line for each route it started: "Started <id> (<endpoint>)". */
    private static final Pattern STARTED_ROUTE = Pattern.compile("Started (\\S+) \\(([^)]*)\\)");

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
        return Stream.of("api", "manager", "processor", "notifier").map(group -> Arguments.of(group, of(group)));
    }

    /** The route ids the group (its profile's name) must load. */
    public static Set<String> of(String group) {
        return ids(BY_GROUP.get(group));
    }

    /** The route ids a process's log says Camel started. */
    public static Set<String> startedIn(String log) {
        Set<String> ids = new TreeSet<>();
        Matcher matcher = STARTED_ROUTE.matcher(log);
        while (matcher.find()) {
            ids.add(name(matcher.group(1), matcher.group(2)));
        }
        return ids;
    }

    static Set<String> ids(String... groups) {
        Set<String> ids = new TreeSet<>();
        for (String group : groups) {
            ids.addAll(Arrays.asList(group.trim().split("\\s+")));
        }
        return ids;
    }
}
