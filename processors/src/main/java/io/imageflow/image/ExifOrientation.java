package io.imageflow.image;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;

/**
 * The EXIF Orientation tag (0x0112): how the camera held the picture. Decoders return the pixels as stored,
 * so the image is turned upright here; a kept EXIF block then has its tag reset to 1 ("upright").
 */
final class ExifOrientation {

    static final int UPRIGHT = 1;
    private static final int TAG = 0x0112;
    private static final int TYPE_SHORT = 3;
    /** A JPEG's EXIF APP1 payload starts with "Exif\0\0", then the TIFF structure. */
    private static final int APP1_HEADER = 6;

    private ExifOrientation() {
    }

    /** The orientation (1–8) in IFD0 of a TIFF structure that starts at the stream's position 0; 1 when absent or unreadable. */
    static int read(ImageInputStream tiff) {
        try {
            long at = valuePosition(tiff);
            if (at < 0) {
                return UPRIGHT;
            }
            tiff.seek(at);
            int value = tiff.readUnsignedShort();
            return value >= 1 && value <= 8 ? value : UPRIGHT;
        } catch (IOException | RuntimeException e) {
            return UPRIGHT; // broken EXIF must not fail an otherwise fine image
        }
    }

    /** The orientation in a JPEG's EXIF APP1 payload. */
    static int read(byte[] app1Payload) {
        return read(tiffIn(app1Payload));
    }

    /** A copy of the EXIF APP1 payload with Orientation set to 1; an unchanged copy when it has no such tag. */
    static byte[] reset(byte[] app1Payload) {
        byte[] copy = app1Payload.clone();
        try {
            ImageInputStream tiff = tiffIn(copy);
            long at = valuePosition(tiff);
            if (at >= 0) {
                int i = APP1_HEADER + (int) at;
                boolean bigEndian = tiff.getByteOrder() == ByteOrder.BIG_ENDIAN;
                copy[i] = (byte) (bigEndian ? 0 : UPRIGHT);
                copy[i + 1] = (byte) (bigEndian ? UPRIGHT : 0);
            }
        } catch (IOException | RuntimeException e) {
            // unreadable EXIF: leave it as it is
        }
        return copy;
    }

    /** Applies what the orientation asks for, so the image displays upright. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        Flip mirror = new Flip(Flip.Direction.HORIZONTAL);
        Flip upsideDown = new Flip(Flip.Direction.VERTICAL);
        return switch (orientation) {
            case 2 -> mirror.apply(image);
            case 3 -> new Rotate(180).apply(image);
            case 4 -> upsideDown.apply(image);
            case 5 -> mirror.apply(new Rotate(90).apply(image));      // transpose
            case 6 -> new Rotate(90).apply(image);
            case 7 -> upsideDown.apply(new Rotate(90).apply(image));  // transverse
            case 8 -> new Rotate(270).apply(image);
            default -> image;
        };
    }

    /** Orientations 5 to 8 turn the image by a quarter, swapping width and height. */
    static Size upright(Size stored, int orientation) {
        return orientation >= 5 ? new Size(stored.height(), stored.width()) : stored;
    }

    private static ImageInputStream tiffIn(byte[] app1Payload) {
        return new MemoryCacheImageInputStream(
                new ByteArrayInputStream(app1Payload, APP1_HEADER, Math.max(0, app1Payload.length - APP1_HEADER)));
    }

    /** Where the Orientation value lies in IFD0, from the start of the TIFF structure; -1 when it has none. */
    private static long valuePosition(ImageInputStream in) throws IOException {
        in.seek(0);
        int byteOrder = in.readUnsignedShort();
        if (byteOrder != 0x4949 && byteOrder != 0x4D4D) { // "II" or "MM"
            return -1;
        }
        in.setByteOrder(byteOrder == 0x4949 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        if (in.readUnsignedShort() != 42) {
            return -1;
        }
        in.seek(in.readUnsignedInt());
        int entries = in.readUnsignedShort();
        for (int i = 0; i < entries; i++) {
            long entry = in.getStreamPosition();
            int tag = in.readUnsignedShort();
            int type = in.readUnsignedShort();
            if (tag == TAG && type == TYPE_SHORT) {
                return entry + 8; // after tag, type and count
            }
            in.seek(entry + 12);
        }
        return -1;
    }
}
