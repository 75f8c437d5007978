package io.imageflow.manager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.imageflow.batch.BatchCompleted;
import io.imageflow.batch.BatchStore;
import io.imageflow.batch.ImageOutcome;
import io.imageflow.batch.ImageRecord;
import io.imageflow.batch.ImageTask;

/**
 * Images that stopped moving, so that no batch waits for ever: in a batch where nothing has happened to any
 * image for {@code stalledAfter}, each unfinished image gets its task sent again, at most {@code maxRequeues}
 * times; after that it is FAILED with the reason and counted, and when that finishes the batch its owner is
 * told. Sending a task again is safe — an image is counted once — so a task that was only slow costs a
 * second transformation, never a second result or email.
 */
public class StalledImages {

    /** What one sweep found: tasks to send again, and notifications of batches it finished. */
    public record Sweep(List<ImageTask> requeued, List<BatchCompleted> notifications) {
    }

    private final BatchStore store;
    private final OutcomeRecorder outcomes;
    private final Duration stalledAfter;
    private final int maxRequeues;
    private final Clock clock;

    public StalledImages(BatchStore store, OutcomeRecorder outcomes, Duration stalledAfter, int maxRequeues,
            Clock clock) {
        this.store = store;
        this.outcomes = outcomes;
        this.stalledAfter = stalledAfter;
        this.maxRequeues = maxRequeues;
        this.clock = clock;
    }

    public Sweep sweep() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(stalledAfter);
        List<ImageTask> requeued = new ArrayList<>();
        List<BatchCompleted> notifications = new ArrayList<>();
        for (String batchId : store.findStalledBefore(cutoff)) {
            for (ImageRecord image : store.findImages(batchId)) {
                if (image.status().isFinal() || image.progressAt() == null || !image.progressAt().isBefore(cutoff)) {
                    continue;
                }
                if (image.requeues() < maxRequeues) {
                    // only one sweep (of several managers) records it, and only that one sends the task
                    if (store.markRequeued(batchId, image.imageId(), cutoff, now)) {
                        requeued.add(image.task());
                    }
                } else {
                    BatchCompleted finished = outcomes.record(
                            ImageOutcome.failed(image.task(), image.attempts(), reason(image)));
                    if (finished != null) {
                        notifications.add(finished);
                    }
                }
            }
        }
        return new Sweep(requeued, notifications);
    }

    private String reason(ImageRecord image) {
        return "Nothing happened to this image for " + Durations.words(stalledAfter)
                + (image.requeues() == 0 ? "" : ", even after its task was sent again " + times(image.requeues()))
                + ": given up so that the rest of the batch could finish. Upload it again to retry.";
    }

    private static String times(int count) {
        return count == 1 ? "once" : count + " times";
    }
}
