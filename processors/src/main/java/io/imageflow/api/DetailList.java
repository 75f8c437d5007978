package io.imageflow.api;

import java.util.ArrayList;
import java.util.List;

import io.imageflow.api.ErrorBody.Detail;

/** The details of a refusal, bounded while they are collected: past the limit only a count is kept. */
final class DetailList {

    private final List<Detail> kept = new ArrayList<>();
    private int dropped;

    void add(Detail detail) {
        if (kept.size() < ApiException.MAX_DETAILS) {
            kept.add(detail);
        } else {
            dropped++;
        }
    }

    boolean isEmpty() {
        return kept.isEmpty() && dropped == 0;
    }

    /** The details kept, and a last one counting those that were not. */
    List<Detail> list() {
        List<Detail> all = new ArrayList<>(kept);
        if (dropped > 0) {
            all.add(new Detail(null, null, "… and " + dropped + " more"));
        }
        return all;
    }
}
