package io.imageflow.batch;

/**
 * The address a batch's completion email goes to: one plain {@code local@domain} mailbox and nothing else.
 * No quoted local part, no comment, no display name, no whitespace or control character, ASCII only — so
 * the address can go into a {@code To:} header and an SMTP envelope as it is, and a line break can never
 * add a header or a recipient. Read in one pass over at most 254 characters; no regular expression.
 */
public final class OwnerAddress {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_LABEL = 63;
    /** RFC 5322 atext besides letters and digits. */
    private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

    private OwnerAddress() {
    }

    public static boolean isPlain(String address) {
        return problem(address) == null;
    }

    /** What is wrong with the address, for a person to fix; null when it is a plain mailbox. */
    public static String problem(String address) {
        if (address == null || address.isEmpty()) {
            return "an address is required";
        }
        if (address.length() > MAX_LENGTH) {
            return "it has " + address.length() + " characters; an address has at most " + MAX_LENGTH;
        }
        int at = address.indexOf('@');
        if (at < 0 || at != address.lastIndexOf('@')) {
            return "write it with exactly one @, like name@example.com";
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (!isDotAtom(local) || local.length() > MAX_LOCAL_PART) {
            return "the part before the @ must be at most " + MAX_LOCAL_PART + " letters, digits, dots or "
                    + ATEXT_SYMBOLS + " (no quotes, spaces or line breaks; no dot first, last or twice in a row)";
        }
        if (!isHostName(domain)) {
            return "the part after the @ must be a domain such as example.com";
        }
        return null;
    }

    private static boolean isDotAtom(String local) {
        if (local.isEmpty() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!isLetterOrDigit(c) && c != '.' && ATEXT_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Two or more labels of letters, digits and inner hyphens, each at most 63 characters. */
    private static boolean isHostName(String domain) {
        int labels = 0;
        int start = 0;
        while (start <= domain.length()) {
            int end = domain.indexOf('.', start);
            if (end < 0) {
                end = domain.length();
            }
            if (!isLabel(domain, start, end)) {
                return false;
            }
            labels++;
            start = end + 1;
        }
        return labels >= 2;
    }

    private static boolean isLabel(String domain, int start, int end) {
        if (end == start || end - start > MAX_LABEL || domain.charAt(start) == '-' || domain.charAt(end - 1) == '-') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = domain.charAt(i);
            if (!isLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
