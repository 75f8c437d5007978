package io.imageflow.local;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Connector;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The local mailbox holds every batch link mailed, so it has its own connector, bound to 127.0.0.1: it is
 * reachable only from this machine because nothing else can open a connection to that socket, whatever a
 * request's headers or a proxy say. Requests are told apart by the socket they came in on (the connector's
 * port), never by an address: /local/mail answers only on the mailbox connector, and that connector answers
 * nothing else.
 */
public class LoopbackMailbox extends OncePerRequestFilter {

    static final String PATH = "/local/mail";

    private final Connector connector;

    LoopbackMailbox(int port) {
        this.connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
    }

    Connector connector() {
        return connector;
    }

    /** Where the mailbox answers, once the server has started (the port may have been chosen at start). */
    public String url() {
        return "http://127.0.0.1:" + connector.getLocalPort() + PATH;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean onMailboxConnector = request.getLocalPort() == connector.getLocalPort();
        boolean forMailbox = request.getRequestURI().equals(PATH);
        if (onMailboxConnector != forMailbox) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
