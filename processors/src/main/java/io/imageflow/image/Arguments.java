package io.imageflow.image;

/**
 * Sanity checks shared by the operations' constructors: values that would make no sense at all. The
 * product's tighter ranges live in the {@link OperationCatalog} and are enforced by the parser.
 */
final class Arguments {

    private Arguments() {
    }

    static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
    }

    static void requireNonNegative(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be a finite number of at least 0, got " + value);
        }
    }

    static void requirePositive(String name, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(name + " must be a finite number above 0, got " + value);
        }
    }
}
