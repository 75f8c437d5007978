package io.imageflow.config;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.imageflow.image.ImageEngines;

/**
 * The image engines, loaded on a thread of their own. Loading the native engine takes about a second of start-up
 * (OpenCV's libraries); begun early, it runs beside the rest of the start instead of holding up the routes that
 * need it. {@link #engines()} waits for it and fails as loading them in place would.
 */
public final class ImageEngineLoading {

    private final CompletableFuture<ImageEngines> engines;

    private ImageEngineLoading(CompletableFuture<ImageEngines> engines) {
        this.engines = engines;
    }

    /** Starts loading the engines that {@code imageflow.processing.engine} names ("auto", "native" or "java"). */
    public static ImageEngineLoading start(String choice) {
        return new ImageEngineLoading(CompletableFuture.supplyAsync(() -> ImageEngines.of(choice), task -> {
            Thread thread = new Thread(task, "image-engine-loading");
            thread.setDaemon(true);
            thread.start();
        }));
    }

    /** The engines once loaded; what loading them threw, if it failed. */
    public ImageEngines engines() {
        try {
            return engines.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
