package org.mentoring.common;

import java.util.Locale;
import java.util.Optional;

/**
 * The rule for text people type (names, institutions, goals, topics, comments): it is stored as typed, so characters
 * that cannot be seen or that change how the rest is displayed are refused with words instead of being kept or
 * silently removed. Refused: control characters (NUL and the like; a comment may keep tabs and line breaks),
 * bidirectional controls (U+202A-202E, U+2066-2069, U+200E/200F, U+061C, which make text display in another order
 * than it is stored), invisible characters (zero-width space, word joiner, byte order mark, Hangul fillers; the
 * zero-width joiner and non-joiner stay allowed, Persian, Indic scripts and emoji need them), broken UTF-16, and a
 * one-line text with nothing visible at all.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why a one-line text (a name, an institution, a label) cannot be accepted, in words; empty when it can. */
    public static Optional<String> problem(String text) {
        return problem(text, false);
    }

    /** Why a text of several lines (a comment) cannot be accepted, in words; empty when it can. */
    public static Optional<String> multiLineProblem(String text) {
        return problem(text, true);
    }

    private static Optional<String> problem(String text, boolean multiLine) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c <= 0xFFFF && Character.isSurrogate((char) c)) {
                return Optional.of("contains a broken character (an unpaired UTF-16 surrogate, " + code(c) + ")");
            }
            if (bidirectionalControl(c)) {
                return Optional.of("contains a bidirectional control character (" + code(c) + "), which makes text "
                        + "display in another order than it is written; remove it");
            }
            if (Character.getType(c) == Character.CONTROL) {
                if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
                    continue;
                }
                return Optional.of("contains a control character (" + code(c) + "), which cannot be shown; "
                        + "type it again without it");
            }
            if (invisible(c, multiLine)) {
                return Optional.of("contains an invisible character (" + code(c) + "); remove it");
            }
            visible |= !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != 0x200C && c != 0x200D;
        }
        if (!visible && !multiLine) {
            return Optional.of("has no visible character");
        }
        return Optional.empty();
    }

    private static boolean bidirectionalControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    private static boolean invisible(int c, boolean multiLine) {
        if (c == 0x200C || c == 0x200D) { // zero-width non-joiner and joiner: part of how some scripts are written
            return false;
        }
        if (c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800) { // fillers, blank braille
            return true;
        }
        int type = Character.getType(c);
        if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return !multiLine;
        }
        // zero-width space, word joiner, byte order mark, soft hyphen, invisible operators, tags...
        return type == Character.FORMAT && !(multiLine && c >= 0xE0020 && c <= 0xE007F); // emoji flag tags in text
    }

    private static String code(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }
}
