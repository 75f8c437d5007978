package io.imageflow.config;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.api.BatchIntake;
import io.imageflow.api.BatchOrderReader;
import io.imageflow.api.BatchViews;
import io.imageflow.api.Catalogue;
import io.imageflow.api.ErrorBodies;
import io.imageflow.api.ImageDownloads;
import io.imageflow.api.ResultsZip;
import io.imageflow.api.UploadReader;
import io.imageflow.batch.BatchStore;
import io.imageflow.image.ImageEngines;
import io.imageflow.image.ImageTransformer;
import io.imageflow.image.MemoryBudget;
import io.imageflow.image.OperationParser;
import io.imageflow.manager.BatchFanOut;
import io.imageflow.manager.OutcomeRecorder;
import io.imageflow.manager.StalledBatches;
import io.imageflow.notifier.CompletionEmails;
import io.imageflow.notifier.RecipientAllowance;
import io.imageflow.observability.PipelineMetrics;
import io.imageflow.seed.SeedViews;
import io.imageflow.storage.BlobStore;
import io.imageflow.worker.DeliveryAttempts;
import io.imageflow.worker.ImageWorker;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The beans the routes call, by name; each is plain Java over the store and blob seams. */
@Configuration(proxyBeanMethods = false)
@Lazy // a route group alone builds only the beans its routes call (the api no image engine, the notifier no storage)
public class PipelineConfiguration {

    @Bean
    OperationParser operationParser() {
        return new OperationParser();
    }

    @Bean
    UploadReader uploadReader() {
        return new UploadReader();
    }

    @Bean
    BatchOrderReader batchOrderReader(ObjectMapper json, ImageFlowProperties properties) {
        return new BatchOrderReader(json, properties.limits().maxFiles());
    }

    @Bean
    BatchIntake batchIntake(BlobStore blobs, BatchStore store, BatchOrderReader orders, OperationParser parser,
            ImageFlowProperties properties, @Value("${imageflow.retention}") Duration retention) {
        return new BatchIntake(blobs, store, orders, parser, properties.limits(), retention);
    }

    @Bean
    BatchViews batchViews(BatchStore store, @Value("${imageflow.api-base-path}") String basePath) {
        return new BatchViews(store, basePath);
    }

    @Bean
    SeedViews seedViews(BatchViews views, ImageFlowProperties properties) {
        return new SeedViews(views, properties.publicUrl());
    }

    @Bean
    ErrorBodies errorBodies() {
        return new ErrorBodies();
    }

    @Bean
    ImageDownloads imageDownloads(BatchStore store, BlobStore blobs,
            @Value("${imageflow.gcs.signed-url-expiry}") Duration signedLinkExpiry) {
        return new ImageDownloads(store, blobs, signedLinkExpiry);
    }

    @Bean
    ResultsZip resultsZip(BatchStore store, BlobStore blobs) {
        return new ResultsZip(store, blobs);
    }

    @Bean
    Catalogue catalogue(ImageFlowProperties properties) {
        return new Catalogue(properties.limits());
    }

    @Bean
    BatchFanOut batchFanOut(BatchStore store) {
        return new BatchFanOut(store);
    }

    @Bean
    StalledBatches stalledBatches(BatchStore store, @Value("${imageflow.recovery.announce-after}") Duration patience) {
        return new StalledBatches(store, patience, Clock.systemUTC());
    }

    @Bean
    OutcomeRecorder outcomeRecorder(BatchStore store, MeterRegistry meters) {
        return new OutcomeRecorder(store, new PipelineMetrics(meters));
    }

    /**
     * Where the processor's routes run, the image engine starts loading with the context, beside the rest of
     * the start-up, instead of when the routes are built at its end (docs/performance.md, cold start).
     */
    @Bean
    @Lazy(false)
    @ConditionalOnExpression("'${camel.main.routes-include-pattern:}'.contains('routes/processor/')")
    ImageEngineLoading imageEngineLoading(ImageFlowProperties properties) {
        return ImageEngineLoading.start(properties.processing().engine());
    }

    /** The engine (imageflow.processing.engine) and the limits every image is held to. */
    @Bean(destroyMethod = "close")
    ImageTransformer imageTransformer(ImageFlowProperties properties, ObjectProvider<ImageEngineLoading> loading) {
        ImageFlowProperties.Processing processing = properties.processing();
        MemoryBudget memory = processing.memoryBudget() == null ? MemoryBudget.ofMaxHeap()
                : new MemoryBudget(processing.memoryBudget().toBytes());
        ImageEngineLoading early = loading.getIfAvailable();
        ImageEngines engines = early != null ? early.engines() : ImageEngines.of(processing.engine());
        return new ImageTransformer(engines, new ImageTransformer.Limits(
                properties.limits().maxPixels(), processing.imageTimeout(), memory, processing.maxJpegScans()));
    }

    @Bean
    ImageWorker imageWorker(BlobStore blobs, OperationParser parser, ImageTransformer transformer) {
        return new ImageWorker(blobs, parser, transformer);
    }

    @Bean
    DeliveryAttempts deliveryAttempts() {
        return new DeliveryAttempts();
    }

    @Bean
    CompletionEmails completionEmails(BatchStore store, ImageFlowProperties properties,
            @Value("${imageflow.mail.claim-for}") Duration claimFor, RecipientAllowance allowance) {
        return new CompletionEmails(store, properties.publicUrl(), properties.mail().subjectPrefix(), claimFor,
                allowance, Clock.systemUTC());
    }
}
