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

    /**
     * How a failing image is retried before it is marked FAILED; which engine transforms images, and the
     * limits each image is held to (time; memory of the images in flight, unset = 60 % of the max heap).
     */
    public record Processing(int maxAttempts, Duration retryDelay, double retryBackoff, String engine,
            Duration imageTimeout, DataSize memoryBudget, int maxJpegScans) {
    }

    public record Mail(String from, String subjectPrefix) {
    }
}
