package io.imageflow.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.imageflow.support.RunningJar;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each route group starts alone from the packaged jar with its routes and only those. */
class PackagedJarIT {

    private static final Pattern STARTED_ROUTE = Pattern.compile("Started (\\S+) \\(([^)]*)\\)");

    @TempDir
    Path temp;

    @ParameterizedTest(name = "profile {0}")
    @MethodSource("io.imageflow.routes.RouteGroups#byProfile")
    void startsOnlyItsRoutes(String profile, Set<String> expectedRoutes) throws Exception {
        try (RunningJar jar = RunningJar.start(Files.createDirectories(temp.resolve(profile)),
                "--spring.profiles.active=" + profile)) {
            assertThat(startedRoutes(jar.log())).as(jar.log()).isEqualTo(expectedRoutes);
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
