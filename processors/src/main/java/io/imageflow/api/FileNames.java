package io.imageflow.api;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a client's file name into a safe storage name: no directories, no "..", no control or
 * shell-hostile characters, bounded length; names repeated in one batch get "-2", "-3" suffixes.
 */
public final class FileNames {

    private static final String FALLBACK = "image";
    /** File systems allow 255 bytes per name; storage adds a few around it (temp files). */
    private static final int MAX_BYTES = 200;
    private static final int MAX_EXTENSION = 10;

    private FileNames() {
    }

    public static String sanitise(String clientName, int maxLength) {
        String name = clientName == null ? "" : clientName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFKC)
                .replaceAll("[\\p{Cntrl}\\p{Cf}]", "")
                .replaceAll("[^\\p{L}\\p{M}\\p{N}._ ()-]", "_")
                .replaceAll("\\s+", " ")
                .replaceAll("\\.{2,}", ".")
                .strip();
        if (name.matches("\\.[^.]+")) {
            name = FALLBACK + name;
        }
        name = name.replaceAll("^[.\\s_-]+", "");
        return fit(name.isEmpty() ? FALLBACK : name, "", maxLength);
    }

    /** Sanitises every name and makes them unique, case-insensitively, in their order. */
    public static List<String> sanitiseAll(List<String> clientNames, int maxLength) {
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>(clientNames.size());
        for (String clientName : clientNames) {
            String name = sanitise(clientName, maxLength);
            String candidate = name;
            for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
                candidate = fit(name, "-" + n, maxLength);
            }
            names.add(candidate);
        }
        return names;
    }

    /** Replaces the extension, e.g. when a result is written in another format. */
    public static String withExtension(String name, String extension) {
        return stem(name) + "." + extension;
    }

    /** The name with the suffix before its extension, the stem cut (never mid-character) to fit both bounds. */
    private static String fit(String name, String suffix, int maxLength) {
        String stem = stem(name);
        String tail = suffix + name.substring(stem.length());
        int end = stem.length();
        while (end > 1 && tooLong(stem.substring(0, end) + tail, maxLength)) {
            end = stem.offsetByCodePoints(end, -1);
        }
        return stem.substring(0, end) + tail;
    }

    private static boolean tooLong(String name, int maxLength) {
        return name.codePointCount(0, name.length()) > maxLength
                || name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && name.length() - dot <= MAX_EXTENSION + 1 ? name.substring(0, dot) : name;
    }
}
