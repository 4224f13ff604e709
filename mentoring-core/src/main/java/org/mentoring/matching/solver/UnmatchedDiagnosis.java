package org.mentoring.matching.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mentoring.matching.domain.MentorFact;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.taxonomy.Taxonomy;

/**
 * Says in plain words why no mentor was placed with a request: which hard rule rules out which mentors, and
 * whether those who fit are all at capacity.
 */
final class UnmatchedDiagnosis {

    private UnmatchedDiagnosis() {
    }

    static List<String> reasons(MentorshipRequest request, List<MentorFact> mentors, Map<MentorFact, Integer> load,
            PairEvaluator evaluator) {
        return reasons(request, mentors, load, evaluator, Explanations.naming());
    }

    /** The reasons from checking every mentor, with the domain names of {@code names}. */
    static List<String> reasons(MentorshipRequest request, List<MentorFact> mentors, Map<MentorFact, Integer> load,
            PairEvaluator evaluator, Naming names) {
        if (mentors.isEmpty()) {
            return List.of("There are no mentors in this run");
        }
        int noLanguage = 0;
        int notAvailable = 0;
        int conflict = 0;
        int noTime = 0;
        int full = 0;
        int free = 0;
        int speakers = 0;
        String firstDomain = request.domains().isEmpty() ? null : request.domains().get(0);
        int inDomain = 0;
        int inDomainFull = 0;
        int inDomainNoTime = 0;
        int inDomainNoLanguage = 0;
        int inDomainNotAvailable = 0;
        int inDomainConflict = 0;
        for (MentorFact fact : mentors) {
            Mentor mentor = fact.getMentor();
            boolean language = !PairEvaluator.sharesLanguage(request, mentor);
            if (!language) {
                speakers++;
            }
            boolean sharesDomain = firstDomain != null
                    && evaluator.bestLevel(firstDomain, mentor.domains()) == Taxonomy.EXACT;
            if (sharesDomain) {
                inDomain++;
            }
            if (PairEvaluator.isConflict(request, mentor)) {
                conflict++;
                if (sharesDomain) {
                    inDomainConflict++;
                }
            } else if (language) {
                noLanguage++;
                if (sharesDomain) {
                    inDomainNoLanguage++;
                }
            } else if (!mentor.isAvailableOn(request.startDate())) {
                notAvailable++;
                if (sharesDomain) {
                    inDomainNotAvailable++;
                }
            } else if (evaluator.overlapMinutes(request, mentor) < request.minOverlapMinutes()) {
                noTime++;
                if (sharesDomain) {
                    inDomainNoTime++;
                }
            } else if (load.getOrDefault(fact, 0) >= mentor.capacity()) {
                full++;
                if (sharesDomain) {
                    inDomainFull++;
                }
            } else {
                free++;
            }
        }
        return reasons(request, new Counts(speakers, conflict, noLanguage, notAvailable, noTime, full, free, inDomain,
                inDomainConflict, inDomainNoLanguage, inDomainNotAvailable, inDomainNoTime, inDomainFull), names);
    }

    /**
     * How the mentors of a run stand towards one request: each mentor counted once, under the first that applies of
     * a conflict, no shared language, not available, too little time, at capacity, free; and the same over the
     * mentors who work in the request's first-choice domain ({@code inDomain} of them).
     */
    record Counts(int speakers, int conflict, int noLanguage, int notAvailable, int noTime, int full, int free,
            int inDomain, int inDomainConflict, int inDomainNoLanguage, int inDomainNotAvailable, int inDomainNoTime,
            int inDomainFull) {
    }

    /** The reasons from counts made elsewhere (by {@link PairIndex#diagnose}, without checking every mentor). */
    static List<String> reasons(MentorshipRequest request, Counts counts) {
        return reasons(request, counts, Explanations.naming());
    }

