package io.imageflow.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates the legacy client's filters, {@code [{"filter_type": "blur", "filter_value": 3}, ...]}, into
 * operations. Keys other than filter_type and filter_value are ignored, as the old service did.
 */
public final class SeedFilters {

    private static final String KNOWN = "rotate, grayscale (or greyscale, gray, grey), blur, brightness, contrast, "
            + "sharpen, flip, resize, format, quality";
    /** At most this many filters per image, as operations (the rest would be refused anyway, unread). */
    private static final int MAX_FILTERS = OperationCatalog.MAX_OPERATIONS;

    private final OperationParser parser = new OperationParser();

    /**
     * The normalized operations for the filters of image {@code imageIndex}. Problems are reported all at once,
     * in an {@link InvalidOperationsException}, each naming {@code imagesMetadata[imageIndex].filters[j]}.
     */
    public List<Map<String, Object>> toOperations(int imageIndex, List<Map<String, Object>> filters) {
        String listName = "imagesMetadata[" + imageIndex + "].filters";
        List<Map<String, Object>> list = filters == null ? List.of() : filters;
        if (list.size() > MAX_FILTERS) {
            throw new InvalidOperationsException(List.of(listName + ": " + list.size() + " filters given, at most "
                    + MAX_FILTERS + " are allowed; remove " + (list.size() - MAX_FILTERS)));
        }
        ProblemList problems = new ProblemList();
        List<Map<String, Object>> operations = new ArrayList<>();
        List<Integer> filterIndex = new ArrayList<>();
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
            throw new InvalidOperationsException(problems.list());
        }
        return checked.operations();
    }

    private static Map<String, Object> translate(Map<String, Object> filter, String where, ProblemList problems) {
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

    /**
     * Puts width and/or height from "800x600", "800x", "x600" (also with X or ×, spaces around), "800" (a width)
     * or a number; false if the value is none of these. Read in one pass: no backtracking on client text.
     */
    private static boolean putSize(Object value, Map<String, Object> op) {
        if (value instanceof Number) {
            op.put("width", value);
            return true;
        }
        if (!(value instanceof String text) || text.length() > ParameterValues.MAX_TEXT) {
            return false;
        }
        String s = text.strip();
        int cross = indexOfCross(s);
        String width = (cross < 0 ? s : s.substring(0, cross)).strip();
        String height = cross < 0 ? "" : s.substring(cross + 1).strip();
        if (!allDigits(width) || !allDigits(height) || width.isEmpty() && height.isEmpty()) {
            return false;
        }
        op.put("width", width.isEmpty() ? null : width);
        op.put("height", height.isEmpty() ? null : height);
        return true;
    }

    private static int indexOfCross(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'x' || c == 'X' || c == '×') {
                return i;
            }
        }
        return -1;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
