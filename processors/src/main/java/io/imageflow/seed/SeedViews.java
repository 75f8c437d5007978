package io.imageflow.seed;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.imageflow.api.AcceptedBatch;
import io.imageflow.api.ApiException;
import io.imageflow.api.BatchViews;
import io.imageflow.api.ErrorBody;
import io.imageflow.batch.ImageStatus;
import io.imageflow.image.Clip;

/** The seed's answers, shaped as its existing clients expect (snake_case, absolute links). */
public class SeedViews {

    public record Accepted(@JsonProperty("batch_id") String batchId, String status,
            @JsonProperty("status_url") String statusUrl) {
    }

    public record ProcessedImages(@JsonProperty("batch_id") String batchId,
            @JsonProperty("image_pairs") List<ImagePair> imagePairs) {
    }

    public record ImagePair(@JsonProperty("file_name") String fileName, @JsonProperty("before_url") String beforeUrl,
            @JsonProperty("after_url") String afterUrl) {
    }

    public record ImagesByStatus(@JsonProperty("batch_id") String batchId,
            @JsonProperty("is_processed") boolean processed, List<SeedImage> images) {
    }

    public record SeedImage(@JsonProperty("file_name") String fileName, String status, String url) {
    }

    private final BatchViews views;
    private final String publicUrl;

    public SeedViews(BatchViews views, String publicUrl) {
        this.views = views;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    public Accepted accepted(AcceptedBatch accepted) {
        BatchViews.Accepted view = views.accepted(accepted);
        return new Accepted(view.batchId(), view.status().name(), publicUrl + view.statusUrl());
    }

    public ProcessedImages processedImages(String batchId, String uuid) {
        BatchViews.BatchView batch = views.batch(batchIdOf(batchId, uuid));
        List<ImagePair> pairs = batch.images().stream()
                .filter(image -> image.status() == ImageStatus.DONE)
                .map(image -> new ImagePair(image.name(), publicUrl + image.original().url(),
                        publicUrl + image.result().url()))
                .toList();
        return new ProcessedImages(batch.batchId(), pairs);
    }

    public ImagesByStatus imagesByStatus(String batchId, String uuid, String isProcessed) {
        boolean processed = parseFlag(isProcessed);
        BatchViews.BatchView batch = views.batch(batchIdOf(batchId, uuid));
        List<SeedImage> images = batch.images().stream()
                .filter(image -> (image.status() == ImageStatus.DONE) == processed)
                .map(image -> new SeedImage(image.name(), image.status().name(),
                        publicUrl + (processed ? image.result().url() : image.original().url())))
                .toList();
        return new ImagesByStatus(batch.batchId(), processed, images);
    }

    private static String batchIdOf(String batchId, String uuid) {
        String id = batchId != null && !batchId.isBlank() ? batchId : uuid;
        if (id == null || id.isBlank()) {
            throw new ApiException(400, "missing_batch_id", "Give the batch id as ?batch_id=<uuid> (or ?UUID=<uuid>).",
                    List.of(ErrorBody.Detail.ofField("batch_id", "missing (give batch_id or UUID)")));
        }
        return id.strip();
    }

    private static boolean parseFlag(String value) {
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        String problem = value == null ? "Give IsProcessed=true (processed images) or IsProcessed=false (the others)."
                : "IsProcessed must be true or false, got '" + Clip.quoted(value) + "'.";
        throw new ApiException(400, "invalid_parameter", problem, List.of(ErrorBody.Detail.ofField("IsProcessed", problem)));
    }
}
