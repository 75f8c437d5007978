package io.imageflow.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Spliterators;
import java.util.stream.StreamSupport;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;


/** Image files built byte by byte, for what ImageIO cannot write as is: CMYK, EXIF, 16 bits, bombs, WebP. */
final class TestFiles {

    private TestFiles() {
    }

    /**
     * A CMYK JPEG as Photoshop writes it: four inverted channels plus an Adobe APP14 marker (transform 0).
     * Left half pure cyan, right half pure red (magenta + yellow).
     */
    static byte[] cmykJpeg(int width, int height) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] cmyk = x < width / 2 ? new int[] {255, 0, 0, 0} : new int[] {0, 255, 255, 0};
                raster.setPixel(x, y, Arrays.stream(cmyk).map(v -> 255 - v).toArray());
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        return insertAfterSoi(bytes.toByteArray(), adobe);
    }

    /** A JPEG of the image carrying an EXIF APP1 segment whose IFD0 holds Make and Orientation. */
    static byte[] jpegWithOrientation(BufferedImage image, int orientation, boolean bigEndian) {
        return insertAfterSoi(TestImages.encode(image, "jpeg"), exifSegment(orientation, bigEndian));
    }

    static byte[] exifSegment(int orientation, boolean bigEndian) {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        Endian out = new Endian(tiff, bigEndian);
        tiff.writeBytes(bigEndian ? new byte[] {'M', 'M'} : new byte[] {'I', 'I'});
        out.short16(42);
        out.int32(8);              // IFD0 right after the header
        out.short16(2);            // two entries
        out.short16(0x010F);       // Make, ASCII, 4 bytes inline
        out.short16(2);
        out.int32(4);
        tiff.writeBytes("Cam\0".getBytes(StandardCharsets.US_ASCII));
        out.short16(0x0112);       // Orientation, SHORT, 1 value
        out.short16(3);
        out.int32(1);
        out.short16(orientation);
        out.short16(0);
        out.int32(0);              // no IFD1
        byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.toByteArray());
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, payload);
    }

    /** An RGB PNG with 16 bits per sample, every pixel (65535, 32768, 0) = orange. */
    static byte[] sixteenBitPng(int width, int height) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                false, false, java.awt.Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {65535, 32768, 0});
            }
        }
        return TestImages.encode(new BufferedImage(model, raster, false, null), "png");
    }

    /**
     * A lossless WebP of one colour, written by hand: VP8L with one single-symbol prefix code per channel,
     * so every pixel costs zero bits. (There is no WebP writer on the classpath.)
     */
    static byte[] webp(int width, int height, int argb) {
        LsbBitWriter bits = new LsbBitWriter();
        bits.write(0x2F, 8);                           // VP8L signature
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(1, 1);                              // alpha is used
        bits.write(0, 3);                              // version 0
        bits.write(0, 1);                              // no transform
        bits.write(0, 1);                              // no colour cache
        bits.write(0, 1);                              // one prefix-code group
        for (int symbol : new int[] {argb >> 8 & 0xFF, argb >> 16 & 0xFF, argb & 0xFF, argb >>> 24, 0}) {
            bits.write(1, 1);                          // simple code
            bits.write(0, 1);                          // one symbol
            bits.write(1, 1);                          // written on 8 bits
            bits.write(symbol, 8);
        }
        // Zero padding: TwelveMonkeys' bit reader reads ahead 8 bytes at a time.
        byte[] vp8l = concat(bits.toByteArray(), new byte[8]);
        ByteArrayOutputStream riff = new ByteArrayOutputStream();
        Endian le = new Endian(riff, false);
        riff.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        le.int32(4 + 8 + vp8l.length + (vp8l.length & 1));
        riff.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
        le.int32(vp8l.length);
        riff.writeBytes(vp8l);
        if ((vp8l.length & 1) == 1) {
            riff.write(0);
        }
        return riff.toByteArray();
    }

    /** An animated GIF with one frame per image. */
    static byte[] animatedGif(BufferedImage... frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static byte[] progressiveJpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A TIFF whose IFD0 carries an Orientation tag, written with the JDK's TIFF writer and its public metadata API. */
    static byte[] tiffWithOrientation(BufferedImage image, int orientation) throws IOException {
        ImageWriter writer = StreamSupport.stream(Spliterators.spliteratorUnknownSize(
                        ImageIO.getImageWritersByFormatName("tiff"), 0), false)
                .filter(w -> w.getClass().getName().startsWith("com.sun.imageio"))
                .findFirst().orElseThrow();
        IIOMetadata defaults = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                writer.getDefaultWriteParam());
        TIFFDirectory directory = TIFFDirectory.createFromMetadata(defaults);
        directory.addTIFFField(new TIFFField(BaselineTIFFTagSet.getInstance().getTag(BaselineTIFFTagSet.TAG_ORIENTATION),
                TIFFTag.TIFF_SHORT, 1, new char[] {(char) orientation}));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, directory.getAsMetadata()), null);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The image as a PNG whose iCCP chunk (right after IHDR) says its samples are in this ICC profile's colours. */
    static byte[] pngWithProfile(BufferedImage image, ICC_Profile profile) throws IOException {
        byte[] png = TestImages.encode(image, "png");
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed)) {
            deflate.write(profile.getData());
        }
        ByteArrayOutputStream iccp = new ByteArrayOutputStream();
        pngChunk(iccp, "iCCP", concat("test profile".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 0}, compressed.toByteArray()));
        int afterHeader = 8 + 4 + 4 + 13 + 4; // signature, then IHDR: length, type, 13 bytes, CRC
        return concat(Arrays.copyOf(png, afterHeader), iccp.toByteArray(), Arrays.copyOfRange(png, afterHeader, png.length));
    }

    static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        return concat(Arrays.copyOf(jpeg, 2), segment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static void pngChunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        out.writeInt(data.length);
        byte[] typeAndData = concat(type.getBytes(StandardCharsets.US_ASCII), data);
        out.write(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        out.writeInt((int) crc.getValue());
    }

    private record Endian(ByteArrayOutputStream out, boolean big) {
        void short16(int v) {
            out.writeBytes(big ? new byte[] {(byte) (v >> 8), (byte) v} : new byte[] {(byte) v, (byte) (v >> 8)});
        }

        void int32(int v) {
            if (big) {
                short16(v >>> 16);
                short16(v);
            } else {
                short16(v);
                short16(v >>> 16);
            }
        }
    }

    private static final class LsbBitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long pending;
        private int pendingBits;

        void write(int value, int count) {
            pending |= (value & ((1L << count) - 1)) << pendingBits;
            pendingBits += count;
            while (pendingBits >= 8) {
                out.write((int) pending & 0xFF);
                pending >>>= 8;
                pendingBits -= 8;
            }
        }

        byte[] toByteArray() {
            if (pendingBits > 0) {
                out.write((int) pending & 0xFF);
                pending = 0;
                pendingBits = 0;
            }
            return out.toByteArray();
        }
    }
}