    /** The reasons from counts made elsewhere, with the domain names of {@code names}. */
    static List<String> reasons(MentorshipRequest request, Counts counts, Naming names) {
        int speakers = counts.speakers();
        int conflict = counts.conflict();
        int noLanguage = counts.noLanguage();
        int notAvailable = counts.notAvailable();
        int noTime = counts.noTime();
        int full = counts.full();
        int free = counts.free();
        int inDomain = counts.inDomain();
        int inDomainConflict = counts.inDomainConflict();
        int inDomainNoLanguage = counts.inDomainNoLanguage();
        int inDomainNotAvailable = counts.inDomainNotAvailable();
        int inDomainNoTime = counts.inDomainNoTime();
        int inDomainFull = counts.inDomainFull();
        String firstDomain = request.domains().isEmpty() ? null : request.domains().get(0);
        List<String> reasons = new ArrayList<>();
        if (speakers == 0) {
            reasons.add("No mentor shares a language with the researcher (who speaks "
                    + String.join(", ", request.languages().stream().sorted().map(Explanations::languageName)
                            .toList()) + ")");
            return reasons;
        }
        if (firstDomain != null && inDomain > 0) {
            List<String> parts = new ArrayList<>();
            if (inDomainFull > 0) {
                parts.add(count(inDomainFull, "is", "are") + " at capacity");
            }
            if (inDomainNoTime > 0) {
                parts.add(count(inDomainNoTime, "has", "have") + " too little time overlapping the researcher's");
            }
            if (inDomainNoLanguage > 0) {
                parts.add(count(inDomainNoLanguage, "shares", "share") + " no language with the researcher");
            }
            if (inDomainNotAvailable > 0) {
                parts.add(count(inDomainNotAvailable, "is", "are") + " not available on the request's start date");
            }
            if (inDomainConflict > 0) {
                parts.add(count(inDomainConflict, "is excluded as a conflict", "are excluded as conflicts")
                        + " of interest");
            }
            if (!parts.isEmpty()) {
                reasons.add(mentors(inDomain) + verb(inDomain, " shares", " share")
                        + " the request's first-choice domain " + names.domain(firstDomain) + ": "
                        + String.join("; ", parts));
            }
        } else if (firstDomain != null) {
            reasons.add("No mentor works in the request's first-choice domain " + names.domain(firstDomain));
        }
        if (full > 0) {
            String who = " who " + verb(full, "fits", "fit") + " the request's languages, dates and time "
                    + verb(full, "is", "are") + " at capacity";
            if (free > 0) {
                reasons.add(mentors(full) + who);
            } else {
                reasons.add((full == 1 ? "The only mentor" : full == 2 ? "Both mentors" : "All " + mentors(full)) + who);
            }
        }
        if (noTime > 0) {
            reasons.add(mentors(noTime) + verb(noTime, " shares a language and is available, but has less than ",
                    " share a language and are available, but have less than ")
                    + Explanations.duration(request.minOverlapMinutes())
                    + " a week overlapping the researcher's availability");
        }
        if (noLanguage > 0) {
            reasons.add(mentors(noLanguage) + verb(noLanguage, " shares", " share")
                    + " no language with the researcher");
        }
        if (notAvailable > 0) {
            reasons.add(mentors(notAvailable) + verb(notAvailable, " is", " are")
                    + " not available on the request's start date " + request.startDate());
        }
        if (conflict > 0) {
            reasons.add(mentors(conflict) + verb(conflict, " is excluded as a conflict", " are excluded as conflicts")
                    + " of interest");
        }
        if (free > 0) {
            reasons.add(mentors(free) + " could still take this request: the run ended before placing it; run "
                    + "again with a longer time limit");
        }
        return reasons;
    }

    private static String mentors(int n) {
        return n == 1 ? "1 mentor" : n + " mentors";
    }

    private static String count(int n, String singular, String plural) {
        return n + " " + verb(n, singular, plural);
    }

    private static String verb(int n, String singular, String plural) {
        return n == 1 ? singular : plural;
    }
}
