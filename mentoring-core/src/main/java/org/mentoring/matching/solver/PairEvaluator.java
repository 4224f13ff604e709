package org.mentoring.matching.solver;

import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.time.WeeklyOverlap;

/**
 * Computes how a request and a mentor fit: the pair-wise hard rules (2 to 5) and the ingredients of each soft
 * preference. Caches each person's UTC week per offset, so that checking every pair of a 10,000 x 2,000 run takes
 * seconds. Not thread-safe: one per thread.
 */
public final class PairEvaluator {

    private final Map<Mentor, Map<ZoneOffset, int[]>> mentorWeeks = new HashMap<>();
    private final Map<MentorshipRequest, int[]> requestWeeks = new HashMap<>();

    /** The full fit of a pair. */
    public PairFit fit(MentorshipRequest request, Mentor mentor) {
        EnumSet<HardRule> broken = EnumSet.noneOf(HardRule.class);
        if (!sharesLanguage(request, mentor)) {
            broken.add(HardRule.LANGUAGE);
        }
        if (!mentor.isAvailableOn(request.startDate())) {
            broken.add(HardRule.DATES);
        }
        if (isConflict(request, mentor)) {
            broken.add(HardRule.CONFLICT);
        }
        int overlap = overlapMinutes(request, mentor);
        if (overlap < request.minOverlapMinutes()) {
            broken.add(HardRule.TIME_TOGETHER);
        }
        return new PairFit(overlap,
                Taxonomy.affinity(request.domains(), mentor.domains()),
                goalsMet(request, mentor),
                request.preferredMentorIds().indexOf(mentor.externalId()),
                !sameText(request.institution(), mentor.institution()),
                !sameText(request.country(), mentor.country()),
                broken);
    }

    /** Whether the pair passes rules 2 to 5; cheaper than {@link #fit} for pairs that fail. */
    public boolean allowed(MentorshipRequest request, Mentor mentor) {
        return sharesLanguage(request, mentor)
                && mentor.isAvailableOn(request.startDate())
                && !isConflict(request, mentor)
                && overlapMinutes(request, mentor) >= request.minOverlapMinutes();
    }

    public static boolean sharesLanguage(MentorshipRequest request, Mentor mentor) {
        for (String language : request.languages()) {
            if (mentor.languages().contains(language)) {
                return true;
            }
        }
        return false;
    }

    /** Rule 4: an excluded mentor, or the researcher themself (same email or same externalId). */
    public static boolean isConflict(MentorshipRequest request, Mentor mentor) {
        return request.excludedMentorIds().contains(mentor.externalId())
                || (request.email() != null && mentor.email() != null
                        && request.email().equalsIgnoreCase(mentor.email()))
                || request.externalId().equals(mentor.externalId());
    }

    public static int goalsMet(MentorshipRequest request, Mentor mentor) {
        int met = 0;
        for (String goal : request.goals()) {
            if (mentor.topics().contains(goal)) {
                met++;
            }
        }
        return met;
    }

    /** Weekly minutes together on the request's start date (rule 2). */
    public int overlapMinutes(MentorshipRequest request, Mentor mentor) {
        int[] requestWeek = requestWeeks.computeIfAbsent(request, r -> WeeklyOverlap.toUtcWeek(
                r.weeklyAvailability(), WeeklyOverlap.offsetOn(r.timeZone(), r.startDate())));
        ZoneOffset mentorOffset = WeeklyOverlap.offsetOn(mentor.timeZone(), request.startDate());
        int[] mentorWeek = mentorWeeks.computeIfAbsent(mentor, m -> new HashMap<>(4))
                .computeIfAbsent(mentorOffset, o -> WeeklyOverlap.toUtcWeek(mentor.weeklyAvailability(), o));
        return WeeklyOverlap.intersection(requestWeek, mentorWeek);
    }

    private static boolean sameText(String a, String b) {
        return a != null && b != null && a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }

    /** Languages both speak. */
    public static Set<String> sharedLanguages(MentorshipRequest request, Mentor mentor) {
        return Set.copyOf(request.languages().stream().filter(mentor.languages()::contains).toList());
    }

    static List<String> sortedCopy(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
