package io.imageflow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AdminEndpointsSwitchTest {

    private final AdminEndpointsSwitch adminSwitch = new AdminEndpointsSwitch();

    @Test
    void withoutAPasswordExposesHealthOnlyWhateverWasAskedFor() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(AdminEndpointsSwitch.EXPOSURE, "health,prometheus,hawtio,jolokia")
                .withProperty(AdminProperties.PASSWORD, "  ");

        adminSwitch.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty(AdminEndpointsSwitch.EXPOSURE)).isEqualTo("health");
    }

    @Test
    void withAPasswordLeavesTheExposureAsConfigured() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(AdminEndpointsSwitch.EXPOSURE, "health,prometheus,hawtio,jolokia")
                .withProperty(AdminProperties.PASSWORD, "secret");

        adminSwitch.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty(AdminEndpointsSwitch.EXPOSURE)).isEqualTo("health,prometheus,hawtio,jolokia");
    }
}
