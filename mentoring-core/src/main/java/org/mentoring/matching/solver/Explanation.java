package org.mentoring.matching.solver;

import java.util.Collection;
import java.util.List;

/**
 * Why a pair was proposed, as the lines each reader sees: the researcher's, the mentor's and an admin's, in the same
 * order and saying the same facts.
 *
 * @param mentor null in a proposal saved before explanations were worded for each reader: the researcher's lines
 * @param admin null in a proposal saved before explanations were worded for each reader: the researcher's lines
 */
public record Explanation(List<String> researcher, List<String> mentor, List<String> admin) {

    public Explanation {
        researcher = researcher == null ? List.of() : List.copyOf(researcher);
        mentor = mentor == null ? researcher : List.copyOf(mentor);
        admin = admin == null ? researcher : List.copyOf(admin);
    }

    /** The lines of these sentences, for each reader. */
    public static Explanation of(Collection<Wording> sentences) {
        String[] researcher = new String[sentences.size()];
        String[] mentor = new String[researcher.length];
        String[] admin = new String[researcher.length];
        int i = 0;
        for (Wording sentence : sentences) {
            researcher[i] = sentence.researcher();
            mentor[i] = sentence.mentor();
            admin[i++] = sentence.admin();
        }
        return new Explanation(List.of(researcher), List.of(mentor), List.of(admin));
    }

    /** Lines that read the same to everyone. */
    public static Explanation same(List<String> lines) {
        return new Explanation(lines, lines, lines);
    }

    /** The lines {@code audience} reads. */
    public List<String> to(Audience audience) {
        return switch (audience) {
            case RESEARCHER -> researcher;
            case MENTOR -> mentor;
            case ADMIN -> admin;
        };
    }
}
