package io.imageflow.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import io.imageflow.batch.BatchStore;
import io.imageflow.batch.BlobKeys;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.StoredFile;
import io.imageflow.storage.BlobStore;

/** Opens an image's original or result for download. */
public class ImageDownloads {

    /** An image to stream, or (content null) a signed link to it in the store, in {@code location}. */
    public record Download(InputStream content, String contentType, String fileName, long bytes, URI location) {

        public Download(InputStream content, String contentType, String fileName, long bytes) {
            this(content, contentType, fileName, bytes, null);
        }

        /** RFC 6266: an ASCII name for old clients, and the UTF-8 form so names in any script arrive intact. */
        public String contentDisposition() {
            String ascii = fileName.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
            String utf8 = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
            return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8;
        }
    }

    private final BatchStore store;
    private final BlobStore blobs;
    /** How long a signed link is valid; null: never sign, always stream. */
    private final Duration signedLinkExpiry;

    public ImageDownloads(BatchStore store, BlobStore blobs) {
        this(store, blobs, null);
    }

    public ImageDownloads(BatchStore store, BlobStore blobs, Duration signedLinkExpiry) {
        this.store = store;
        this.blobs = blobs;
        this.signedLinkExpiry = signedLinkExpiry;
    }

    public Download original(String batchId, String imageId) throws IOException {
        ImageRecord image = find(batchId, imageId);
        return open(BlobKeys.input(image.batchId(), image.name()), image.original());
    }

    public Download result(String batchId, String imageId) throws IOException {
        ImageRecord image = find(batchId, imageId);
        if (image.result() == null) {
            throw ApiException.notFound("Image " + imageId + " has no result yet: it is " + image.status()
                    + (image.error() == null ? "" : " (" + image.error() + ")") + ".");
        }
        // results are stored under the original's name; the download is named after the result's format
        return open(BlobKeys.output(image.batchId(), image.name()), image.result());
    }

    private ImageRecord find(String batchId, String imageId) {
        String id = BatchIds.check(batchId);
        return store.findImage(id, imageId).orElseThrow(() -> store.findBatch(id).isPresent()
                ? ApiException.notFound("Batch " + id + " has no image " + imageId + ".")
                : BatchViews.noBatch(id));
    }

    /** Where the store can sign a link, the client fetches the image from it directly; else it is streamed. */
    private Download open(String key, StoredFile file) throws IOException {
        Download streamed = new Download(null, file.contentType(), file.name(), file.bytes());
        if (signedLinkExpiry != null) {
            Optional<URI> link = blobs.signedUrl(key, signedLinkExpiry, file.contentType(),
                    streamed.contentDisposition());
            if (link.isPresent()) {
                return new Download(null, file.contentType(), file.name(), file.bytes(), link.get());
            }
        }
        return new Download(blobs.open(key), file.contentType(), file.name(), file.bytes());
    }
}
