package io.imageflow.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings named after the domain; see application.yaml for the defaults and README for their meaning. */
@ConfigurationProperties(prefix = "imageflow")
public record ImageFlowProperties(
        Path dataDir,
        String publicUrl,
        Limits limits,
        Processing processing,
        Mail mail) {

    public record Limits(int maxFiles, DataSize maxFileSize, long maxPixels, int maxNameLength) {
    }

    /** How a failing image is retried before it is marked FAILED. */
    public record Processing(int maxAttempts, Duration retryDelay, double retryBackoff) {
    }

    public record Mail(String from, String subjectPrefix) {
    }
}
