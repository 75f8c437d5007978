package io.imageflow.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * With JSON logs on (logging.structured.format.console), each line also carries {@code severity} in Cloud
 * Logging's words (LogSeverity: DEBUG, INFO, WARNING, ERROR), which GKE's agent reads to set the entry's
 * severity; without it every line from stdout is INFO and every line from stderr ERROR.
 * Named by logging.structured.json.customizer in application.yaml.
 */
public class CloudLoggingSeverity implements StructuredLoggingJsonMembersCustomizer<ILoggingEvent> {

    @Override
    public void customize(Members<ILoggingEvent> members) {
        members.add("severity", event -> of(event.getLevel()));
    }

    static String of(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> "ERROR";
            case Level.WARN_INT -> "WARNING";
            case Level.INFO_INT -> "INFO";
            default -> "DEBUG";
        };
    }
}
