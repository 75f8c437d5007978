package io.imageflow.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers on every answer, set before anything is written (so errors, refusals and downloads carry them too):
 * no content-type sniffing, no framing by other sites, and a Content-Security-Policy. The web app's policy
 * allows only its own scripts, styles and API, and images from the API or from the browser itself
 * ({@code blob:} previews of the files being chosen); everything else (JSON, images, zips) gets a policy
 * that allows nothing, so an uploaded file opened in a browser cannot run anything.
 */
public class SecurityHeaders extends OncePerRequestFilter {

    static final String WEB_APP_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' blob: data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    private final String apiBasePath;

    SecurityHeaders(String apiBasePath) {
        this.apiBasePath = apiBasePath;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false; // an error page is an answer too
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", isWebApp(request) ? WEB_APP_POLICY : DATA_POLICY);
        chain.doFilter(request, response);
    }

    /** Everything but the API, the seed's endpoints and the local mailbox is the web app (its pages and assets). */
    private boolean isWebApp(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith(apiBasePath + "/") || path.equals(apiBasePath) || path.startsWith("/upload-images")
                || path.startsWith("/get-") || path.startsWith("/local/") || path.startsWith("/actuator"));
    }
}
