package io.imageflow.batch;

import io.imageflow.support.H2Store;

/** The BatchStore contract on the embedded database of local mode. */
class JdbcBatchStoreContractTest extends BatchStoreContract {

    @Override
    protected BatchStore newStore() {
        return new H2Store().store;
    }
}
