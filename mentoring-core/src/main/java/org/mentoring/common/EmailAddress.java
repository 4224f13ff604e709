package org.mentoring.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The one canonical form of an email address, kept in the store and compared everywhere: trimmed, Unicode NFKC,
 * lower case in the root locale. Who owns a request, a profile, an offer or a mentorship is decided by exact equality
 * of canonical emails, never by a case-insensitive comparison of raw text (Java's {@code equalsIgnoreCase} folds the
 * dotless {@code ı} to {@code i} and the long {@code ſ} to {@code s}, so a look-alike address could own another's
 * data).
 *
 * <p>An address whose canonical form differs from what was typed other than by letter case (a Kelvin sign, a
 * full-width letter, a dotless i, a long s, a decomposed accent), or that carries an invisible, control, bidirectional
 * or space character, is refused by {@link #problem(String)}, so two addresses that look alike can never both exist.
 */
public final class EmailAddress {

    private EmailAddress() {
    }

    /** The canonical form of an address (null stays null): trimmed, NFKC, lower case in the root locale. */
    public static String canonical(String raw) {
        if (raw == null) {
            return null;
        }
        return Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Whether two addresses are the same person's: exact equality of canonical forms; null never matches. */
    public static boolean same(String a, String b) {
        return a != null && b != null && canonical(a).equals(canonical(b));
    }

    /**
     * Whether an address is one the store may keep for a person: already in canonical form and acceptable as typed
     * ({@link #problem} finds nothing).
     */
    public static boolean isCanonical(String address) {
        return address != null && address.equals(canonical(address)) && problem(address).isEmpty();
    }

    /**
     * Whether a signed-in person with this account email owns a record stored with that email: exact equality of two
     * canonical addresses. An account whose email is not canonical (a look-alike such as {@code anjalı@…} that could
     * only have reached the store around the checks) owns nothing, and is never folded into another address.
     */
    public static boolean owns(String personEmail, String storedEmail) {
        return isCanonical(personEmail) && personEmail.equals(storedEmail);
    }

    /**
     * Why an address cannot be accepted as typed, in words, or empty when it can: it carries an invisible, control,
     * bidirectional or space character, or a character that Unicode folds into another (so it could pass for a
     * different address). The syntax of the address (one {@code @}, a domain) is checked by the caller.
     */
    public static Optional<String> problem(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String typed = raw.strip();
        for (int i = 0; i < typed.length(); ) {
            int codePoint = typed.codePointAt(i);
            if (invisible(codePoint)) {
                return Optional.of(String.format(Locale.ROOT,
                        "contains an invisible or control character (U+%04X); type the address again by hand",
                        codePoint));
            }
            i += Character.charCount(codePoint);
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        if (!Normalizer.normalize(typed, Normalizer.Form.NFKC).equals(typed)
                || lower.codePointCount(0, lower.length()) != typed.codePointCount(0, typed.length())
                || !lower.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT).equals(lower)
                || !Normalizer.normalize(lower, Normalizer.Form.NFKC).equals(lower)) {
            return Optional.of("contains a character that can pass for another one (such as a dotless ı, a long ſ, "
                    + "a Kelvin sign or a full-width letter); type the address with ordinary letters");
        }
        return Optional.empty();
    }

    private static boolean invisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT // zero-width characters, bidirectional controls, soft hyphen
                || type == Character.CONTROL
                || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE
                || Character.isWhitespace(codePoint)
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0; // fillers
    }
}
