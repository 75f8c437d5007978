package io.imageflow.image;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Checks one requested operation against its catalogue entry, adding a message to {@code problems} for
 * everything wrong with it, and returns it normalized (defaults filled in), or null when its type is unusable.
 */
record OperationCheck(String where, ProblemList problems) {

    /** No operation type is longer; a longer one gets no "did you mean" (whose cost grows with its length). */
    private static final int MAX_TYPE_LENGTH = 20;

    Map<String, Object> check(Object raw) {
        if (!(raw instanceof Map<?, ?> fields)) {
            problems.add(where + ": each operation must be an object with a \"type\", e.g. {\"type\": \"rotate\", \"degrees\": 90}");
            return null;
        }
        Object rawType = fields.get("type");
        String type = rawType instanceof String s ? s.strip().toLowerCase(Locale.ROOT) : null;
        OperationDescriptor descriptor = type == null ? null : OperationCatalog.find(type).orElse(null);
        if (descriptor == null) {
            problems.add(where + ": " + (rawType == null ? "\"type\" is missing" : "unknown type " + ParameterValues.show(rawType))
                    + suggestion(type) + "; use one of " + String.join(", ", OperationCatalog.types()));
            return null;
        }
        String at = where + " (" + type + "): ";
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", type);
        for (Object name : fields.keySet()) {
            if (problems.isFull()) {
                break; // nothing more would be kept
            }
            if (!"type".equals(name) && descriptor.parameter(String.valueOf(name)).isEmpty()) {
                problems.add(at + "unknown parameter " + ParameterValues.show(String.valueOf(name)) + "; " + type
                        + (descriptor.parameters().isEmpty() ? " takes no parameters" : " accepts "
                        + String.join(", ", descriptor.parameters().stream().map(ParameterDescriptor::name).toList())));
            }
        }
        for (ParameterDescriptor p : descriptor.parameters()) {
            Object value = fields.get(p.name());
            if (value == null) {
                if (p.required()) {
                    problems.add(at + p.name() + " is required: " + ParameterValues.expectation(p));
                }
                continue;
            }
            ParameterValues.canonical(p, value).ifPresentOrElse(v -> values.put(p.name(), v), () -> problems.add(
                    at + p.name() + " must be " + ParameterValues.expectation(p) + ", got " + ParameterValues.show(value)));
        }
        checkCombination(type, fields, values, at);
        fillDefaults(descriptor, values);
        return values;
    }

    /** Rules that involve several parameters of one operation. */
    private void checkCombination(String type, Map<?, ?> fields, Map<String, Object> values, String at) {
        if (type.equals("resize") && fields.get("width") == null && fields.get("height") == null) {
            problems.add(at + "give width, height or both");
        }
        if (type.equals("crop")) {
            boolean byAspect = fields.get("aspect") != null;
            boolean bySize = fields.get("width") != null || fields.get("height") != null;
            boolean byPosition = fields.get("x") != null || fields.get("y") != null;
            if (byAspect && (bySize || byPosition)) {
                problems.add(at + "give either aspect (e.g. \"16:9\") or x, y, width and height, not both");
            } else if (byAspect && values.get("aspect") instanceof String aspect) {
                Crop.Aspect.parse(aspect).ifPresentOrElse(a -> values.put("aspect", a.toString()), () -> problems.add(
                        at + "aspect must be a ratio of two positive numbers such as \"16:9\", got " + ParameterValues.show(aspect)));
            } else if (!byAspect && (fields.get("width") == null || fields.get("height") == null)) {
                problems.add(at + "give width and height (and optionally x and y), or an aspect such as \"16:9\"");
            }
        }
    }

    private static void fillDefaults(OperationDescriptor descriptor, Map<String, Object> values) {
        if (values.containsKey("aspect")) {
            return; // a crop by aspect ratio has no position: x and y defaults do not apply
        }
        for (ParameterDescriptor p : descriptor.parameters()) {
            if (p.defaultValue() != null) {
                values.putIfAbsent(p.name(), p.defaultValue());
            }
        }
    }

    /** " (did you mean "rotate"?)" for a near miss such as "rotat" or "greyscale". */
    private static String suggestion(String type) {
        if (type == null || type.length() > MAX_TYPE_LENGTH) {
            return "";
        }
        return OperationCatalog.types().stream()
                .filter(known -> editDistance(known, type) <= 2)
                .findFirst()
                .map(known -> " (did you mean \"" + known + "\"?)")
                .orElse("");
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
