package io.imageflow.config;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.http.common.HttpHeaderFilterStrategy;

/**
 * Lets out of an HTTP answer only the headers an answer should carry. Camel would otherwise echo the
 * request's headers (cookies, authorization) on the answers it makes itself, such as a 404 for an
 * unknown path under the API.
 */
public class ResponseHeaderFilter extends HttpHeaderFilterStrategy {

    private static final Set<String> ANSWER_HEADERS = Set.of("content-type", "content-length",
            "content-disposition", "cache-control", "allow", "location");

    @Override
    public boolean applyFilterToCamelHeaders(String name, Object value, Exchange exchange) {
        return !ANSWER_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }
}
