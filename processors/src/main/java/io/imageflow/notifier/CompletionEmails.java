package io.imageflow.notifier;

import java.time.Instant;
import java.util.List;

import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchCompleted;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.OwnerAddress;
import io.imageflow.manager.UnknownBatchException;

/**
 * Writes the one email a batch's owner gets, and remembers that it went. A batch already marked notified
 * gets none, so a redelivered notification never mails twice.
 */
public class CompletionEmails {

    public record Email(String to, String subject, String text) {
    }

    private final BatchStore store;
    private final String publicUrl;
    private final String subjectPrefix;

    public CompletionEmails(BatchStore store, String publicUrl, String subjectPrefix) {
        this.store = store;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.subjectPrefix = subjectPrefix;
    }

    /** @return the email to send, or null when the owner was told already */
    public Email compose(BatchCompleted completed) {
        Batch batch = store.findBatch(completed.batchId())
                .orElseThrow(() -> new UnknownBatchException(completed.batchId()));
        if (batch.notifiedAt() != null) {
            return null;
        }
        // the API refuses such addresses; this is the same check at the last step before the SMTP server
        String addressProblem = OwnerAddress.problem(batch.email());
        if (addressProblem != null) {
            throw new UndeliverableAddressException(batch.id(), addressProblem);
        }
        List<ImageRecord> failed = store.findImages(batch.id()).stream()
                .filter(image -> image.status() == ImageStatus.FAILED).toList();
        return new Email(batch.email(), subject(batch), text(batch, failed));
    }

    public void sent(BatchCompleted completed) {
        store.markNotified(completed.batchId(), Instant.now());
    }

    public String link(String batchId) {
        return publicUrl + "/batches/" + batchId;
    }

    private String subject(Batch batch) {
        if (batch.failedCount() == 0) {
            return subjectPrefix + (batch.imageCount() == 1 ? "your image is ready"
                    : "your " + batch.imageCount() + " images are ready");
        }
        return subjectPrefix + batch.doneCount() + " of " + images(batch.imageCount()) + " processed, "
                + batch.failedCount() + " failed";
    }

    private String text(Batch batch, List<ImageRecord> failed) {
        StringBuilder text = new StringBuilder()
                .append("Hello,\n\n")
                .append("ImageFlow has finished batch ").append(batch.id()).append(".\n\n")
                .append("  Images:    ").append(batch.imageCount()).append('\n')
                .append("  Processed: ").append(batch.doneCount()).append('\n')
                .append("  Failed:    ").append(batch.failedCount()).append("\n\n");
        if (!failed.isEmpty()) {
            text.append("These images could not be processed:\n");
            failed.forEach(image -> text.append("  - ").append(image.name()).append(": ").append(image.error()).append('\n'));
            text.append('\n');
        }
        return text.append("See every image before and after, and download the results:\n")
                .append(link(batch.id())).append("\n\n")
                .append("— ImageFlow\n")
                .toString();
    }

    private static String images(int count) {
        return count == 1 ? "1 image" : count + " images";
    }
}
