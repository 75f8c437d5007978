package io.imageflow.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The HTTP edge of an upload: reads every file part and the metadata from the multipart request itself,
 * because Camel's binding keeps only one file per part name (and copies it to a temp file, deleted here).
 */
public class UploadReader {

    public static final String FILES_PART = "files";
    public static final String METADATA_PART = "metadata";

    public Upload read(Exchange exchange) throws IOException {
        MultipartHttpServletRequest request = multipart(exchange);
        deleteCamelCopy(exchange);
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
        if (field != null) {
            return field;
        }
        MultipartFile part = request.getFile(METADATA_PART);
        return part == null ? null : new String(part.getBytes(), StandardCharsets.UTF_8);
    }

    private static MultipartHttpServletRequest multipart(Exchange exchange) {
        HttpServletRequest request = exchange.getIn() instanceof PlatformHttpMessage message
                ? message.getRequest() : currentRequest();
        if (request instanceof MultipartHttpServletRequest multipart) {
            return multipart;
        }
        throw new ApiException(415, "not_multipart",
                "Send the upload as multipart/form-data with 'files' parts and a 'metadata' part.");
    }

    private static HttpServletRequest currentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest();
        }
        throw new IllegalStateException("No HTTP request bound to this thread");
    }

    private static void deleteCamelCopy(Exchange exchange) {
        String copy = exchange.getIn().getHeader(Exchange.FILE_PATH, String.class);
        if (copy != null) {
            try {
                Files.deleteIfExists(Path.of(copy));
            } catch (IOException e) {
                // only a leftover temp file; the servlet container cleans its own parts
            }
        }
    }
}
