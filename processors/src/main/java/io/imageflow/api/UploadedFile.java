package io.imageflow.api;

import java.io.IOException;
import java.io.InputStream;

/** One uploaded file part, read as often as needed (probe, then store) without holding it in memory. */
public record UploadedFile(String clientName, long size, Content content) {

    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return content.open();
    }
}
