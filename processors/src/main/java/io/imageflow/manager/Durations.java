package io.imageflow.manager;

import java.time.Duration;

/** A duration in words for a person: "30 minutes", "2 hours", "45 seconds". */
final class Durations {

    private Durations() {
    }

    static String words(Duration duration) {
        if (duration.toHours() > 0 && duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
            return plural(duration.toHours(), "hour");
        }
        if (duration.toMinutes() > 0 && duration.toSecondsPart() == 0) {
            return plural(duration.toMinutes(), "minute");
        }
        return plural(Math.max(1, duration.toSeconds()), "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
