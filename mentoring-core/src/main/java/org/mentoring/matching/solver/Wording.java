package org.mentoring.matching.solver;

import java.util.Objects;

/**
 * One sentence about a pair, worded for each reader: the same facts, with "you" meaning the researcher, the mentor,
 * or nobody (an admin's third person).
 */
public record Wording(String researcher, String mentor, String admin) {

    public Wording {
        Objects.requireNonNull(researcher, "researcher");
        Objects.requireNonNull(mentor, "mentor");
        Objects.requireNonNull(admin, "admin");
    }

    /** A sentence that reads the same to everyone, such as the shared languages. */
    public static Wording same(String text) {
        return new Wording(text, text, text);
    }

    /** The sentence as {@code audience} reads it. */
    public String to(Audience audience) {
        return switch (audience) {
            case RESEARCHER -> researcher;
            case MENTOR -> mentor;
            case ADMIN -> admin;
        };
    }

    /** This sentence after {@code prefix}, for each reader. */
    Wording after(String prefix) {
        return new Wording(prefix + researcher, prefix + mentor, prefix + admin);
    }
}
