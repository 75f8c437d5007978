package io.imageflow.admin;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no admin password, only health (the probes) is exposed over HTTP: Hawtio, Jolokia and the metrics are
 * not served at all. Done on the environment, before any bean exists, because Hawtio and Jolokia decide
 * whether to register their servlets and filters from the exposure setting.
 */
public class AdminEndpointsSwitch implements EnvironmentPostProcessor {

    static final String SOURCE = "imageflow-admin-disabled";
    static final String EXPOSURE = "management.endpoints.web.exposure.include";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!AdminProperties.hasText(environment.getProperty(AdminProperties.PASSWORD))) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(EXPOSURE, "health")));
        }
    }
}
