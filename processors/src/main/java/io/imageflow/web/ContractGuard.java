package io.imageflow.web;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageflow.api.ErrorBody;
import io.imageflow.config.ApiErrorAttributes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.RestRegistry;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers what the contracts do not serve before Camel sees the request: a path no operation has (404), a
 * method its path does not take (405 with Allow), an upload that is not multipart (415 {@code not_multipart}),
 * each with the API's JSON error. Camel's rest-openapi processor would answer those itself, outside any
 * route: with the request as the answer (its headers, its body, a Content-Length it does not send), and so
 * late that the answer is asynchronous and no filter can rewrite it. HEAD is served as GET without the body,
 * OPTIONS names the methods a path takes.
 */
public class ContractGuard extends OncePerRequestFilter {

    private final CamelContext camel;
    private final ObjectMapper json;
    private volatile Snapshot snapshot = new Snapshot(-1, new ServedOperations(List.of()));

    ContractGuard(CamelContext camel, ObjectMapper json) {
        this.camel = camel;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication().value();
        ServedOperations.Verdict verdict = operations().judge(request.getMethod(), path);
        if (verdict instanceof ServedOperations.Served served) {
            if (!takes(served.consumes(), request)) {
                refuse(request, response, 415, new ErrorBody("not_multipart", "Send the upload as multipart/form-data, "
                        + "with one 'files' part per image and a 'metadata' part holding JSON; it came as "
                        + (request.getContentType() == null ? "no content type" : request.getContentType()) + ".", List.of()));
                return;
            }
            chain.doFilter("HEAD".equals(request.getMethod()) ? new AsGet(request) : request, response);
        } else if (verdict instanceof ServedOperations.Refused refused) {
            if (!refused.allow().isEmpty()) {
                response.setHeader("Allow", String.join(", ", refused.allow()));
            }
            if ("OPTIONS".equals(request.getMethod()) && refused.status() == 405) {
                response.setContentLength(0); // the answer to OPTIONS is the Allow header
                return;
            }
            refuse(request, response, refused.status(), ApiErrorAttributes.body(refused.status(), path));
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Only multipart bodies are checked here: the contracts take no other kind (Spring checks any other). */
    private static boolean takes(List<MediaType> consumes, HttpServletRequest request) {
        if (!consumes.contains(MediaType.MULTIPART_FORM_DATA)) {
            return true;
        }
        try {
            return request.getContentType() != null
                    && MediaType.MULTIPART_FORM_DATA.includes(MediaType.parseMediaType(request.getContentType()));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, ErrorBody body)
            throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status);
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            response.setHeader("Connection", "close"); // the body is not read: no need to wait for it
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The contract-first services Camel runs now; rebuilt when their number changes (as routes start). */
    private ServedOperations operations() {
        RestRegistry registry = camel.getRestRegistry();
        Snapshot current = snapshot;
        if (current.size() != registry.size()) {
            List<ServedOperations.Operation> operations = registry.listAllRestServices().stream()
                    .filter(RestRegistry.RestService::isContractFirst)
                    .map(service -> new ServedOperations.Operation(service.getBasePath(), service.getBaseUrl(),
                            service.getMethod().toUpperCase(java.util.Locale.ROOT), mediaTypes(service.getConsumes())))
                    .toList();
            current = new Snapshot(registry.size(), new ServedOperations(operations));
            snapshot = current;
        }
        return current.operations();
    }

    private static List<MediaType> mediaTypes(String consumes) {
        return consumes == null || consumes.isBlank() ? List.of() : MediaType.parseMediaTypes(consumes);
    }

    private record Snapshot(int size, ServedOperations operations) {
    }

    /** HEAD is GET without the body: the operation answers as for GET, and the server sends only the headers. */
    private static final class AsGet extends HttpServletRequestWrapper {

        AsGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }
    }
}
