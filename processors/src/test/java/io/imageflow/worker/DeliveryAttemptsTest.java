package io.imageflow.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryAttemptsTest {

    private final DeliveryAttempts attempts = new DeliveryAttempts();

    @Test
    void theChannelsCountIsTheAttempt() {
        assertThat(attempts.of(3)).isEqualTo(3);
        assertThat(attempts.of("2")).isEqualTo(2);
        assertThat(attempts.of(4L)).isEqualTo(4);
    }

    @Test
    void aChannelThatDoesNotCountMakesItTheFirst() {
        assertThat(attempts.of(null)).isEqualTo(1);
        assertThat(attempts.of(0)).isEqualTo(1);
        assertThat(attempts.of("not a number")).isEqualTo(1);
    }
}
