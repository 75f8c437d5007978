package io.imageflow.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OwnerAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "a.b-c+tag@mail.example.co.uk", "o'brien@example.ie", "x_1@a-b.example",
            "!#$%&'*+-/=?^_`{|}~@example.com"})
    void acceptsPlainMailboxes(String address) {
        assertThat(OwnerAddress.problem(address)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a\r\n RCPT TO:<x@evil.test>\"@example.com", "\"ada\"@example.com", "ada@example.com\r\nBcc: x@y.z",
            "Ada <ada@example.com>", "ada@example.com (Ada)", "ada @example.com", "ada@exa mple.com", "ada\t@example.com",
            "a@b@example.com", "ada", "@example.com", "ada@", "ada@localhost", ".ada@example.com", "ada.@example.com",
            "a..da@example.com", "ada@-example.com", "ada@example-.com", "ada@example..com", "ada@example.com.",
            "adä@example.com", "ada@exämple.com", "ada@[127.0.0.1]", "ada@example.com,eve@example.com", "ada\u0000@example.com"})
    void refusesEverythingElse(String address) {
        assertThat(OwnerAddress.problem(address)).isNotNull();
    }

    @Test
    void refusesOverlongAddressesAndPartsUnread() {
        assertThat(OwnerAddress.problem("a".repeat(65) + "@example.com")).contains("at most 64");
        assertThat(OwnerAddress.problem("ada@" + "a".repeat(64) + ".com")).isNotNull();
        long start = System.nanoTime();
        assertThat(OwnerAddress.problem("a".repeat(10_000_000) + "@example.com")).contains("at most 254");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
