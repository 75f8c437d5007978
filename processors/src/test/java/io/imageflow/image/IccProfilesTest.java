package io.imageflow.image;

import org.junit.jupiter.api.Test;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;

import static org.assertj.core.api.Assertions.assertThat;

class IccProfilesTest {

    @Test
    void knowsSrgbByItsDescription() {
        assertThat(IccProfiles.isSrgb(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData())).isTrue(); // "sRGB built-in"
    }

    @Test
    void aProfileThatOnlyMentionsSrgbIsNotSrgb() {
        assertThat(IccProfiles.isSrgb(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData())).isFalse(); // "linear sRGB"
        assertThat(IccProfiles.isSrgb(ICC_Profile.getInstance(ColorSpace.CS_PYCC).getData())).isFalse(); // a v4 'mluc' text
    }

    @Test
    void anUnreadableProfileIsNotSrgb() {
        assertThat(IccProfiles.isSrgb(new byte[] {1, 2, 3})).isFalse();
        assertThat(IccProfiles.isSrgb("sRGB".repeat(40).getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isFalse();
    }
}
