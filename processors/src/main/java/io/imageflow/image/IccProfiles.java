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

    private IccProfiles() {
    }

    /**
     * Whether the profile is sRGB, by its description ("sRGB IEC61966-2.1", "sRGB built-in"…), which names it. A
     * description that only mentions sRGB ("linear sRGB") is not. An unreadable profile is not sRGB.
     */
    static boolean isSrgb(byte[] profile) {
        String description = description(profile);
        return description != null && description.startsWith("sRGB");
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
        if (image.getType() == type || image.getColorModel().getNumColorComponents() != 3 && !(image.getColorModel() instanceof java.awt.image.IndexColorModel)) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.setComposite(AlphaComposite.Src);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static String description(byte[] profile) {
        try {
            ByteBuffer icc = ByteBuffer.wrap(profile);
            int tags = icc.getInt(TAG_COUNT);
            for (int i = 0; i < tags; i++) {
                int entry = TAG_COUNT + 4 + 12 * i;
                if (icc.getInt(entry) == DESCRIPTION) {
                    return text(icc, icc.getInt(entry + 4));
                }
            }
            return null;
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** An ICC v2 'desc' (ASCII) or v4 'mluc' (its first record, UTF-16) text at {@code at}. */
    private static String text(ByteBuffer icc, int at) {
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
