package io.imageflow.image;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the loosely typed values of JSON (numbers as Integer, Long, Double or text) into each parameter's
 * canonical value, and says in words what a valid value looks like.
 */
final class ParameterValues {

    /** The longest text any parameter takes ("contain", "16:9", "-12.5e2"); longer text is refused unread. */
    static final int MAX_TEXT = 64;

    private ParameterValues() {
    }

    /** The canonical value (Integer, Integer-or-Double, Boolean, lower-case String), or empty when it does not fit. */
    static Optional<Object> canonical(ParameterDescriptor p, Object raw) {
        if (raw instanceof String s && s.length() > MAX_TEXT) {
            return Optional.empty();
        }
        return switch (p.type()) {
            case INTEGER -> number(raw)
                    .filter(d -> d == Math.rint(d) && inRange(p, d) && Math.abs(d) <= Integer.MAX_VALUE)
                    .map(d -> (int) d.doubleValue());
            case NUMBER -> number(raw).filter(d -> inRange(p, d)).map(ParameterValues::tidy);
            case BOOLEAN -> bool(raw);
            case STRING -> raw instanceof String s ? choice(p, s) : Optional.empty();
        };
    }

    /** E.g. "an integer between 1 and 20000", "one of inside, contain", "true or false". */
    static String expectation(ParameterDescriptor p) {
        return switch (p.type()) {
            case INTEGER -> "an integer" + range(p);
            case NUMBER -> "a number" + range(p);
            case BOOLEAN -> "true or false";
            case STRING -> p.allowedValues() != null ? "one of " + String.join(", ", p.allowedValues())
                    : "text of at most " + MAX_TEXT + " characters";
        };
    }

    /** A value as the client sent it, for messages: text quoted, numbers without a useless ".0". */
    static String show(Object raw) {
        if (raw instanceof String s) {
            return "\"" + Clip.quoted(s) + "\"";
        }
        if (raw instanceof Number n) {
            return plain(n);
        }
        if (raw instanceof List<?>) {
            return "a list";
        }
        if (raw instanceof Map<?, ?>) {
            return "an object";
        }
        return String.valueOf(raw);
    }

    static String plain(Number n) {
        double d = n.doubleValue();
        return Double.isFinite(d) ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : n.toString();
    }

    private static Optional<Double> number(Object raw) {
        Double value = null;
        if (raw instanceof Number n) {
            value = n.doubleValue();
        } else if (raw instanceof String s && isDecimal(s.strip())) {
            value = Double.parseDouble(s.strip());
        }
        return Optional.ofNullable(value).filter(Double::isFinite);
    }

    /**
     * A decimal number as JSON writes it, optionally signed: "12", "-1.5", ".5", "2.", "1e3". One pass over the
     * text (a regular expression for this backtracks quadratically on a long run of digits that ends wrong);
     * it also keeps out what Double.parseDouble would take besides, such as "NaN", "0x1p3" or "1d".
     */
    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int start = i;
        i = digits(s, i);
        boolean wholeDigits = i > start;
        boolean fractionDigits = false;
        if (i < n && s.charAt(i) == '.') {
            int fraction = ++i;
            i = digits(s, i);
            fractionDigits = i > fraction;
        }
        if (!wholeDigits && !fractionDigits) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = i;
            i = digits(s, i);
            if (i == exponent) {
                return false;
            }
        }
        return i == n;
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static Optional<Object> bool(Object raw) {
        if (raw instanceof Boolean b) {
            return Optional.of(b);
        }
        if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(s));
        }
        return Optional.empty();
    }

    private static Optional<Object> choice(ParameterDescriptor p, String raw) {
        if (p.allowedValues() == null) {
            return Optional.of(raw.strip());
        }
        String lowerCase = raw.strip().toLowerCase(Locale.ROOT);
        // Format names have aliases (jpg, tif): store the canonical name.
        String value = ImageFormat.fromName(lowerCase).map(ImageFormat::id).filter(p.allowedValues()::contains).orElse(lowerCase);
        return p.allowedValues().contains(value) ? Optional.of(value) : Optional.empty();
    }

    private static boolean inRange(ParameterDescriptor p, double value) {
        return (p.minimum() == null || value >= p.minimum().doubleValue())
                && (p.maximum() == null || value <= p.maximum().doubleValue());
    }

    private static String range(ParameterDescriptor p) {
        if (p.minimum() != null && p.maximum() != null) {
            return " between " + plain(p.minimum()) + " and " + plain(p.maximum());
        }
        if (p.minimum() != null) {
            return " of at least " + plain(p.minimum());
        }
        return p.maximum() != null ? " of at most " + plain(p.maximum()) : "";
    }

    /** Whole numbers as Integer, so normalised JSON shows 90 rather than 90.0. */
    private static Object tidy(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? (Object) (int) d : (Object) d;
    }
}
