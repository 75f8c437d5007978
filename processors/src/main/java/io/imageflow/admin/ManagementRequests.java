package io.imageflow.admin;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The requests the admin security is about: everything the management server serves (its own port: the
 * endpoints, Hawtio, the login page), or the actuator endpoints where management shares the API's port.
 * Nothing the public API serves matches.
 */
final class ManagementRequests implements RequestMatcher {

    private final RequestMatcher endpoints = EndpointRequest.toAnyEndpoint();

    @Override
    public boolean matches(HttpServletRequest request) {
        return onManagementServer(request) || endpoints.matches(request);
    }

    static boolean onManagementServer(HttpServletRequest request) {
        WebApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        return WebServerApplicationContext.hasServerNamespace(context, WebServerNamespace.MANAGEMENT.getValue());
    }
}
