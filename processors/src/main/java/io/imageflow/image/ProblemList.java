package io.imageflow.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Problems found in a client's request, bounded while they are collected: past {@link #LIMIT} only a count
 * is kept, and each message is clipped, so a request that is wrong everywhere costs no more memory than a
 * request that is wrong fifty times.
 */
public final class ProblemList {

    /** As many problems as anyone reads before fixing the first ones. */
    public static final int LIMIT = 50;
    /** A problem is a sentence; quoted client text in it is already short (see {@link Clip}). */
    static final int MAX_MESSAGE = 400;

    private final List<String> kept = new ArrayList<>();
    private int dropped;

    public void add(String problem) {
        if (kept.size() < LIMIT) {
            kept.add(Clip.text(problem, MAX_MESSAGE));
        } else {
            dropped++;
        }
    }

    public void addAll(List<String> problems) {
        problems.forEach(this::add);
    }

    public boolean isEmpty() {
        return kept.isEmpty();
    }

    public boolean isFull() {
        return kept.size() >= LIMIT;
    }

    /** The problems kept, and a last line counting those that were not. */
    public List<String> list() {
        if (dropped == 0) {
            return List.copyOf(kept);
        }
        List<String> all = new ArrayList<>(kept);
        all.add("… and " + dropped + " more problems like these");
        return List.copyOf(all);
    }
}
