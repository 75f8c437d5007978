package io.imageflow.api;

import java.util.List;

import io.imageflow.config.ImageFlowProperties.Limits;
import io.imageflow.image.ImageFormat;
import io.imageflow.image.OperationCatalog;
import io.imageflow.image.OperationDescriptor;

/** GET /operations: what can be asked for, in which formats, within which limits. The web app builds its form from it. */
public class Catalogue {

    public record View(List<OperationDescriptor> operations, List<String> inputFormats, List<String> outputFormats,
            LimitsView limits) {
    }

    public record LimitsView(int maxFiles, long maxFileBytes, long maxPixels) {
    }

    private final View view;

    public Catalogue(Limits limits) {
        this.view = new View(OperationCatalog.operations(),
                OperationCatalog.inputFormats().stream().map(ImageFormat::id).toList(),
                OperationCatalog.outputFormats().stream().map(ImageFormat::id).toList(),
                new LimitsView(limits.maxFiles(), limits.maxFileSize().toBytes(), limits.maxPixels()));
    }

    public View view() {
        return view;
    }
}
