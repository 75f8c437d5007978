package io.imageflow.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imageflow.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** With no admin password (the default) there is no admin, and nothing but health on the management port. */
class AdminEndpointsAbsentTest extends LocalModeTest {

    @Autowired
    UserDetailsService users;

    private ManagementClient management() {
        return new ManagementClient("http://localhost:" + MANAGEMENT_PORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator/hawtio/",
            "/actuator/hawtio/index.html", "/actuator/jolokia/version", "/login"})
    void servesNoAdminEndpoint(String path) {
        assertThat(management().anonymous(path).statusCode()).isEqualTo(404);
        assertThat(management().as("admin", "admin", path).statusCode()).isEqualTo(404);
        assertThat(management().as("user", "", path).statusCode()).isEqualTo(404);
    }

    @Test
    void stillAnswersTheProbes() {
        assertThat(management().anonymous("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(management().anonymous("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void hasNoUserNotEvenOneSpringBootWouldHaveInvented() {
        for (String name : new String[] {"admin", "user"}) {
            assertThatThrownBy(() -> users.loadUserByUsername(name))
                    .isInstanceOf(UsernameNotFoundException.class);
        }
    }
}
