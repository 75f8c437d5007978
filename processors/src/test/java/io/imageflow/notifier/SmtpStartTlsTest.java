package io.imageflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.imageflow.support.FreePorts;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code imageflow.mail.starttls} on, the notifier's own endpoint (read from its route) turns the SMTP
 * connection to TLS before the login, and refuses to send where the server does not offer STARTTLS: the
 * relay's password and the email never cross the network in clear. The server here offers no STARTTLS.
 */
class SmtpStartTlsTest {

    private final GreenMail plainSmtp = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @AfterEach
    void stop() {
        plainSmtp.stop();
    }

    @Test
    void withStartTlsOnNothingIsSentToAServerWithoutIt() throws Exception {
        startWithRelayUser();

        assertThatThrownBy(() -> send(true))
                .isInstanceOf(CamelExecutionException.class)
                .hasStackTraceContaining("STARTTLS is required but host does not support STARTTLS");
        assertThat(plainSmtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void withStartTlsOffTheSameServerGetsTheEmail() throws Exception {
        startWithRelayUser();

        send(false);

        assertThat(plainSmtp.getReceivedMessages()).hasSize(1);
    }

    private void startWithRelayUser() {
        plainSmtp.start();
        plainSmtp.setUser("relay-user", "relay-secret");
    }

    private void send(boolean startTls) throws Exception {
        Properties settings = new Properties();
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", String.valueOf(plainSmtp.getSmtp().getPort()));
        settings.put("spring.mail.username", "relay-user");
        settings.put("spring.mail.password", "relay-secret");
        settings.put("imageflow.mail.starttls", String.valueOf(startTls));
        String endpoint = sendEmailEndpoint(settings);

        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            camel.createProducerTemplate().sendBodyAndHeaders(endpoint, "Your images are ready.",
                    Map.of("To", "ada@example.com", "From", "imageflow@example.com", "Subject", "ready"));
        }
    }

    /** The URI the route {@code send-completion-email} sends through, its placeholders resolved from the settings. */
    private static String sendEmailEndpoint(Properties settings) throws Exception {
        try (DefaultCamelContext routes = new DefaultCamelContext()) {
            routes.getPropertiesComponent().setInitialProperties(settings);
            PluginHelper.getRoutesLoader(routes).loadRoutes(
                    ResourceHelper.resolveMandatoryResource(routes, "classpath:routes/notifier/send-email.camel.yaml"));
            var route = ((ModelCamelContext) routes).getRouteDefinition("send-completion-email");
            ToDefinition sendEmail = ProcessorDefinitionHelper
                    .filterTypeInOutputs(route.getOutputs(), ToDefinition.class).stream()
                    .filter(to -> "send-email".equals(to.getId()))
                    .findFirst().orElseThrow();
            return routes.resolvePropertyPlaceholders(sendEmail.getEndpointUri());
        }
    }
}
