package io.imageflow.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

/** Each route group's profile loads exactly its routes; no profile loads them all (local mode). */
class RouteGroupsTest {

    @TempDir
    Path data;

    @ParameterizedTest(name = "profile {0}")
    @MethodSource("io.imageflow.routes.RouteGroups#byProfile")
    void eachGroupLoadsOnlyItsRoutes(String profile, Set<String> expected) {
        assertThat(routeIds(profile)).isEqualTo(expected);
    }

    @Test
    void localModeLoadsEveryGroup() {
        assertThat(routeIds(null)).isEqualTo(RouteGroups.ids(RouteGroups.API, RouteGroups.MANAGER,
                RouteGroups.PROCESSOR, RouteGroups.NOTIFIER, RouteGroups.LOCAL_ONLY));
    }

    private Set<String> routeIds(String profile) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(ImageFlowApplication.class);
        if (profile != null) {
            app.profiles(profile);
        }
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--imageflow.data-dir=" + data,
                "--spring.mail.port=" + FreePorts.next(), "--imageflow.mail.imap-port=" + FreePorts.next(),
                "--imageflow.mail.mailbox-port=0")) {
            Set<String> ids = new TreeSet<>();
            for (Route route : context.getBean(CamelContext.class).getRoutes()) {
                ids.add(RouteGroups.name(route.getRouteId(), route.getEndpoint().getEndpointUri()));
            }
            return ids;
        }
    }
}
