package io.imageflow.backends.gcp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.imageflow.batch.BatchStore;
import io.imageflow.storage.BlobStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * The Google Cloud backends, each on its own switch: blobs in Cloud Storage (imageflow.storage=gcs), records
 * in Firestore (imageflow.store=firestore), channels on Pub/Sub (imageflow.queue=pubsub; the endpoints are in
 * application.yaml). Credentials: Application Default Credentials (Workload Identity on GKE), or the service
 * account key at imageflow.gcp.credentials-file.
 */
@Configuration(proxyBeanMethods = false)
public class GcpBackendsConfiguration {

    /** A test passes Google's in-process fake (LocalStorageHelper) instead. */
    @Lazy // built where a route calls it: only the groups that keep blobs or records
    @Bean
    @ConditionalOnProperty(name = "imageflow.storage", havingValue = "gcs")
    @ConditionalOnMissingBean(Storage.class)
    Storage storageClient(@Value("${imageflow.gcp.project-id}") String projectId,
            @Value("${imageflow.gcp.credentials-file}") String credentialsFile) throws IOException {
        StorageOptions.Builder options = StorageOptions.newBuilder().setProjectId(projectId);
        keyFile(credentialsFile).ifPresent(options::setCredentials);
        return options.build().getService();
    }

    @Lazy // built where a route calls it: only the groups that keep blobs or records
    @Bean
    @ConditionalOnProperty(name = "imageflow.storage", havingValue = "gcs")
    BlobStore gcsBlobStore(Storage storageClient, @Value("${imageflow.gcs.bucket}") String bucket) {
        return new GcsBlobStore(storageClient, bucket);
    }

    @Lazy // built where a route calls it: only the groups that keep blobs or records
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "imageflow.store", havingValue = "firestore")
    Firestore firestore(@Value("${imageflow.gcp.project-id}") String projectId,
            @Value("${imageflow.gcp.firestore-database}") String database,
            @Value("${imageflow.gcp.firestore-emulator-host}") String emulatorHost,
            @Value("${imageflow.gcp.credentials-file}") String credentialsFile) throws IOException {
        FirestoreOptions.Builder options = FirestoreOptions.newBuilder().setProjectId(projectId).setDatabaseId(database);
        if (!emulatorHost.isBlank()) {
            // the emulator host alone: adding NoCredentials would send the client to the real endpoint
            options.setEmulatorHost(emulatorHost);
        } else {
            keyFile(credentialsFile).ifPresent(options::setCredentials);
        }
        return options.build().getService();
    }

    @Lazy // built where a route calls it: only the groups that keep blobs or records
    @Bean
    @ConditionalOnProperty(name = "imageflow.store", havingValue = "firestore")
    BatchStore firestoreBatchStore(Firestore firestore, ObjectMapper json) {
        return new FirestoreBatchStore(firestore, json);
    }

    /**
     * Camel's google-pubsub component, bounded (see BoundedPubsubComponent); the camel.component.google-pubsub.*
     * settings (endpoint and authenticate=false for the emulator) apply to it as to Camel's own.
     */
    @Bean("google-pubsub")
    @ConditionalOnProperty(name = "imageflow.queue", havingValue = "pubsub")
    BoundedPubsubComponent googlePubsubComponent(@Value("${imageflow.gcp.credentials-file}") String credentialsFile) {
        BoundedPubsubComponent component = new BoundedPubsubComponent();
        if (!credentialsFile.isBlank()) {
            component.setServiceAccountKey("file:" + credentialsFile);
        }
        return component;
    }

    /** Pub/Sub's administration clients, opened at first use: by pubsubChannels, and by the queue's health. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "imageflow.queue", havingValue = "pubsub")
    PubsubAdmin pubsubAdmin(@Value("${camel.component.google-pubsub.endpoint:}") String emulator,
            @Value("${camel.component.google-pubsub.authenticate:true}") boolean authenticate,
            @Value("${imageflow.gcp.credentials-file}") String credentialsFile) throws IOException {
        Optional<GoogleCredentials> key = keyFile(credentialsFile);
        CredentialsProvider credentials = !authenticate ? NoCredentialsProvider.create()
                : key.<CredentialsProvider>map(FixedCredentialsProvider::create)
                        .orElseGet(TopicAdminSettings.defaultCredentialsProviderBuilder()::build);
        return new PubsubAdmin(emulator, credentials);
    }

    /** Before any route consumes: every missing topic and subscription, with the settings of imageflow.channels. */
    @Bean(initMethod = "createMissing")
    @Lazy(false)
    @ConditionalOnExpression("'${imageflow.queue:local}' == 'pubsub' and ${imageflow.pubsub.auto-create:false}")
    PubsubChannels pubsubChannels(Environment environment, @Value("${imageflow.gcp.project-id}") String projectId,
            PubsubAdmin admin) {
        Map<String, ChannelSettings> channels = Binder.get(environment)
                .bind("imageflow.channels", Bindable.mapOf(String.class, ChannelSettings.class)).get();
        return new PubsubChannels(projectId, channels, admin);
    }

    static Optional<GoogleCredentials> keyFile(String path) throws IOException {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        try (InputStream key = Files.newInputStream(Path.of(path))) {
            return Optional.of(GoogleCredentials.fromStream(key));
        }
    }
}
