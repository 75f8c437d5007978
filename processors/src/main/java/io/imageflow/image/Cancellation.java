package io.imageflow.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells a running transform that its time is up. Engines check it between steps ({@link #checkpoint()}),
 * and a decoder that can stop in the middle (ImageIO's {@code abort()}) registers how ({@link #onCancel}).
 * A native call in progress cannot be stopped, nor can the JDK's JPEG decoder (it refuses an abort from
 * another thread): they finish, then the next checkpoint ends the transform.
 */
public final class Cancellation {

    /** For callers without a time limit (tests, benchmarks). */
    public static Cancellation none() {
        return new Cancellation();
    }

    private final List<Runnable> hooks = new ArrayList<>();
    private boolean cancelled;

    /** Throws when cancelled, so the transform stops at this step and frees what it holds. */
    public void checkpoint() {
        if (isCancelled()) {
            throw new ImageProcessingException("abandoned: the time allowed for one image ran out");
        }
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Runs the hook on cancellation (at once when already cancelled). */
    public void onCancel(Runnable hook) {
        synchronized (this) {
            if (!cancelled) {
                hooks.add(hook);
                return;
            }
        }
        hook.run();
    }

    /** Forgets a hook whose work has finished. */
    public synchronized void remove(Runnable hook) {
        hooks.remove(hook);
    }

    void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            cancelled = true;
            toRun = List.copyOf(hooks);
            hooks.clear();
        }
        for (Runnable hook : toRun) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                // the JDK's JPEG reader refuses abort() from another thread (its thread lock): that decode runs
                // to its end, and the next checkpoint stops the transform
            }
        }
    }
}
