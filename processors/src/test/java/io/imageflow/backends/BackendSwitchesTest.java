package io.imageflow.backends;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class BackendSwitchesTest {

    private String excludedWith(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("settings", settings));
        new BackendSwitches().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("spring.autoconfigure.exclude", "");
    }

    @Test
    void localModeKeepsEveryEmbeddedPart() {
        assertThat(excludedWith(Map.of())).isEmpty();
        assertThat(excludedWith(Map.of("imageflow.queue", "local", "imageflow.store", "local"))).isEmpty();
    }

    @Test
    void anotherQueueLeavesTheEmbeddedBrokerOut() {
        assertThat(excludedWith(Map.of("imageflow.queue", "pubsub")))
                .contains("ArtemisAutoConfiguration").doesNotContain("DataSourceAutoConfiguration");
    }

    @Test
    void anotherStoreLeavesTheEmbeddedDatabaseOutAndKeepsWhatTheUserExcluded() {
        assertThat(excludedWith(Map.of("imageflow.store", "firestore",
                "spring.autoconfigure.exclude", "com.example.SomeAutoConfiguration")))
                .startsWith("com.example.SomeAutoConfiguration,")
                .contains("DataSourceAutoConfiguration", "SqlInitializationAutoConfiguration")
                .doesNotContain("Artemis");
    }
}
