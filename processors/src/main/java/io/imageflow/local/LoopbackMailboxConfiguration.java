package io.imageflow.local;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Local mode's mailbox page, served on its own loopback connector (the mail server itself: backends/local). */
@Configuration(proxyBeanMethods = false)
public class LoopbackMailboxConfiguration {

    /** The mailbox's own connector on 127.0.0.1, and the filter that keeps it and /local/mail together. */
    @Bean
    @ConditionalOnProperty(name = "imageflow.mail.embedded", havingValue = "true")
    LoopbackMailbox loopbackMailbox(@Value("${imageflow.mail.mailbox-port}") int port) {
        return new LoopbackMailbox(port);
    }

    @Bean
    @ConditionalOnProperty(name = "imageflow.mail.embedded", havingValue = "true")
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> mailboxConnector(LoopbackMailbox mailbox) {
        return factory -> factory.addAdditionalTomcatConnectors(mailbox.connector());
    }

    @Bean
    @ConditionalOnProperty(name = "imageflow.mail.embedded", havingValue = "true")
    FilterRegistrationBean<LoopbackMailbox> loopbackMailboxFilter(LoopbackMailbox mailbox) {
        FilterRegistrationBean<LoopbackMailbox> registration = new FilterRegistrationBean<>(mailbox);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
