package io.imageflow.api;

import java.util.List;

/** A multipart upload as received: the metadata text and the file parts, in order. */
public record Upload(String metadata, List<UploadedFile> files) {
}
