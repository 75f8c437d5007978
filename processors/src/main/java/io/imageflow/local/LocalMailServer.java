package io.imageflow.local;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
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
 * connector ({@link LoopbackMailbox}). Like a real server, it refuses a recipient that cannot exist: any
 * address in the {@code .invalid} domain, reserved never to exist (RFC 2606), gets a permanent 550 — so local
 * mode shows what becomes of a batch whose address the mail server refuses.
 * Starts before Camel's routes and stops after them.
 */
public class LocalMailServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMailServer.class);

    public record ReceivedMail(List<String> to, String from, String subject, Instant sentAt, String text) {
    }

    /** The server's reply to RCPT TO for an address: null to accept it, else the refusal ("550 5.1.1 ..."). */
    public interface RecipientCheck extends Function<String, String> {
    }

    /** Refuses, for good, every address in the .invalid domain. */
    public static final RecipientCheck REFUSE_INVALID_DOMAIN = address ->
            address.toLowerCase(Locale.ROOT).endsWith(".invalid")
                    ? "550 5.1.2 <" + address + ">: no such domain (.invalid is reserved never to exist)" : null;

    private final GreenMail greenMail;
    private final int mailboxPort;

    public LocalMailServer(String host, int smtpPort, int imapPort, int mailboxPort) {
        this(host, smtpPort, imapPort, mailboxPort, REFUSE_INVALID_DOMAIN);
    }

    public LocalMailServer(String host, int smtpPort, int imapPort, int mailboxPort, RecipientCheck recipients) {
        this.greenMail = new CheckingGreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP)}, recipients);
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

    /**
     * GreenMail accepts every recipient and has no setting to refuse one; its SMTP manager has the hook
     * ({@code checkRecipient}), so the server is built with managers whose SMTP manager asks the check.
     */
    private static final class CheckingGreenMail extends GreenMail {

        CheckingGreenMail(ServerSetup[] setups, RecipientCheck recipients) {
            super(setups);
            managers = new Managers() {
                private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
                    @Override
                    public String checkRecipient(SmtpState state, MailAddress recipient) {
                        return recipients.apply(recipient.getEmail());
                    }
                };

                @Override
                public SmtpManager getSmtpManager() {
                    return smtp;
                }
            };
        }
    }
}
