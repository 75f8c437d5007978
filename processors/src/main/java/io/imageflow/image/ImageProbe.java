package io.imageflow.image;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Collectors;

/**
 * Tells the format and size of an image from its header alone: no pixel is decoded, so an upload that
 * declares 30000×30000 pixels costs nothing to look at and can be refused before anyone decodes it.
 */
public final class ImageProbe {

    static final String SUPPORTED = Arrays.stream(ImageFormat.values())
            .filter(ImageFormat::readable).map(ImageFormat::id).collect(Collectors.joining(", "));

    /** Reads only the header of the file (random access: a 25 MB upload is not read through). */
    public ImageInfo probe(Path file) {
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            return probe(in);
        } catch (IOException e) {
            throw new ImageProcessingException("cannot read the uploaded file: " + e.getMessage(), e);
        }
    }

    /** Reads as far into the stream as the header goes; the stream is left part-read and is not closed. */
    public ImageInfo probe(InputStream input) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(input)) {
            return probe(in);
        } catch (IOException e) {
            throw new ImageProcessingException("cannot read the uploaded data: " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #probe(InputStream)}, with the size as the image displays: turned by its EXIF orientation
     * (a photo stored on its side reports its upright width and height, as its result will have).
     */
    public ImageInfo probeUpright(InputStream input) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(input)) {
            int orientation = orientation(in); // first: the reader may flush what it has read past
            ImageInfo stored = probe(in);
            Size upright = ExifOrientation.upright(new Size(stored.width(), stored.height()), orientation);
            return new ImageInfo(stored.format(), upright.width(), upright.height());
        } catch (IOException e) {
            throw new ImageProcessingException("cannot read the uploaded data: " + e.getMessage(), e);
        }
    }

    /** The EXIF orientation of a JPEG or TIFF, 1 for any other data; reads from position 0. */
    private static int orientation(ImageInputStream in) throws IOException {
        in.seek(0);
        byte[] head = readHead(in);
        ImageFormat format = MagicNumbers.formatOf(head).orElse(null);
        if (format == ImageFormat.JPEG) {
            byte[] exif = JpegExif.read(in);
            return exif == null ? ExifOrientation.UPRIGHT : ExifOrientation.read(exif);
        }
        if (format == ImageFormat.TIFF) {
            in.seek(0);
            return ExifOrientation.read(in);
        }
        return ExifOrientation.UPRIGHT;
    }

    /** Probes from the start of {@code in}. Some readers flush the stream, so it may not be rewound afterwards. */
    ImageInfo probe(ImageInputStream in) throws IOException {
        in.seek(0);
        byte[] head = readHead(in);
        ImageFormat format = MagicNumbers.formatOf(head)
                .filter(ImageFormat::readable)
                .orElseThrow(() -> new UnsupportedImageException("not an image in a supported format: "
                        + MagicNumbers.describe(head) + ". Supported formats: " + SUPPORTED));
        in.seek(0);
        ImageReader reader = readerFor(format);
        try {
            reader.setInput(in, false, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new IOException("it declares a size of " + width + "×" + height);
            }
            return new ImageInfo(format, width, height);
        } catch (IOException | RuntimeException e) {
            throw new UnsupportedImageException("the data starts like a " + format.id()
                    + " image but its header cannot be read (" + e.getMessage() + ")", e);
        } finally {
            reader.dispose();
        }
    }

    private static byte[] readHead(ImageInputStream in) throws IOException {
        byte[] head = new byte[MagicNumbers.HEAD_LENGTH];
        int filled = 0;
        for (int n; filled < head.length && (n = in.read(head, filled, head.length - filled)) > 0; ) {
            filled += n;
        }
        return Arrays.copyOf(head, filled);
    }

    /** The preferred reader: TwelveMonkeys' where it registered one (CMYK JPEG, BigTIFF), else the JDK's. */
    static ImageReader readerFor(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.id());
        if (!readers.hasNext()) {
            throw new UnsupportedImageException(format.id() + " images cannot be read here");
        }
        return readers.next();
    }
}
