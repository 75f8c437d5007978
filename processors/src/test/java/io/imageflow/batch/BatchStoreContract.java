package io.imageflow.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every BatchStore promises, run against each implementation (a subclass per store gives a fresh one).
 * A new store method gets its tests here, and every store is held to them.
 */
abstract class BatchStoreContract {

    private static final Instant CREATED = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(1));

    protected BatchStore store;
    protected String batchId;

    /** A store of the implementation under test, empty or at least free of this test's batches. */
    protected abstract BatchStore newStore();

    @BeforeEach
    void createBatch() {
        store = newStore();
        batchId = create(BatchStatus.ACCEPTED, 2);
    }

    @Test
    void aCreatedBatchIsFoundWithItsImagesInOrder() {
        Batch batch = store.findBatch(batchId).orElseThrow();
        assertThat(batch).isEqualTo(new Batch(batchId, "ada@example.com", CREATED, BatchStatus.ACCEPTED, 2, 0, 0,
                null, null));
        assertThat(store.findImages(batchId)).extracting(ImageRecord::imageId).containsExactly("1", "2");
        ImageRecord first = store.findImage(batchId, "1").orElseThrow();
        assertThat(first.original()).isEqualTo(new StoredFile("a.jpg", "jpeg", "image/jpeg", 100, 10, 20));
        assertThat(first.operations()).isEqualTo(List.of(Map.of("type", "resize", "width", 800),
                Map.of("type", "blur", "radius", 2.5)));
        assertThat(first.status()).isEqualTo(ImageStatus.QUEUED);
        assertThat(store.findBatch(UUID.randomUUID().toString())).isEmpty();
        assertThat(store.findImage(batchId, "9")).isEmpty();
    }

    @Test
    void movesToProcessingOnlyFromAccepted() {
        store.markProcessing(batchId);
        assertThat(store.findBatch(batchId).orElseThrow().status()).isEqualTo(BatchStatus.PROCESSING);
        store.recordOutcome(done("1"));
        store.recordOutcome(done("2"));
        store.markProcessing(batchId);
        assertThat(store.findBatch(batchId).orElseThrow().status()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void countsEachImageOnceHoweverOftenItsOutcomeArrives() {
        assertThat(store.recordOutcome(done("1")).counted()).isTrue();
        assertThat(store.recordOutcome(done("1")).counted()).isFalse();
        assertThat(store.recordOutcome(failed("1")).counted()).isFalse();

        Batch batch = store.findBatch(batchId).orElseThrow();
        assertThat(batch.doneCount()).isEqualTo(1);
        assertThat(batch.failedCount()).isZero();
        assertThat(batch.isComplete()).isFalse();
    }

    @Test
    void concurrentDeliveriesOfTheSameOutcomesCountEachImageOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<OutcomeRecorded>> deliveries = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                deliveries.add(() -> store.recordOutcome(done("1")));
                deliveries.add(() -> store.recordOutcome(failed("2")));
            }
            int counted = 0;
            for (Future<OutcomeRecorded> result : threads.invokeAll(deliveries)) {
                counted += result.get().counted() ? 1 : 0;
            }
            assertThat(counted).isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
        Batch batch = store.findBatch(batchId).orElseThrow();
        assertThat(batch.doneCount()).isEqualTo(1);
        assertThat(batch.failedCount()).isEqualTo(1);
        assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED_WITH_ERRORS);
    }

    @Test
    void completesTheBatchWhenTheLastImageFinishes() {
        store.markProcessing(batchId);
        assertThat(store.recordOutcome(done("1")).notificationDue()).isFalse();
        OutcomeRecorded last = store.recordOutcome(failed("2"));

        assertThat(last.notificationDue()).isTrue();
        assertThat(last.batch().status()).isEqualTo(BatchStatus.COMPLETED_WITH_ERRORS);
        assertThat(last.batch().completedAt()).isNotNull();
        ImageRecord failed = store.findImage(batchId, "2").orElseThrow();
        assertThat(failed.error()).isEqualTo("broken");
        assertThat(failed.attempts()).isEqualTo(3);
        ImageRecord done = store.findImage(batchId, "1").orElseThrow();
        assertThat(done.status()).isEqualTo(ImageStatus.DONE);
        assertThat(done.result()).isEqualTo(new StoredFile("a.png", "png", "image/png", 10, 5, 5));
        assertThat(done.durationMs()).isEqualTo(7L);
        assertThat(store.findBatch(batchId).orElseThrow()).isEqualTo(last.batch());
    }

    @Test
    void aStartedAttemptRaisesTheAttemptsAndNeverMovesAFinishedImageBack() {
        store.markImageStarted(batchId, "2", 2);
        store.markImageStarted(batchId, "2", 1);
        assertThat(store.findImage(batchId, "2").orElseThrow().status()).isEqualTo(ImageStatus.PROCESSING);
        assertThat(store.findImage(batchId, "2").orElseThrow().attempts()).isEqualTo(2);

        store.recordOutcome(done("1"));
        store.markImageStarted(batchId, "1", 2);
        ImageRecord image = store.findImage(batchId, "1").orElseThrow();
        assertThat(image.status()).isEqualTo(ImageStatus.DONE);
        assertThat(image.result().width()).isEqualTo(5);
    }

    @Test
    void marksTheBatchNotifiedOnlyOnce() {
        assertThat(store.markNotified(batchId, Instant.now())).isTrue();
        assertThat(store.markNotified(batchId, Instant.now())).isFalse();
        assertThat(store.findBatch(batchId).orElseThrow().notifiedAt()).isNotNull();
    }

    @Test
    void onlyOneNotifierClaimsTheEmailUntilItsClaimLapsesOrIsGivenUp() {
        Instant now = Instant.now();
        assertThat(store.claimNotification(batchId, "first", now, now.plusSeconds(300))).isTrue();
        assertThat(store.claimNotification(batchId, "second", now.plusSeconds(10), now.plusSeconds(310))).isFalse();

        store.releaseNotification(batchId, "second");
        assertThat(store.claimNotification(batchId, "third", now.plusSeconds(20), now.plusSeconds(320)))
                .as("another's release leaves the claim in place").isFalse();

        assertThat(store.claimNotification(batchId, "lapsed", now.plusSeconds(301), now.plusSeconds(601)))
                .as("a claim whose holder died lapses").isTrue();
        store.releaseNotification(batchId, "lapsed");
        assertThat(store.claimNotification(batchId, "after-release", now.plusSeconds(302), now.plusSeconds(602)))
                .isTrue();

        store.markNotified(batchId, now.plusSeconds(303));
        assertThat(store.claimNotification(batchId, "late", now.plusSeconds(1000), now.plusSeconds(1300)))
                .as("nobody claims an email that went out").isFalse();
    }

    @Test
    void concurrentClaimsLetExactlyOneNotifierSend() throws Exception {
        Instant now = Instant.now();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String claimId = "claim-" + i;
                claims.add(() -> store.claimNotification(batchId, claimId, now, now.plusSeconds(300)));
            }
            int granted = 0;
            for (Future<Boolean> claim : threads.invokeAll(claims)) {
                granted += claim.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void findsBatchesStillAcceptedOrUnnotifiedPastACutoff() {
        String finished = create(BatchStatus.PROCESSING, 1);
        store.recordOutcome(ImageOutcome.done(new ImageTask(finished, "1", "a.jpg", List.of()), 1,
                new StoredFile("a.png", "png", "image/png", 10, 5, 5), null, 7));
        Instant later = Instant.now().plusSeconds(60);

        assertThat(store.findAcceptedBefore(later)).contains(batchId).doesNotContain(finished);
        assertThat(store.findAcceptedBefore(CREATED)).doesNotContain(batchId);
        assertThat(store.findUnnotifiedBefore(later)).contains(finished).doesNotContain(batchId);

        store.markNotified(finished, Instant.now());
        assertThat(store.findUnnotifiedBefore(later)).doesNotContain(finished);
    }

    @Test
    void keepsUntilWhenABatchIsKeptAndFindsThoseExpiredSoonestFirst() {
        Instant soon = CREATED.plus(Duration.ofMinutes(10));
        String expiresFirst = create(BatchStatus.ACCEPTED, 1, soon);
        String expiresLater = create(BatchStatus.ACCEPTED, 1, soon.plusSeconds(60));

        assertThat(store.findBatch(expiresFirst).orElseThrow().expiresAt()).isEqualTo(soon);
        assertThat(store.findExpiredBefore(soon.plusSeconds(1), 100)).contains(expiresFirst)
                .doesNotContain(expiresLater, batchId);
        assertThat(store.findExpiredBefore(soon.plusSeconds(61), 100)).as("a batch without expiresAt is kept")
                .contains(expiresFirst, expiresLater).doesNotContain(batchId);
        assertThat(store.findExpiredBefore(Instant.now(), 1)).hasSize(1);
    }

    @Test
    void findsUnfinishedBatchesWithoutProgressSinceACutoff() {
        Instant now = Instant.now();
        assertThat(store.findStalledBefore(now)).as("nothing happened since its creation").contains(batchId);
        assertThat(store.findStalledBefore(CREATED)).doesNotContain(batchId);

        store.markImageStarted(batchId, "1", 1);
        assertThat(store.findStalledBefore(now.minusSeconds(60))).as("an image started").doesNotContain(batchId);

        store.recordOutcome(done("1"));
        store.recordOutcome(failed("2"));
        assertThat(store.findStalledBefore(Instant.now().plusSeconds(3600))).as("finished")
                .doesNotContain(batchId);
    }

    @Test
    void sendsAStalledImageAgainOnceAndNeverAFinishedOne() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant cutoff = now.minusSeconds(60);

        assertThat(store.markRequeued(batchId, "1", cutoff, now)).isTrue();
        assertThat(store.markRequeued(batchId, "1", cutoff, now)).as("a second sweep with the same cutoff").isFalse();
        ImageRecord requeued = store.findImage(batchId, "1").orElseThrow();
        assertThat(requeued.requeues()).isEqualTo(1);
        assertThat(requeued.progressAt()).isEqualTo(now);
        assertThat(store.findImage(batchId, "2").orElseThrow().requeues()).isZero();
        assertThat(store.findStalledBefore(cutoff)).as("the batch moved too").doesNotContain(batchId);

        store.recordOutcome(done("2"));
        assertThat(store.markRequeued(batchId, "2", now.plusSeconds(3600), now.plusSeconds(3600))).isFalse();
    }

    @Test
    void aNotificationGivenUpIsNeitherClaimedNorLookedForAgain() {
        store.recordOutcome(done("1"));
        store.recordOutcome(done("2"));
        Instant later = Instant.now().plusSeconds(60);
        assertThat(store.findUnnotifiedBefore(later)).contains(batchId);

        assertThat(store.giveUpNotification(batchId, "refused for good")).isTrue();
        assertThat(store.giveUpNotification(batchId, "again")).isFalse();

        assertThat(store.findBatch(batchId).orElseThrow().notificationError()).isEqualTo("refused for good");
        assertThat(store.findUnnotifiedBefore(later)).doesNotContain(batchId);
        assertThat(store.claimNotification(batchId, "claim", Instant.now(), later)).isFalse();
        String told = create(BatchStatus.COMPLETED, 0);
        store.markNotified(told, Instant.now());
        assertThat(store.giveUpNotification(told, "too late")).as("the owner was told already").isFalse();
    }

    @Test
    void replacesALimitsStateOnlyWhenNobodyChangedItInBetween() {
        String key = "test-" + UUID.randomUUID();
        Instant keep = Instant.now().plusSeconds(3600);
        byte[] first = {1};
        byte[] second = {2};
        assertThat(store.findQuota(key)).isEmpty();

        assertThat(store.replaceQuota(key, null, first, keep)).isTrue();
        assertThat(store.replaceQuota(key, null, second, keep)).as("created by another meanwhile").isFalse();
        assertThat(store.replaceQuota(key, second, second, keep)).as("changed by another meanwhile").isFalse();
        assertThat(store.replaceQuota(key, first, second, keep)).isTrue();
        assertThat(store.findQuota(key)).hasValueSatisfying(state -> assertThat(state).isEqualTo(second));

        assertThat(store.deleteQuotasExpiredBefore(keep.minusSeconds(1))).isZero();
        assertThat(store.findQuota(key)).isPresent();
        assertThat(store.deleteQuotasExpiredBefore(keep.plusSeconds(1))).isPositive();
        assertThat(store.findQuota(key)).isEmpty();
    }

    @Test
    void deletesABatchWithItsImages() {
        store.delete(batchId);
        assertThat(store.findBatch(batchId)).isEmpty();
        assertThat(store.findImages(batchId)).isEmpty();
    }

    private String create(BatchStatus status, int images) {
        return create(status, images, null);
    }

    private String create(BatchStatus status, int images, Instant expiresAt) {
        String id = UUID.randomUUID().toString();
        StoredFile original = new StoredFile("a.jpg", "jpeg", "image/jpeg", 100, 10, 20);
        List<Map<String, Object>> operations = List.of(Map.of("type", "resize", "width", 800),
                Map.of("type", "blur", "radius", 2.5));
        List<ImageRecord> records = new ArrayList<>();
        for (int i = 1; i <= images; i++) {
            records.add(new ImageRecord(id, String.valueOf(i), i, original, operations, ImageStatus.QUEUED, 0, null,
                    null, null, null));
        }
        store.create(new Batch(id, "ada@example.com", CREATED, status, images, 0, 0, null, null, expiresAt, null),
                records);
        return id;
    }

    private ImageOutcome done(String imageId) {
        return ImageOutcome.done(task(imageId), 1, new StoredFile("a.png", "png", "image/png", 10, 5, 5), null, 7);
    }

    private ImageOutcome failed(String imageId) {
        return ImageOutcome.failed(task(imageId), 3, "broken");
    }

    private ImageTask task(String imageId) {
        return new ImageTask(batchId, imageId, "a.jpg", List.of());
    }
}
