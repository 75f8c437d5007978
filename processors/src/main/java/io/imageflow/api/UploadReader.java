package io.imageflow.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.activation.FileDataSource;
import jakarta.servlet.ServletException;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.DefaultAttachmentMessage;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The HTTP edge of an upload: reads every file part and the metadata from the multipart request itself,
 * because Camel's binding keeps only one file per part name (and copies each to a temp file, deleted here).
 */
public class UploadReader {

    public static final String FILES_PART = "files";
    public static final String METADATA_PART = "metadata";

    /** The metadata part is JSON text of a few kilobytes; anything much larger is a mistake. */
    static final int MAX_METADATA_BYTES = 256 * 1024;

    public Upload read(Exchange exchange) throws IOException {
        deleteCamelCopies(exchange);
        MultipartHttpServletRequest request = multipart(exchange);
        checkPartNames(request);
        return new Upload(metadata(request), files(request));
    }

    private static List<UploadedFile> files(MultipartHttpServletRequest request) {
        List<UploadedFile> files = new ArrayList<>();
        for (MultipartFile part : request.getMultiFileMap().getOrDefault(FILES_PART, List.of())) {
            files.add(new UploadedFile(part.getOriginalFilename(), part.getSize(), part::getInputStream));
        }
        return files;
    }

    /** The metadata may come as a form field or, from some clients, as a JSON file part. */
    private static String metadata(MultipartHttpServletRequest request) throws IOException {
        String field = request.getParameter(METADATA_PART);
        MultipartFile part = request.getFile(METADATA_PART);
        long size = field != null ? field.length() : part != null ? part.getSize() : 0;
        if (size > MAX_METADATA_BYTES) {
            throw new ApiException(413, "metadata_too_large", "The metadata part has " + size
                    + " bytes; it is JSON of a few kilobytes, at most " + MAX_METADATA_BYTES + " bytes.");
        }
        if (field != null || part == null) {
            return field;
        }
        return new String(part.getBytes(), StandardCharsets.UTF_8);
    }

    /** A part under another name would be silently dropped; say so instead. */
    private static void checkPartNames(MultipartHttpServletRequest request) throws IOException {
        Set<String> names = new TreeSet<>();
        try {
            request.getParts().forEach(part -> names.add(part.getName()));
        } catch (ServletException e) {
            throw new ApiException(400, "invalid_multipart", "The multipart request could not be read: " + e.getMessage());
        }
        names.removeAll(Set.of(FILES_PART, METADATA_PART));
        if (request.getParameter(FILES_PART) != null) {
            throw ApiException.badRequest("file_without_name", "A 'files' part came without a file name: send each "
                    + "image as Content-Disposition: form-data; name=\"files\"; filename=\"photo.jpg\".");
        }
        if (!names.isEmpty()) {
            throw ApiException.badRequest("unknown_part", "Unexpected parts " + names
                    + ": send each image as a 'files' part and the JSON as the 'metadata' part.");
        }
    }

    private static MultipartHttpServletRequest multipart(Exchange exchange) {
        if (exchange.getIn() instanceof PlatformHttpMessage message
                && message.getRequest() instanceof MultipartHttpServletRequest multipart) {
            return multipart;
        }
        throw new ApiException(415, "not_multipart",
                "Send the upload as multipart/form-data with 'files' parts and a 'metadata' part.");
    }

    /** Camel's binding copies the first file of each part name to a temp file we never read. */
    private static void deleteCamelCopies(Exchange exchange) {
        new DefaultAttachmentMessage(exchange.getIn()).getAttachmentObjects().values().forEach(attachment -> {
            if (attachment.getDataHandler().getDataSource() instanceof FileDataSource copy) {
                try {
                    Files.deleteIfExists(copy.getFile().toPath());
                } catch (IOException e) {
                    // a leftover in the servlet temp directory, nothing worse
                }
            }
        });
    }
}
