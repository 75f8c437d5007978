package io.imageflow.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's filter sits in front of every request, and its firewall would refuse some of the public
 * API's requests with its own bare 400 before the API can answer in its JSON shape. So the strict firewall
 * guards only the management requests; the others pass through untouched.
 */
final class ManagementOnlyFirewall implements HttpFirewall {

    private final HttpFirewall strict = new StrictHttpFirewall();
    private final ManagementRequests management;

    ManagementOnlyFirewall(ManagementRequests management) {
        this.management = management;
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        if (management.matches(request)) {
            return strict.getFirewalledRequest(request);
        }
        return new FirewalledRequest(request) {
            @Override
            public void reset() {
            }
        };
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return response;
    }
}
