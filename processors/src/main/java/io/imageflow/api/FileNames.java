package io.imageflow.api;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.ArrayList;

/**
 * Turns a client's file name into a safe storage name: no directories, no "..", no control or
 * shell-hostile characters, bounded length; names repeated in one batch get "-2", "-3" suffixes.
 */
public final class FileNames {

    private static final String FALLBACK = "image";

    private FileNames() {
    }

    public static String sanitise(String clientName, int maxLength) {
        String name = clientName == null ? "" : clientName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFKC)
                .replaceAll("[\\p{Cntrl}\\p{Cf}]", "")
                .replaceAll("[^\\p{L}\\p{N}._ -]", "_")
                .replaceAll("\\s+", " ")
                .replaceAll("\\.{2,}", ".")
                .strip();
        name = name.replaceAll("^[.\\s_-]+", "");
        if (name.isEmpty() || name.startsWith(".")) {
            name = FALLBACK + name;
        }
        return shorten(name, maxLength);
    }

    /** Sanitises every name and makes them unique, case-insensitively, in their order. */
    public static List<String> sanitiseAll(List<String> clientNames, int maxLength) {
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>(clientNames.size());
        for (String clientName : clientNames) {
            String name = sanitise(clientName, maxLength);
            String candidate = name;
            for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
                candidate = withSuffix(name, "-" + n, maxLength);
            }
            names.add(candidate);
        }
        return names;
    }

    /** Replaces the extension, e.g. when a result is written in another format. */
    public static String withExtension(String name, String extension) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return stem + "." + extension;
    }

    private static String withSuffix(String name, String suffix, int maxLength) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        int room = maxLength - suffix.length() - extension.length();
        return stem.substring(0, Math.max(1, Math.min(stem.length(), room))) + suffix + extension;
    }

    private static String shorten(String name, int maxLength) {
        if (name.length() <= maxLength) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        return name.substring(0, maxLength - extension.length()) + extension;
    }
}
