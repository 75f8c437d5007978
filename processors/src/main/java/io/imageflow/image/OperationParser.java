package io.imageflow.image;

import io.imageflow.image.Resize.Fit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Checks requested operations against the {@link OperationCatalog}, reporting every problem at once, each
 * with where it is and how to fix it, e.g. {@code operations[1] (resize): width must be an integer between
 * 1 and 20000, got 0}. Stateless and thread-safe.
 */
public final class OperationParser {

    /** The checked operations with their defaults filled in, or the problems found. */
    record Checked(List<Map<String, Object>> operations, List<String> problems) {
    }

    /** Checks the operations and turns them into a plan; throws {@link InvalidOperationsException} listing every problem. */
    public ProcessingPlan parse(List<Map<String, Object>> operations) {
        return toPlan(normalize(operations));
    }

    /**
     * The operations with defaults filled in and values in canonical form (e.g. {@code "jpg"} becomes
     * {@code "jpeg"}, {@code "800"} becomes 800): what is stored, shown to users and sent to workers,
     * which parse it again. Normalizing twice gives the same result.
     */
    public List<Map<String, Object>> normalize(List<Map<String, Object>> operations) {
        Checked checked = check(operations, "operations", i -> i);
        if (!checked.problems().isEmpty()) {
            throw new InvalidOperationsException(checked.problems());
        }
        return checked.operations();
    }

    /**
     * Checks a list of operations. Messages name each as {@code listName[originalIndex(i)]}, so a caller that
     * translated another format (see {@link SeedFilters}) can point at the client's own entries.
     */
    Checked check(List<?> operations, String listName, IntUnaryOperator originalIndex) {
        List<?> list = operations == null ? List.of() : operations;
        if (list.size() > OperationCatalog.MAX_OPERATIONS) {
            // refused before any work per operation: a list this long is not worth checking item by item
            return new Checked(List.of(), List.of(listName + ": " + list.size() + " operations given, at most "
                    + OperationCatalog.MAX_OPERATIONS + " are allowed; remove " + (list.size() - OperationCatalog.MAX_OPERATIONS)));
        }
        ProblemList problems = new ProblemList();
        List<Map<String, Object>> normalized = new ArrayList<>();
        Map<String, String> outputSetBy = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String where = listName + "[" + originalIndex.applyAsInt(i) + "]";
            Map<String, Object> op = new OperationCheck(where, problems).check(list.get(i));
            if (op == null) {
                continue;
            }
            String type = (String) op.get("type");
            if (OperationCatalog.OUTPUT_TYPES.contains(type)) {
                String earlier = outputSetBy.putIfAbsent(type, where);
                if (earlier != null) {
                    problems.add(where + " (" + type + "): " + type + " is already given by " + earlier + "; keep only one");
                }
            }
            normalized.add(Collections.unmodifiableMap(op));
        }
        return new Checked(List.copyOf(normalized), problems.list());
    }

    private static ProcessingPlan toPlan(List<Map<String, Object>> operations) {
        List<ImageOperation> steps = new ArrayList<>();
        ImageFormat format = null;
        int quality = OperationCatalog.DEFAULT_QUALITY;
        boolean keepMetadata = false;
        for (Map<String, Object> op : operations) {
            switch ((String) op.get("type")) {
                case "rotate" -> steps.add(new Rotate(number(op, "degrees")));
                case "grayscale" -> steps.add(new Grayscale());
                case "blur" -> steps.add(new Blur(number(op, "radius")));
                case "brightness" -> steps.add(new Brightness(number(op, "factor")));
                case "contrast" -> steps.add(new Contrast(number(op, "factor")));
                case "sharpen" -> steps.add(new Sharpen(number(op, "amount")));
                case "resize" -> steps.add(new Resize((Integer) op.get("width"), (Integer) op.get("height"),
                        Fit.valueOf(upper(op.get("fit"))), (Boolean) op.get("enlarge")));
                case "crop" -> steps.add(op.containsKey("aspect")
                        ? new Crop(Crop.Aspect.parse((String) op.get("aspect")).orElseThrow())
                        : Crop.rectangle((Integer) op.get("x"), (Integer) op.get("y"),
                                (Integer) op.get("width"), (Integer) op.get("height")));
                case "flip" -> steps.add(new Flip(Flip.Direction.valueOf(upper(op.get("direction")))));
                case "format" -> format = ImageFormat.fromName((String) op.get("format")).orElseThrow();
                case "quality" -> quality = (Integer) op.get("quality");
                case "metadata" -> keepMetadata = (Boolean) op.get("keep");
                default -> throw new IllegalStateException("the catalogue lists " + op.get("type") + " but nothing builds it");
            }
        }
        return new ProcessingPlan(steps, new OutputOptions(format, quality, keepMetadata));
    }

    private static double number(Map<String, Object> op, String name) {
        return ((Number) op.get(name)).doubleValue();
    }

    private static String upper(Object value) {
        return ((String) value).toUpperCase(Locale.ROOT);
    }
}
