package io.imageflow.backends.gcp;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.actuate.health.Health;

/**
 * A health check that answers within a bound: Google's clients retry an unreachable service for up to a
 * minute, while a probe gives up after a few seconds (k8s/pod-defaults.yaml), so past the bound it is DOWN.
 */
final class BoundedCheck {

    private static final ExecutorService CHECKS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "gcp-health-check");
        thread.setDaemon(true);
        return thread;
    });

    private BoundedCheck() {
    }

    static Health within(Duration bound, Callable<Health> check) {
        Future<Health> answer = CHECKS.submit(check);
        try {
            return answer.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Health.down().withDetail("error", "no answer within " + bound.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause() instanceof Exception cause ? cause : e).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        }
    }
}
