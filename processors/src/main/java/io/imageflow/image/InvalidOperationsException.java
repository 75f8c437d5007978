package io.imageflow.image;

import java.util.List;

/** The requested operations break the catalogue's rules; carries every problem found, not just the first. */
public class InvalidOperationsException extends RuntimeException {

    private final List<String> problems;

    public InvalidOperationsException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One message per problem, e.g. {@code operations[1] (resize): width must be an integer between 1 and 20000, got 0}. */
    public List<String> problems() {
        return problems;
    }
}
