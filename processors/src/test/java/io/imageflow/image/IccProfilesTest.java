package io.imageflow.image;

import org.junit.jupiter.api.Test;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class IccProfilesTest {

    @Test
    void knowsSrgbByItsDescription() {
        assertThat(IccProfiles.isSrgb(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData())).isTrue(); // "sRGB built-in"
    }

    @Test
    void knowsSrgbByItsColorantsAndToneCurveWhateverItsName() {
        byte[] renamed = renamed(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData(), "sRGB built-in", "GIMP built-in");
        assertThat(IccProfiles.isSrgb(renamed)).isTrue();

        byte[] wideRed = renamed.clone(); // Display P3's red: another colour space, even with sRGB's curve
        ByteBuffer icc = ByteBuffer.wrap(wideRed);
        int red = tagOffset(icc, 0x7258595A);
        icc.putInt(red + 8, (int) Math.round(0.5151 * 65536)).putInt(red + 12, (int) Math.round(0.2412 * 65536));
        assertThat(IccProfiles.isSrgb(wideRed)).isFalse();

        byte[] linear = renamed.clone(); // sRGB's colorants with a straight table for the red curve
        ByteBuffer curve = ByteBuffer.wrap(linear);
        int table = tagOffset(curve, 0x72545243);
        int entries = curve.getInt(table + 8);
        for (int i = 0; i < entries; i++) {
            curve.putShort(table + 12 + 2 * i, (short) Math.round(65535.0 * i / (entries - 1)));
        }
        assertThat(IccProfiles.isSrgb(linear)).isFalse();
    }

    @Test
    void aProfileThatOnlyMentionsSrgbIsNotSrgb() {
        assertThat(IccProfiles.isSrgb(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData())).isFalse(); // "linear sRGB"
        assertThat(IccProfiles.isSrgb(ICC_Profile.getInstance(ColorSpace.CS_PYCC).getData())).isFalse(); // a v4 'mluc' text
    }

    private static byte[] renamed(byte[] profile, String name, String newName) {
        byte[] copy = profile.clone();
        byte[] from = name.getBytes(StandardCharsets.US_ASCII);
        byte[] to = newName.getBytes(StandardCharsets.US_ASCII);
        int replaced = 0;
        for (int i = 0; i + from.length <= copy.length; i++) {
            if (Arrays.equals(copy, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, copy, i, to.length);
                replaced++;
            }
        }
        assertThat(replaced).as("the name in the profile").isPositive();
        return copy;
    }

    private static int tagOffset(ByteBuffer icc, int signature) {
        for (int i = 0; i < icc.getInt(128); i++) {
            if (icc.getInt(132 + 12 * i) == signature) {
                return icc.getInt(136 + 12 * i);
            }
        }
        throw new AssertionError("no such tag");
    }

    @Test
    void anUnreadableProfileIsNotSrgb() {
        assertThat(IccProfiles.isSrgb(new byte[] {1, 2, 3})).isFalse();
        assertThat(IccProfiles.isSrgb("sRGB".repeat(40).getBytes(StandardCharsets.US_ASCII))).isFalse();
    }
}
