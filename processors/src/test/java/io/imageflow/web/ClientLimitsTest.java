package io.imageflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import io.imageflow.api.ApiException;
import io.imageflow.api.Upload;
import io.imageflow.api.UploadedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of the upload gate, each alone. */
class ClientLimitsTest {

    @TempDir
    Path temp;

    @Test
    void aClientIsItsAddressAndAnIpv6ClientItsSlash64() {
        assertThat(ClientAddress.of("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.of("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddress.of("2001:db8:1:2:bbbb::2"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.of("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.of("2001:db8:1:2::1"));
    }

    @Test
    void eachClientHasItsOwnUploadsPerMinute() {
        BatchRate rate = new BatchRate(2);
        assertThat(rate.tryStart("a")).isEmpty();
        assertThat(rate.tryStart("a")).isEmpty();
        OptionalLong wait = rate.tryStart("a");
        assertThat(wait).isPresent();
        assertThat(wait.getAsLong()).isBetween(1L, 31L);
        assertThat(rate.tryStart("b")).isEmpty();
    }

    @Test
    void bytesInFlightAreCountedPerClientAndReleased() {
        BytesInFlight inFlight = new BytesInFlight(100);
        assertThat(inFlight.tryOpen("a", 60)).isTrue();
        assertThat(inFlight.tryOpen("a", 60)).isFalse();
        assertThat(inFlight.tryOpen("b", 60)).isTrue();
        inFlight.close("a", 60);
        assertThat(inFlight.tryOpen("a", 100)).isTrue();
        assertThat(inFlight.tryOpen("a", 1)).isFalse();
    }

    @Test
    void apiKeysAreOffWhenNoneIsSetAndCompareWholeKeys() {
        assertThat(new ApiKeys(List.of()).enabled()).isFalse();
        assertThat(new ApiKeys(List.of("", " ")).enabled()).isFalse();
        ApiKeys keys = new ApiKeys(List.of("first-key", " second-key "));
        assertThat(keys.enabled()).isTrue();
        assertThat(keys.accepts("second-key")).isTrue();
        assertThat(keys.accepts("second-ke")).isFalse();
        assertThat(keys.accepts("")).isFalse();
        assertThat(keys.accepts(null)).isFalse();
    }

    @Test
    void freeSpaceRefusesWhatWouldCrossTheFloor() {
        FreeSpace roomy = new FreeSpace(temp, temp.resolve("not-yet-created"), 1);
        roomy.checkBeforeReading(1_000);
        FreeSpace tight = new FreeSpace(temp, temp, Long.MAX_VALUE / 2);
        ApiException refused = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                () -> tight.checkBeforeKeeping(new Upload("{}", List.of(new UploadedFile("a.png", 10, () -> null)))));
        assertThat(refused.getStatus()).isEqualTo(507);
        assertThat(refused.getBody().error()).isEqualTo("insufficient_storage");
    }
}
