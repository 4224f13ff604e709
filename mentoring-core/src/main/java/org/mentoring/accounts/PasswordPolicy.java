package org.mentoring.accounts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.matching.match.Match;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * What makes a password acceptable, after NIST SP 800-63B: a length and a breach check, no composition rules.
 * A password has 12 to 64 characters (Unicode code points) and at most 72 bytes in UTF-8 (all that BCrypt hashes);
 * it is not a common or leaked password nor a guessable pattern built from them, by the estimate of nbvcxz with
 * the dictionaries that ship inside its jar (100,000 leaked passwords, English words, first names and surnames);
 * and it does not contain the person's own email or name. Any mix of letters, digits, spaces and symbols is fine:
 * a few uncommon words together make a good password.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;
    /** BCrypt hashes only the first 72 bytes; Spring's encoder refuses more. */
    public static final int MAX_BYTES = 72;
    /**
     * The fewest guesses an attacker must make, by nbvcxz's estimate: 10^10, the top level of zxcvbn (which nbvcxz
     * follows), "strong protection from an offline attack on a slow hash" such as BCrypt.
     */
    public static final double MIN_GUESSES = 1e10;
    /** The dictionary of leaked passwords inside nbvcxz's jar. */
    private static final String LEAKED = "passwords";

    private PasswordPolicy() {
    }

    /** The problems with a password, each to follow "The password "; empty when it is acceptable. */
    public static List<String> problems(String password, String email, String name) {
        List<String> problems = new ArrayList<>();
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("must be at least " + MIN_LENGTH + " characters long");
            return problems;
        }
        if (length > MAX_LENGTH) {
            problems.add("must be at most " + MAX_LENGTH + " characters long (it has " + length + ")");
            return problems;
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            problems.add("must be at most " + MAX_BYTES + " bytes in UTF-8, and this one takes " + bytes
                    + ": accented letters and other scripts take 2 to 4 bytes each, so choose a shorter one");
            return problems;
        }
        guessability(password).ifPresent(problems::add);
        String lower = password.toLowerCase(Locale.ROOT);
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

    /** Why the password is too easy to guess, if it is. */
    private static Optional<String> guessability(String password) {
        Result result = Estimator.NBVCXZ.estimate(password);
        List<Match> matches = result.getMatches();
        if (matches.size() == 1 && matches.get(0) instanceof DictionaryMatch match
                && LEAKED.equals(match.getDictionaryName())) {
            return Optional.of("is too easy to guess: it is a common or leaked password");
        }
        if (result.getGuesses().doubleValue() >= MIN_GUESSES) {
            return Optional.empty();
        }
        boolean leakedPart = matches.stream().anyMatch(m -> m instanceof DictionaryMatch d
                && LEAKED.equals(d.getDictionaryName()));
        return Optional.of(leakedPart
                ? "is too easy to guess: it is built on a common or leaked password; add a few uncommon words"
                : "is too easy to guess: it is made of common words, names, dates, repeats or keyboard patterns;"
                        + " add a few uncommon words");
    }

    /**
     * The estimator, built once on first use: loading its dictionaries takes under a second. Its estimate keeps no
     * state, so one instance serves every thread; a pathological password is cut short after 100 ms of search.
     */
    private static final class Estimator {
        static final Nbvcxz NBVCXZ = new Nbvcxz(new ConfigurationBuilder()
                .setMinimumEntropy(Math.log(MIN_GUESSES) / Math.log(2))
                .setCombinationAlgorithmTimeout(100L)
                .setLocale(Locale.ENGLISH)
                .createConfiguration());
    }
}
