package io.imageflow.observability;

import java.time.Duration;

import io.imageflow.batch.Batch;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What the pipeline got done, as meters: images finished by outcome, how long each took to transform, and
 * how long batches took from upload to their last image. Fed where outcomes are recorded, once per image
 * however often its outcome is delivered. (Per-route counts and timings come from camel-micrometer.)
 */
public class PipelineMetrics {

    private final MeterRegistry registry;
    private final Counter done;
    private final Counter failed;
    private final Timer processing;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.done = images(registry, ImageStatus.DONE);
        this.failed = images(registry, ImageStatus.FAILED);
        this.processing = Timer.builder("imageflow.image.processing")
                .description("Time to transform one image, as the processor measured it (read, transform, store)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry);
    }

    /** An image reached its final status; a DONE one took {@code durationMs} to process. */
    public void imageFinished(ImageOutcome outcome) {
        if (outcome.status() == ImageStatus.DONE) {
            done.increment();
            if (outcome.durationMs() != null) {
                processing.record(Duration.ofMillis(outcome.durationMs()));
            }
        } else if (outcome.status() == ImageStatus.FAILED) {
            failed.increment();
        }
    }

    /** The batch's last image was counted: the time from its upload to then. */
    public void batchFinished(Batch batch) {
        if (batch.createdAt() == null || batch.completedAt() == null) {
            return;
        }
        Timer.builder("imageflow.batch.latency")
                .description("Time from a batch's upload until its last image was done or failed")
                .tag("status", batch.status().name())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofHours(2))
                .register(registry)
                .record(Duration.between(batch.createdAt(), batch.completedAt()));
    }

    private static Counter images(MeterRegistry registry, ImageStatus status) {
        return Counter.builder("imageflow.images")
                .description("Images that reached their final status")
                .tag("status", status.name())
                .register(registry);
    }
}
