package io.imageflow.image;

import java.awt.image.BandCombineOp;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/** Replaces every colour by its luma (ITU-R BT.601 weights, as JPEG uses), keeping alpha. */
public record Grayscale() implements ImageOperation {

    private static final float[] LUMA = {0.299f, 0.587f, 0.114f};

    @Override
    public String type() {
        return "grayscale";
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        BufferedImage source = Images.standard(image);
        int bands = source.getRaster().getNumBands(); // R, G, B (, A)
        // One matrix row per output band, plus a last column for the constant: 0.5 rounds instead of truncating.
        float[][] matrix = new float[bands][bands + 1];
        for (int band = 0; band < 3; band++) {
            System.arraycopy(LUMA, 0, matrix[band], 0, 3);
            matrix[band][bands] = 0.5f;
        }
        if (bands == 4) {
            matrix[3][3] = 1; // alpha passes through
        }
        WritableRaster grey = new BandCombineOp(matrix, null).filter(source.getRaster(), null);
        return new BufferedImage(source.getColorModel(), grey, false, null);
    }
}
