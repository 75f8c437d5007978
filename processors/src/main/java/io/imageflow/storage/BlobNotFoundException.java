package io.imageflow.storage;

import java.io.IOException;

public class BlobNotFoundException extends IOException {

    public BlobNotFoundException(String key) {
        super("No stored file at " + key);
    }
}
