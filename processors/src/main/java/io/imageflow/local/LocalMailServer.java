package io.imageflow.local;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The embedded mail server of local mode: the notifier really sends through its SMTP port, and sent mail
 * can be read over IMAP (any user name, password = the user name) or as JSON at /local/mail on the loopback
 * connector ({@link LoopbackMailbox}).
 * Starts before Camel's routes and stops after them.
 */
public class LocalMailServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMailServer.class);

    public record ReceivedMail(List<String> to, String from, String subject, Instant sentAt, String text) {
    }

    private final GreenMail greenMail;
    private final int mailboxPort;

    public LocalMailServer(String host, int smtpPort, int imapPort, int mailboxPort) {
        this.greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP)});
        this.mailboxPort = mailboxPort;
    }

    @Override
    public void start() {
        greenMail.start();
        LOG.info("Local mail server: SMTP on {}, IMAP on {} (user = the address, password = the address); "
                        + "sent mail as JSON at http://127.0.0.1:{}/local/mail (this machine only)",
                greenMail.getSmtp().getServerSetup().getPort(), greenMail.getImap().getServerSetup().getPort(),
                mailboxPort);
    }

    @Override
    public void stop() {
        greenMail.stop();
    }

    @Override
    public boolean isRunning() {
        return greenMail.isRunning();
    }

    /** Before the Camel context (which starts at phase Integer.MAX_VALUE - 1 or later). */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }

    /** Every message received since start, newest first. */
    public List<ReceivedMail> receivedMail() throws MessagingException, IOException {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        List<ReceivedMail> mail = new ArrayList<>();
        for (int i = messages.length - 1; i >= 0; i--) {
            mail.add(describe(messages[i]));
        }
        return mail;
    }

    private static ReceivedMail describe(MimeMessage message) throws MessagingException, IOException {
        Address[] recipients = message.getAllRecipients();
        Date sent = message.getSentDate();
        return new ReceivedMail(
                recipients == null ? List.of() : Arrays.stream(recipients).map(Address::toString).toList(),
                message.getFrom() == null ? null : message.getFrom()[0].toString(),
                message.getSubject(),
                sent == null ? null : sent.toInstant(),
                String.valueOf(message.getContent()));
    }
}
