package io.imageflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.imageflow.batch.Batch;
import io.imageflow.batch.BatchCompleted;
import io.imageflow.batch.BatchStatus;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageStatus;
import io.imageflow.batch.ImageTask;
import io.imageflow.batch.StoredFile;
import io.imageflow.manager.UnknownBatchException;
import io.imageflow.backends.local.JdbcBatchStore;
import io.imageflow.support.H2Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompletionEmailsTest {

    private JdbcBatchStore store;
    private CompletionEmails emails;

    @BeforeEach
    void createStore() {
        store = new H2Store().store;
        emails = new CompletionEmails(store, "https://images.example.com/", "ImageFlow: ");
    }

    /** A finished batch of these images; a name given with a reason ("owl.jpg:broken") failed, the others are done. */
    private BatchCompleted finished(String... images) {
        String id = UUID.randomUUID().toString();
        List<ImageRecord> records = new ArrayList<>();
        for (int i = 0; i < images.length; i++) {
            String name = images[i].split(":")[0];
            records.add(new ImageRecord(id, String.valueOf(i + 1), i,
                    new StoredFile(name, "jpeg", "image/jpeg", 100, 10, 20), List.of(), ImageStatus.QUEUED, 0, null,
                    null, null, null));
        }
        store.create(new Batch(id, "ada@example.com", Instant.now(), BatchStatus.PROCESSING, images.length, 0, 0,
                null, null), records);
        for (int i = 0; i < images.length; i++) {
            String[] nameAndReason = images[i].split(":", 2);
            ImageTask task = new ImageTask(id, String.valueOf(i + 1), nameAndReason[0], List.of());
            store.recordOutcome(nameAndReason.length == 2 ? ImageOutcome.failed(task, 3, nameAndReason[1])
                    : ImageOutcome.done(task, 1, new StoredFile(nameAndReason[0], "png", "image/png", 5, 10, 20), null, 3));
        }
        return new BatchCompleted(id);
    }

    @Test
    void oneImageIsReadyInTheSingular() {
        CompletionEmails.Email email = emails.compose(finished("cat.jpg"));

        assertThat(email.to()).isEqualTo("ada@example.com");
        assertThat(email.subject()).isEqualTo("ImageFlow: your image is ready");
    }

    @Test
    void severalImagesAreReadyWithTheirCount() {
        assertThat(emails.compose(finished("cat.jpg", "dog.jpg", "owl.jpg")).subject())
                .isEqualTo("ImageFlow: your 3 images are ready");
    }

    @Test
    void failuresAreCountedInTheSubject() {
        assertThat(emails.compose(finished("cat.jpg", "dog.jpg:broken", "owl.jpg")).subject())
                .isEqualTo("ImageFlow: 2 of 3 images processed, 1 failed");
        assertThat(emails.compose(finished("cat.jpg:broken")).subject())
                .isEqualTo("ImageFlow: 0 of 1 image processed, 1 failed");
    }

    @Test
    void theTextLinksToTheBatchAndCountsItsImages() {
        BatchCompleted completed = finished("cat.jpg", "dog.jpg");

        String text = emails.compose(completed).text();

        assertThat(text).contains("\nhttps://images.example.com/batches/" + completed.batchId() + "\n",
                "Images:    2\n", "Processed: 2\n", "Failed:    0\n");
        assertThat(text).doesNotContain("could not be processed");
    }

    @Test
    void theTextSaysUntilWhenTheImagesAreKept() {
        String id = UUID.randomUUID().toString();
        store.create(new Batch(id, "ada@example.com", Instant.parse("2026-12-01T09:30:00Z"), BatchStatus.COMPLETED, 0,
                0, 0, null, null, Instant.parse("2026-12-08T09:30:00Z"), null), List.of());

        assertThat(emails.compose(new BatchCompleted(id)).text())
                .contains("The images are kept until Tuesday 8 December 2026, 09:30 UTC; after that they and this link are gone.");
        assertThat(emails.compose(finished("cat.jpg")).text()).as("a batch that never expires says nothing of it")
                .doesNotContain("kept until");
    }

    @Test
    void theTextNamesEachFailedImageWithItsReason() {
        String text = emails.compose(finished("cat.jpg", "dog.jpg:cannot read the image", "owl.jpg:too large")).text();

        assertThat(text).contains("Processed: 1\n", "Failed:    2\n", "These images could not be processed:\n",
                "  - dog.jpg: cannot read the image\n", "  - owl.jpg: too large\n");
        assertThat(text).doesNotContain("- cat.jpg");
    }

    @Test
    void theLinkIgnoresTrailingSlashesOfThePublicUrl() {
        CompletionEmails noSlash = new CompletionEmails(store, "https://images.example.com", "");
        CompletionEmails slashes = new CompletionEmails(store, "https://images.example.com//", "");

        assertThat(noSlash.link("abc")).isEqualTo("https://images.example.com/batches/abc");
        assertThat(slashes.link("abc")).isEqualTo("https://images.example.com/batches/abc");
    }

    @Test
    void noEmailIsComposedOnceTheBatchIsMarkedSent() {
        BatchCompleted completed = finished("cat.jpg");
        assertThat(emails.compose(completed)).isNotNull();

        emails.sent(completed);

        assertThat(emails.compose(completed)).isNull();
        assertThat(store.findBatch(completed.batchId()).orElseThrow().notifiedAt()).isNotNull();
    }

    @Test
    void anUnknownBatchGetsNoEmail() {
        assertThatThrownBy(() -> emails.compose(new BatchCompleted("no-such-batch")))
                .isInstanceOf(UnknownBatchException.class);
    }
}
