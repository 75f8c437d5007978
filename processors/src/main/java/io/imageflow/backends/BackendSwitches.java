package io.imageflow.backends;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded parts of local mode start only with their switch: Spring would start the embedded queue and
 * the records database whatever imageflow.queue and imageflow.store say, so their auto-configurations are
 * left out when another backend is chosen. Runs after the configuration files (and profiles) are read.
 */
public class BackendSwitches implements EnvironmentPostProcessor, Ordered {

    static final List<String> EMBEDDED_QUEUE = List.of(
            "org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration");
    static final List<String> EMBEDDED_DATABASE = List.of(
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration");

    private static final String EXCLUDE = "spring.autoconfigure.exclude";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> excluded = new ArrayList<>();
        if (!"local".equals(environment.getProperty("imageflow.queue", "local"))) {
            excluded.addAll(EMBEDDED_QUEUE);
        }
        if (!"local".equals(environment.getProperty("imageflow.store", "local"))) {
            excluded.addAll(EMBEDDED_DATABASE);
        }
        if (excluded.isEmpty()) {
            return;
        }
        String already = environment.getProperty(EXCLUDE, "");
        if (!already.isBlank()) {
            excluded.add(0, already);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(EXCLUDE, String.join(",", excluded));
        environment.getPropertySources().addFirst(new MapPropertySource("imageflow-backend-switches", properties));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
