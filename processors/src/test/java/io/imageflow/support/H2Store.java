package io.imageflow.support;

import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.backends.local.JdbcBatchStore;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh in-memory JdbcBatchStore (the embedded database of local mode), that can tell how many rows it holds. */
public final class H2Store {

    public final JdbcClient jdbc;
    public final JdbcBatchStore store;

    public H2Store() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/schema-h2.sql")).execute(dataSource);
        jdbc = JdbcClient.create(dataSource);
        store = new JdbcBatchStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new ObjectMapper());
    }

    public int rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }
}
