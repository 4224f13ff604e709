package org.mentoring.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What makes a password acceptable: at least 12 characters, not only one kind of character, not a well-known
 * password, and not the person's own email or name.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of("password1234", "123456789012", "qwertyuiopas",
            "passwordpassword", "letmein12345", "welcome12345", "iloveyou1234", "administrator", "mentoring1234",
            "changeme1234", "password123!", "qwerty123456", "abc123456789", "111111111111", "000000000000");

    private PasswordPolicy() {
    }

    /** The problems with a password; empty when it is acceptable. */
    public static List<String> problems(String password, String email, String name) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("must be at least " + MIN_LENGTH + " characters long");
            return problems;
        }
        if (password.length() > MAX_LENGTH) {
            problems.add("must be at most " + MAX_LENGTH + " characters long");
            return problems;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            problems.add("is too easy to guess");
        }
        boolean letters = password.chars().anyMatch(Character::isLetter);
        boolean others = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letters || !others) {
            problems.add("must mix letters with digits, spaces or symbols");
        }
        if (email != null && !email.isBlank()) {
            String local = email.toLowerCase(Locale.ROOT).split("@")[0];
            if (local.length() >= 4 && lower.contains(local)) {
                problems.add("must not contain your email address");
            }
        }
        if (name != null) {
            for (String part : name.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (part.length() >= 4 && lower.contains(part)) {
                    problems.add("must not contain your name");
                    break;
                }
            }
        }
        return problems;
    }
}
