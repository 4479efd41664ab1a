package org.shewhart.charts;

/**
 * What JFreePDF can write as PDF text. Its standard fonts hold ASCII only (anything else prints as '?'), and it
 * writes strings into the page unescaped, so a backslash or an unbalanced parenthesis ends the string early and
 * breaks the page. Text that fails {@link #isAscii} must be drawn as outlines; ASCII text is escaped with
 * {@link #escape} after it was measured. No instances; thread-safe.
 */
public final class PdfText {
    private PdfText() {
    }

    /**
     * Whether a PDF text string can hold the text (JFreePDF's standard fonts).
     *
     * @param s text, may be {@code null}
     * @return {@code true} if every character is printable ASCII (or the text is null)
     */
    public static boolean isAscii(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 126) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether text can go into a PDF literal string as it is: ASCII without backslash or parentheses.
     *
     * @param s text, may be {@code null}
     * @return {@code true} if no escaping or outlining is needed
     */
    public static boolean isPlain(String s) {
        return isAscii(s) && (s == null || (s.indexOf('\\') < 0 && s.indexOf('(') < 0 && s.indexOf(')') < 0));
    }

    /**
     * Escapes text for a PDF literal string.
     *
     * @param s text
     * @return the text with backslash and parentheses escaped
     */
    public static String escape(String s) {
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }
}
