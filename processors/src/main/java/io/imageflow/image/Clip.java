package io.imageflow.image;

/** Client text quoted in a message is clipped: a message stays a sentence, whatever the client sent. */
public final class Clip {

    /** Enough of a value to recognise it. */
    public static final int QUOTED = 40;

    private Clip() {
    }

    /** The text itself when short, else its start, an ellipsis and its length. */
    public static String text(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "… (" + text.length() + " characters)";
    }

    public static String quoted(String text) {
        return text(text, QUOTED);
    }
}
