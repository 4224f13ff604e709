package org.mentoring.matching.solver;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mentoring.common.EmailAddress;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.time.WeeklyOverlap;

/**
 * Computes how a request and a mentor fit: the pair-wise hard rules (2 to 5) and the ingredients of each soft
 * preference. Caches, by identity, each person's UTC week per offset, each zone's offset per date, each list of
 * domains as numbers and the match level of each two domains, so that checking every pair of a 10,000 x 2,000 run
 * takes seconds. Not thread-safe: one per thread.
 */
public final class PairEvaluator {

    private final Map<Mentor, Map<ZoneOffset, int[]>> mentorWeeks = new IdentityHashMap<>();
    private final Map<MentorshipRequest, int[]> requestWeeks = new IdentityHashMap<>();
    private final Map<ZoneId, Map<LocalDate, ZoneOffset>> offsets = new HashMap<>();
    private final Map<List<String>, int[]> domainIds = new IdentityHashMap<>();
    private final Map<String, Integer> codeIds = new HashMap<>();
    private final List<String> codes = new java.util.ArrayList<>();
    /** Match level of two domain numbers, or -1 until computed. */
    private int[][] levels = new int[0][];
    private final Map<String, String> normalized = new IdentityHashMap<>();

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
                affinity(request.domains(), mentor.domains()),
                goalsMet(request, mentor),
                request.preferredMentorIds().indexOf(mentor.externalId()),
                !sameText(normalize(request.institution()), normalize(mentor.institution())),
                !sameText(normalize(request.country()), normalize(mentor.country())),
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
                        && EmailAddress.same(request.email(), mentor.email()))
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
        ZoneOffset mentorOffset = offsets.computeIfAbsent(mentor.timeZone(), z -> new HashMap<>())
                .computeIfAbsent(request.startDate(), d -> WeeklyOverlap.offsetOn(mentor.timeZone(), d));
        int[] mentorWeek = mentorWeeks.computeIfAbsent(mentor, m -> new HashMap<>(4))
                .computeIfAbsent(mentorOffset, o -> WeeklyOverlap.toUtcWeek(mentor.weeklyAvailability(), o));
        return WeeklyOverlap.intersection(requestWeek, mentorWeek);
    }

    /** The same as {@link Taxonomy#affinity}, with each two domains' match level computed once. */
    int affinity(List<String> rankedRequested, List<String> offered) {
        int[] requested = ids(rankedRequested);
        int[] offeredIds = ids(offered);
        int total = 0;
        for (int rank = 0; rank < requested.length; rank++) {
            int best = 0;
            for (int code : offeredIds) {
                best = Math.max(best, level(requested[rank], code));
                if (best == Taxonomy.EXACT) {
                    break;
                }
            }
            total += Taxonomy.rankWeight(rank) * best;
        }
        return total;
    }

    /** The same as {@link Taxonomy#bestLevel}, with each two domains' match level computed once. */
    int bestLevel(String requested, List<String> offered) {
        int id = id(requested);
        int best = 0;
        for (int code : ids(offered)) {
            best = Math.max(best, level(id, code));
            if (best == Taxonomy.EXACT) {
                break;
            }
        }
        return best;
    }

    private int[] ids(List<String> domains) {
        int[] ids = domainIds.get(domains);
        if (ids == null) {
            ids = new int[domains.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = id(domains.get(i));
            }
            domainIds.put(domains, ids);
        }
        return ids;
    }

    private int id(String code) {
        Integer id = codeIds.get(code);
        if (id == null) {
            id = codes.size();
            codes.add(code);
            codeIds.put(code, id);
        }
        return id;
    }

    private int level(int requested, int offered) {
        if (requested >= levels.length || offered >= levels[requested].length) {
            int size = Math.max(codes.size() * 2, 16);
            int[][] grown = Arrays.copyOf(levels, Math.max(size, levels.length));
            for (int i = 0; i < grown.length; i++) {
                int[] row = grown[i] == null ? new int[0] : grown[i];
                int old = row.length;
                if (old < size) {
                    row = Arrays.copyOf(row, size);
                    Arrays.fill(row, old, size, -1);
                }
                grown[i] = row;
            }
            levels = grown;
        }
        int level = levels[requested][offered];
        if (level < 0) {
            level = Taxonomy.matchLevel(codes.get(requested), codes.get(offered));
            levels[requested][offered] = level;
        }
        return level;
    }

    private String normalize(String text) {
        return text == null ? null : normalized.computeIfAbsent(text, t -> t.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean sameText(String a, String b) {
        return a != null && a.equals(b);
    }

    /** Languages both speak. */
    public static Set<String> sharedLanguages(MentorshipRequest request, Mentor mentor) {
        return Set.copyOf(request.languages().stream().filter(mentor.languages()::contains).toList());
    }

    static List<String> sortedCopy(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
