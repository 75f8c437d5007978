package io.imageflow.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.imageflow.admin.ManagementClient;
import io.imageflow.deploy.PodProbes;
import io.imageflow.support.RunningJar;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each route group starts alone from the packaged jar with its routes and only those, and answers what its
 * pod is asked: the probes of k8s/, and with the admin's password, metrics and Hawtio.
 */
class PackagedJarIT {

    private static final String ADMIN_PASSWORD = "packaged-jar-admin";
    private static final Pattern STARTED_ROUTE = Pattern.compile("Started (\\S+) \\(([^)]*)\\)");

    @TempDir
    Path temp;

    @ParameterizedTest(name = "profile {0}")
    @MethodSource("io.imageflow.routes.RouteGroups#byProfile")
    void startsOnlyItsRoutesAndAnswersItsProbes(String profile, Set<String> expectedRoutes) throws Exception {
        try (RunningJar jar = RunningJar.start(Files.createDirectories(temp.resolve(profile)),
                "--spring.profiles.active=" + profile, "--imageflow.admin.password=" + ADMIN_PASSWORD)) {
            assertThat(startedRoutes(jar.log())).as(jar.log()).isEqualTo(expectedRoutes);

            ManagementClient management = new ManagementClient(jar.managementUrl());
            for (String probe : PodProbes.paths()) {
                HttpResponse<String> answer = management.anonymous(probe);
                assertThat(answer.statusCode()).as(probe + ": " + answer.body()).isEqualTo(200);
                assertThat(answer.body()).contains("\"UP\"");
            }
            assertThat(management.as("admin", ADMIN_PASSWORD, "/actuator/prometheus").body())
                    .contains("camel_exchanges_total{");
            assertThat(management.as("admin", ADMIN_PASSWORD, "/actuator/hawtio/index.html").statusCode())
                    .isEqualTo(200);
            assertThat(management.anonymous("/actuator/prometheus").statusCode()).isEqualTo(401);
        }
    }

    private static Set<String> startedRoutes(String log) {
        Set<String> ids = new TreeSet<>();
        Matcher matcher = STARTED_ROUTE.matcher(log);
        while (matcher.find()) {
            ids.add(RouteGroups.name(matcher.group(1), matcher.group(2)));
        }
        return ids;
    }
}
