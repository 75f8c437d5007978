package io.imageflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

/**
 * "Mailed once", counted when nothing is left to happen: the first mail about a batch, then the pipeline quiet,
 * then exactly one mail. Counted at the first mail, a late duplicate would pass.
 */
public final class MailedOnce {

    /** The mails a mailbox holds about a batch. */
    @FunctionalInterface
    public interface Mailbox<M> {
        List<M> about(String batchId) throws Exception;
    }

    private MailedOnce() {
    }

    /** The one mail about the batch; fails if none comes within {@code firstWithin}, or if more than one came. */
    public static <M> M about(String batchId, Mailbox<M> mailbox, Runnable untilQuiet, Duration firstWithin) {
        await().atMost(firstWithin).until(() -> !mailbox.about(batchId).isEmpty());
        untilQuiet.run();
        List<M> mails = read(mailbox, batchId);
        assertThat(mails).as("mails about batch %s, once the pipeline was quiet", batchId).hasSize(1);
        return mails.get(0);
    }

    private static <M> List<M> read(Mailbox<M> mailbox, String batchId) {
        try {
            return mailbox.about(batchId);
        } catch (Exception e) {
            throw new IllegalStateException("the mailbox could not be read", e);
        }
    }
}
