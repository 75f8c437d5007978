package io.imageflow.web;

import java.io.IOException;

import io.imageflow.api.ResultsZip;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.camel.Exchange;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Aborts a streamed answer that could not be completed, so the client sees it break off instead of a
 * complete-looking, truncated file. Camel's platform-http catches a failure while writing the body and
 * lets the server end the response normally; this filter rethrows it once the answer is done, and Tomcat
 * then closes the connection without the end of the chunked body.
 */
public class IncompleteAnswers extends OncePerRequestFilter {

    static final String FAILURE = IncompleteAnswers.class.getName() + ".failure";

    /** Route step: if the zip in the body fails while it streams, the answer it feeds is aborted. */
    public void abortOnFailure(Exchange exchange) {
        HttpServletRequest request = exchange.getIn().getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class);
        if (exchange.getIn().getBody() instanceof ResultsZip.ZipStream zip && request != null) {
            zip.onFailure(failure -> request.setAttribute(FAILURE, failure));
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false; // platform-http answers asynchronously: the body is written before the async dispatch
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, isAsyncDispatch(request) ? response : new KeepOpenOnFailure(request, response));
        if (!request.isAsyncStarted() && request.getAttribute(FAILURE) instanceof IOException failure) {
            request.removeAttribute(FAILURE);
            throw new IOException("answer aborted: " + failure.getMessage(), failure);
        }
    }

    /**
     * Camel closes the response's stream after a failed copy too, and closing it would end the chunked body
     * cleanly: once the answer has failed, the close is left to the abort.
     */
    private static final class KeepOpenOnFailure extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private ServletOutputStream stream;

        KeepOpenOnFailure(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public synchronized ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void flush() throws IOException {
                        out.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        if (request.getAttribute(FAILURE) == null) {
                            out.close();
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
