package io.imageflow.config;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.batch.BatchStore;
import io.imageflow.storage.BlobStore;
import io.imageflow.storage.FileSystemBlobStore;
import io.imageflow.store.JdbcBatchStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The local backends of the blob and record seams: a directory and an embedded database file. */
@Configuration(proxyBeanMethods = false)
public class RecordsAndBlobsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "imageflow.storage", havingValue = "local", matchIfMissing = true)
    BlobStore fileSystemBlobStore(ImageFlowProperties properties) throws IOException {
        return new FileSystemBlobStore(properties.dataDir().resolve("blobs"));
    }

    @Bean
    @ConditionalOnProperty(name = "imageflow.store", havingValue = "local", matchIfMissing = true)
    BatchStore jdbcBatchStore(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper json) {
        return new JdbcBatchStore(jdbc, transactions, json);
    }
}
