package io.imageflow.local;


import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The embedded parts of local mode: the mail server, and the redelivery policy of the embedded queue. */
@Configuration(proxyBeanMethods = false)
public class LocalBackendsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "imageflow.mail.embedded", havingValue = "true")
    LocalMailServer localMailServer(@Value("${spring.mail.host}") String host,
            @Value("${spring.mail.port}") int smtpPort,
            @Value("${imageflow.mail.imap-port}") int imapPort,
            @Value("${imageflow.mail.mailbox-port}") int mailboxPort) {
        return new LocalMailServer(host, smtpPort, imapPort, mailboxPort);
    }

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

    /**
     * A message whose processing throws is rolled back and redelivered after a growing delay; after
     * the last attempt it moves to the dead-letter queue instead of looping. Notifications wait
     * longer between attempts (10 s up to 10 min, as the seed's subscription did): a mail server may
     * be down for a while, and the manager notifies again what is still unsent after that.
     */
    @Bean
    @ConditionalOnProperty(name = "imageflow.queue", havingValue = "local", matchIfMissing = true)
    ArtemisConfigurationCustomizer redeliveryPolicy(@Value("${imageflow.queue-local.dead-letter-queue}") String deadLetter,
            @Value("${imageflow.queue-local.max-delivery-attempts}") int maxDeliveryAttempts,
            @Value("${imageflow.queue-local.notification-queue}") String notifications) {
        return configuration -> {
            configuration.addAddressSetting("#", retries(1_000, 60_000, maxDeliveryAttempts, deadLetter));
            configuration.addAddressSetting(notifications, retries(10_000, 600_000, 10, deadLetter));
            configuration.setJournalDatasync(true);
        };
    }

    private static AddressSettings retries(long firstDelayMs, long maxDelayMs, int attempts, String deadLetter) {
        return new AddressSettings()
                .setRedeliveryDelay(firstDelayMs)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(maxDelayMs)
                .setMaxDeliveryAttempts(attempts)
                .setDeadLetterAddress(SimpleString.of(deadLetter))
                .setExpiryAddress(SimpleString.of("ExpiryQueue"));
    }
}
