package io.imageflow.image;

import java.util.List;

/** Everything to do to one image: the operations, in order, and how to write the result. */
public record ProcessingPlan(List<ImageOperation> operations, OutputOptions output) {

    public ProcessingPlan {
        operations = List.copyOf(operations);
        output = output == null ? OutputOptions.DEFAULT : output;
    }
}
