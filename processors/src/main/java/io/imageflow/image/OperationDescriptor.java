package io.imageflow.image;

import java.util.List;
import java.util.Optional;

/** One operation type of the catalogue with its parameters. */
public record OperationDescriptor(String type, String description, List<ParameterDescriptor> parameters) {

    public OperationDescriptor {
        parameters = List.copyOf(parameters);
    }

    public Optional<ParameterDescriptor> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
