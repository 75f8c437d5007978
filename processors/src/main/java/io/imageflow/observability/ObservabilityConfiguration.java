package io.imageflow.observability;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The routes' logging context; the meters are fed where outcomes are recorded (PipelineMetrics). */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    /** Named in the routes right after a message is read: {@code - process: {ref: logContext}}. */
    @Bean
    LogContext logContext() {
        return new LogContext();
    }
}
