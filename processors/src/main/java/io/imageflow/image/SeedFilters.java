package io.imageflow.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the legacy client's filters, {@code [{"filter_type": "blur", "filter_value": 3}, ...]}, into
 * operations. Keys other than filter_type and filter_value are ignored, as the old service did.
 */
public final class SeedFilters {

    private static final String KNOWN = "rotate, grayscale (or greyscale, gray, grey), blur, brightness, contrast, "
            + "sharpen, flip, resize, format, quality";
    /** "800x600", "800x", "x600" (also with X or ×); a bare number is a width. */
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+)?\\s*[xX×]\\s*(\\d+)?\\s*|\\s*(\\d+)\\s*");

    private final OperationParser parser = new OperationParser();

    /**
     * The normalized operations for the filters of image {@code imageIndex}. Problems are reported all at once,
     * in an {@link InvalidOperationsException}, each naming {@code imagesMetadata[imageIndex].filters[j]}.
     */
    public List<Map<String, Object>> toOperations(int imageIndex, List<Map<String, Object>> filters) {
        String listName = "imagesMetadata[" + imageIndex + "].filters";
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> operations = new ArrayList<>();
        List<Integer> filterIndex = new ArrayList<>();
        List<Map<String, Object>> list = filters == null ? List.of() : filters;
        for (int j = 0; j < list.size(); j++) {
            Map<String, Object> operation = translate(list.get(j), listName + "[" + j + "]", problems);
            if (operation != null) {
                operations.add(operation);
                filterIndex.add(j);
            }
        }
        OperationParser.Checked checked = parser.check(operations, listName, filterIndex::get);
        problems.addAll(checked.problems());
        if (!problems.isEmpty()) {
            throw new InvalidOperationsException(problems);
        }
        return checked.operations();
    }

    private static Map<String, Object> translate(Map<String, Object> filter, String where, List<String> problems) {
        Object rawType = filter == null ? null : filter.get("filter_type");
        if (!(rawType instanceof String typeText) || typeText.isBlank()) {
            problems.add(where + ": filter_type is missing; use one of " + KNOWN);
            return null;
        }
        Object value = filter.get("filter_value");
        String type = typeText.strip().toLowerCase(Locale.ROOT);
        Map<String, Object> op = new LinkedHashMap<>();
        switch (type) {
            case "rotate" -> op.put("degrees", value);
            case "grayscale", "greyscale", "gray", "grey" -> type = "grayscale";
            case "blur" -> op.put("radius", value);
            case "brightness", "contrast" -> op.put("factor", value);
            case "sharpen" -> op.put("amount", value);
            case "flip" -> op.put("direction", value);
            case "format" -> op.put("format", value);
            case "quality" -> op.put("quality", value);
            case "resize" -> {
                if (!putSize(value, op)) {
                    problems.add(where + " (resize): filter_value must be a size such as \"800x600\", \"800x\", \"x600\" "
                            + "or \"800\" (a width), got " + ParameterValues.show(value));
                    return null;
                }
            }
            default -> {
                problems.add(where + ": unknown filter_type " + ParameterValues.show(typeText) + "; use one of " + KNOWN);
                return null;
            }
        }
        op.values().removeIf(v -> v == null); // no value: the operation's default applies
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("type", type);
        typed.putAll(op);
        return typed;
    }

    /** Puts width and/or height from "800x600", "800x", "x600", "800" or a number; false if the value is none of these. */
    private static boolean putSize(Object value, Map<String, Object> op) {
        if (value instanceof Number) {
            op.put("width", value);
            return true;
        }
        Matcher m = value instanceof String s ? SIZE.matcher(s) : null;
        if (m == null || !m.matches() || m.group(1) == null && m.group(2) == null && m.group(3) == null) {
            return false;
        }
        op.put("width", m.group(3) != null ? m.group(3) : m.group(1));
        op.put("height", m.group(2));
        return true;
    }
}
