package io.imageflow.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.imageflow.batch.BatchStore;
import io.imageflow.batch.BlobKeys;
import io.imageflow.batch.ImageRecord;
import io.imageflow.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams every finished result of a batch as a zip: a writer thread fills a pipe the HTTP response
 * reads from, so the archive is never held in memory or on disk. Images are already compressed: not compressed again.
 */
public class ResultsZip implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResultsZip.class);
    private static final int PIPE_BUFFER = 256 * 1024;

    private final BatchStore store;
    private final BlobStore blobs;
    /** One writer thread per download in progress; the pipe's back-pressure paces it to the client. */
    private final ExecutorService writers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "results-zip");
        thread.setDaemon(true);
        return thread;
    });

    public ResultsZip(BatchStore store, BlobStore blobs) {
        this.store = store;
        this.blobs = blobs;
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }

    public InputStream open(String batchId) throws IOException {
        String id = BatchIds.check(batchId);
        store.findBatch(id).orElseThrow(() -> BatchViews.noBatch(id));
        List<ImageRecord> finished = store.findImages(id).stream().filter(image -> image.result() != null).toList();
        if (finished.isEmpty()) {
            throw ApiException.notFound("Batch " + id + " has no finished result yet; try again when an image is DONE.");
        }
        ZipStream in = new ZipStream(new PipedInputStream(PIPE_BUFFER));
        PipedOutputStream out = new PipedOutputStream((PipedInputStream) in.source());
        writers.execute(() -> write(finished, out, in));
        return in;
    }

    /** Named "-partial" while the batch is still being processed, so nobody takes it for all the results. */
    public String fileName(String batchId) {
        String id = BatchIds.check(batchId);
        boolean finished = store.findBatch(id).map(batch -> batch.status().isFinished()).orElse(false);
        return "imageflow-" + id + (finished ? "" : "-partial") + ".zip";
    }

    private void write(List<ImageRecord> images, PipedOutputStream pipe, ZipStream reader) {
        Set<String> entryNames = new HashSet<>();
        ZipOutputStream zip = new ZipOutputStream(pipe);
        zip.setLevel(0);
        try {
            for (ImageRecord image : images) {
                zip.putNextEntry(new ZipEntry(uniqueEntryName(image, entryNames)));
                try (InputStream result = blobs.open(BlobKeys.output(image.batchId(), image.name()))) {
                    result.transferTo(zip);
                }
                zip.closeEntry();
            }
            // the central directory is written only once every entry is complete
            zip.finish();
        } catch (IOException | RuntimeException e) {
            // the client went away, or a result could not be read: the reading side fails instead of
            // ending, so the HTTP answer is aborted and no client takes a truncated zip for a whole one
            LOG.warn("Zip of batch {} stopped: {}", images.get(0).batchId(), e.getMessage());
            reader.fail(new IOException("the zip of batch " + images.get(0).batchId() + " could not be completed: "
                    + e.getMessage(), e));
        } finally {
            closeQuietly(pipe);
        }
    }

    /**
     * The zip as the HTTP answer reads it: at its end, a failure of the writer is thrown rather than an end
     * of file, and told to whoever asked ({@link #onFailure}), so the HTTP edge can abort the answer.
     */
    public static final class ZipStream extends FilterInputStream {

        private volatile IOException failure;
        private volatile Consumer<IOException> onFailure = e -> { };

        ZipStream(InputStream pipe) {
            super(pipe);
        }

        InputStream source() {
            return in;
        }

        void fail(IOException cause) {
            failure = cause;
        }

        public void onFailure(Consumer<IOException> callback) {
            onFailure = callback;
        }

        @Override
        public int read() throws IOException {
            return checked(super.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return checked(super.read(buffer, offset, length));
        }

        private int checked(int read) throws IOException {
            if (read < 0 && failure != null) {
                onFailure.accept(failure);
                throw failure;
            }
            return read;
        }
    }

    private static void closeQuietly(PipedOutputStream pipe) {
        try {
            pipe.close();
        } catch (IOException e) {
            // the reader is gone already
        }
    }

    private static String uniqueEntryName(ImageRecord image, Set<String> taken) {
        String name = image.result().name();
        String candidate = name;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = image.imageId() + "-" + (n > 2 ? n + "-" : "") + name;
        }
        return candidate;
    }
}
