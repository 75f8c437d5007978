package io.imageflow.image;

import com.twelvemonkeys.imageio.color.ColorSpaces;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Embedded ICC profiles: which ones are sRGB (nothing to convert), and converting an image whose samples are in
 * another profile's colours to sRGB, with the JDK's colour management (LittleCMS) and TwelveMonkeys' profile
 * checks — what TwelveMonkeys' JPEG reader does for a JPEG's profile.
 */
final class IccProfiles {

    private static final int TAG_COUNT = 128;
    private static final int DESCRIPTION = 0x64657363; // 'desc', also the type of an ICC v2 description
    private static final int MULTI_LOCALISED = 0x6D6C7563; // 'mluc', the type of an ICC v4 description
    private static final int[] COLORANTS = {0x7258595A, 0x6758595A, 0x6258595A}; // 'rXYZ', 'gXYZ', 'bXYZ'
    private static final int RED_TRC = 0x72545243; // 'rTRC'
    private static final int CURVE = 0x63757276; // 'curv'
    private static final int PARAMETRIC_CURVE = 0x70617261; // 'para'
    /** sRGB's red, green and blue colorants adapted to D50, as sRGB profiles store them (IEC 61966-2-1). */
    private static final double[][] SRGB_COLORANTS = {
            {0.4361, 0.2225, 0.0139}, {0.3851, 0.7169, 0.0971}, {0.1431, 0.0606, 0.7141}};
    /** Profiles round the colorants differently (GIMP's: 0.43604 0.22249 0.01392); Display P3's red is 0.515. */
    private static final double COLORANT_TOLERANCE = 0.005;

    private IccProfiles() {
    }

    /**
     * Whether the profile is sRGB: named so ("sRGB IEC61966-2.1", "sRGB built-in"…), or with sRGB's colorants and
     * a tone curve that is not linear ("GIMP built-in sRGB", which two of the corpus' photos carry, must not send
     * them to the slower Java engine). "linear sRGB" is not sRGB; an unreadable profile is not either.
     */
    static boolean isSrgb(byte[] profile) {
        try {
            ByteBuffer icc = ByteBuffer.wrap(profile);
            String description = text(icc, tag(icc, DESCRIPTION));
            return description != null && description.startsWith("sRGB") || hasSrgbColorants(icc) && hasToneCurve(icc);
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static boolean hasSrgbColorants(ByteBuffer icc) {
        for (int c = 0; c < COLORANTS.length; c++) {
            int at = tag(icc, COLORANTS[c]);
            if (at < 0) {
                return false;
            }
            for (int axis = 0; axis < 3; axis++) {
                double value = icc.getInt(at + 8 + 4 * axis) / 65536.0; // s15Fixed16
                if (Math.abs(value - SRGB_COLORANTS[c][axis]) > COLORANT_TOLERANCE) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A red tone curve that is not the identity: a table whose middle entry is away from the middle (sRGB's is at
     * 0.21), or a gamma, plain or parametric, away from 1.
     */
    private static boolean hasToneCurve(ByteBuffer icc) {
        int at = tag(icc, RED_TRC);
        if (at < 0) {
            return false;
        }
        int type = icc.getInt(at);
        if (type == CURVE) {
            int entries = icc.getInt(at + 8);
            if (entries > 1) {
                int middle = entries / 2;
                double input = middle / (double) (entries - 1);
                return Math.abs((icc.getShort(at + 12 + 2 * middle) & 0xFFFF) / 65535.0 - input) > 0.05;
            }
            return entries == 1 && Math.abs((icc.getShort(at + 12) & 0xFFFF) / 256.0 - 1) > 0.05;
        }
        return type == PARAMETRIC_CURVE && Math.abs(icc.getInt(at + 12) / 65536.0 - 1) > 0.05;
    }

    /**
     * The image with its samples read in the profile's colours and converted to 8-bit sRGB. A profile that does
     * not fit the image (grey for colour, unreadable) is ignored, as libvips and browsers ignore it.
     */
    static BufferedImage toSrgb(BufferedImage image, byte[] profile) {
        ICC_ColorSpace colours;
        try {
            colours = ColorSpaces.createColorSpace(ICC_Profile.getInstance(profile));
        } catch (IllegalArgumentException e) {
            return image;
        }
        BufferedImage components = colours.getNumComponents() == 1 ? image : bytes(image);
        boolean fits = components.getType() == (colours.getNumComponents() == 1 ? BufferedImage.TYPE_BYTE_GRAY
                : components.getColorModel().hasAlpha() ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR);
        if (!fits) {
            return image;
        }
        boolean alpha = components.getColorModel().hasAlpha();
        ComponentColorModel model = new ComponentColorModel(colours, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        BufferedImage tagged = new BufferedImage(model, components.getRaster(), false, null);
        return new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(tagged, null);
    }

    /** The samples as 8-bit bytes, R, G, B (, A), unchanged (the decoder tagged them sRGB: drawing converts nothing). */
    private static BufferedImage bytes(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR;
        if (image.getType() == type || image.getColorModel().getNumColorComponents() != 3 && !(image.getColorModel() instanceof IndexColorModel)) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.setComposite(AlphaComposite.Src);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Where the tag's data starts, or -1 when the profile has no such tag. */
    private static int tag(ByteBuffer icc, int signature) {
        int tags = icc.getInt(TAG_COUNT);
        for (int i = 0; i < tags; i++) {
            int entry = TAG_COUNT + 4 + 12 * i;
            if (icc.getInt(entry) == signature) {
                return icc.getInt(entry + 4);
            }
        }
        return -1;
    }

    /** An ICC v2 'desc' (ASCII) or v4 'mluc' (its first record, UTF-16) text at {@code at}. */
    private static String text(ByteBuffer icc, int at) {
        if (at < 0) {
            return null;
        }
        int type = icc.getInt(at);
        if (type == DESCRIPTION) {
            int length = icc.getInt(at + 8);
            return new String(icc.array(), at + 12, Math.max(0, length - 1), StandardCharsets.US_ASCII);
        }
        if (type == MULTI_LOCALISED && icc.getInt(at + 8) > 0) {
            int length = icc.getInt(at + 20);
            int offset = icc.getInt(at + 24);
            return new String(icc.array(), at + offset, length, StandardCharsets.UTF_16BE);
        }
        return null;
    }
}
