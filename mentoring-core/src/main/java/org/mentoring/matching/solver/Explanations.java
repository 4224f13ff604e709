package org.mentoring.matching.solver;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.matching.domain.RequestAssignment;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.time.WeeklyOverlap;

/** Plain-word sentences about one pair, used as constraint justifications and proposal explanations. */
public final class Explanations {

    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth"};

    private Explanations() {
    }

    static String domains(RequestAssignment a) {
        return domains(a.getRequest(), a.getMentor().getMentor());
    }

    /** For example "Research domains: heat-health matches exactly (your first choice); epidemiology: same field". */
    public static String domains(MentorshipRequest request, Mentor mentor) {
        List<String> parts = new ArrayList<>();
        for (int rank = 0; rank < request.domains().size(); rank++) {
            String code = request.domains().get(rank);
            int level = Taxonomy.bestLevel(code, mentor.domains());
            String name = shortName(code);
            String choice = " (your " + ordinal(rank) + " choice)";
            switch (level) {
                case Taxonomy.EXACT -> parts.add(name + " matches exactly" + choice);
                case Taxonomy.SAME_PARENT -> parts.add(name + ": the mentor works in the same area, "
                        + shortName(code.substring(0, code.lastIndexOf('/'))) + choice);
                case Taxonomy.SAME_ROOT -> parts.add(name + ": the mentor works in the same field, "
                        + code.substring(0, code.indexOf('/')) + choice);
                default -> {
                }
            }
        }
        return parts.isEmpty() ? "No research domain in common" : "Research domains: " + String.join("; ", parts);
    }

    static String goals(RequestAssignment a) {
        MentorshipRequest request = a.getRequest();
        Mentor mentor = a.getMentor().getMentor();
        List<String> met = request.goals().stream().filter(mentor.topics()::contains).sorted().toList();
        return "Goals the mentor offers help with: " + String.join(", ", met);
    }

    static String preference(RequestAssignment a) {
        return "You ranked this mentor " + ordinal(a.getFit().preferenceRank()) + " among your preferred mentors";
    }

    static String time(RequestAssignment a) {
        return time(a.getRequest(), a.getMentor().getMentor(), a.getFit().overlapMinutes());
    }

    /** For example "2 h a week together: Tue 07:00-09:00 your time (Tue 18:00-20:00 in Africa/Nairobi)". */
    public static String time(MentorshipRequest request, Mentor mentor, int overlapMinutes) {
        ZoneOffset requestOffset = WeeklyOverlap.offsetOn(request.timeZone(), request.startDate());
        ZoneOffset mentorOffset = WeeklyOverlap.offsetOn(mentor.timeZone(), request.startDate());
        int[] common = WeeklyOverlap.intersectionIntervals(
                WeeklyOverlap.toUtcWeek(request.weeklyAvailability(), requestOffset),
                WeeklyOverlap.toUtcWeek(mentor.weeklyAvailability(), mentorOffset));
        List<int[]> spans = windowsInLocalOrder(common, requestOffset);
        List<String> windows = new ArrayList<>();
        for (int i = 0; i < spans.size() && windows.size() < 4; i++) {
            int[] span = spans.get(i);
            windows.add(WeeklyOverlap.describe(span[0], span[1], requestOffset) + " your time ("
                    + WeeklyOverlap.describe(span[0], span[1], mentorOffset) + " in " + mentor.timeZone() + ")");
        }
        String more = spans.size() > windows.size() ? " and more" : "";
        return duration(overlapMinutes) + " a week together: " + String.join(", ", windows) + more;
    }

    /**
     * The windows of a packed UTC week as {@code [start, end]} pairs, a window across the end of the UTC week joined
     * into one (starting before minute 0), in the order of the researcher's local week.
     */
    private static List<int[]> windowsInLocalOrder(int[] common, ZoneOffset offset) {
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < common.length; i += 2) {
            spans.add(new int[] {common[i], common[i + 1]});
        }
        int last = spans.size() - 1;
        if (last > 0 && spans.get(0)[0] == 0 && spans.get(last)[1] == WeeklyOverlap.MINUTES_PER_WEEK) {
            spans.get(0)[0] = spans.remove(last)[0] - WeeklyOverlap.MINUTES_PER_WEEK;
        }
        int shift = offset.getTotalSeconds() / 60;
        spans.sort(Comparator.comparingInt(span -> Math.floorMod(span[0] + shift, WeeklyOverlap.MINUTES_PER_WEEK)));
        return spans;
    }

    static String crossing(RequestAssignment a) {
        PairFit fit = a.getFit();
        MentorshipRequest request = a.getRequest();
        Mentor mentor = a.getMentor().getMentor();
        List<String> parts = new ArrayList<>();
        if (fit.crossesInstitution()) {
            parts.add("institutions (" + request.institution() + " and " + mentor.institution() + ")");
        }
        if (fit.crossesCountry()) {
            parts.add("countries (" + request.country() + " and " + mentor.country() + ")");
        }
        return "Connects across " + String.join(" and ", parts);
    }

    /** The shared languages, by their English names. */
    public static String languages(MentorshipRequest request, Mentor mentor) {
        List<String> names = PairEvaluator.sortedCopy(PairEvaluator.sharedLanguages(request, mentor)).stream()
                .map(Explanations::languageName).toList();
        return "Shared language" + (names.size() > 1 ? "s" : "") + ": " + String.join(", ", names);
    }

    static String broken(HardRule rule, RequestAssignment a) {
        return broken(rule, a.getRequest(), a.getMentor().getMentor(), a.getFit());
    }

    /** Why a pair breaks a pair-wise hard rule, in plain words. */
    public static String broken(HardRule rule, MentorshipRequest request, Mentor mentor, PairFit fit) {
        return switch (rule) {
            case LANGUAGE -> "No shared language: you speak " + languageList(request.languages())
                    + ", the mentor speaks " + languageList(mentor.languages());
            case DATES -> "The mentor is available from " + mentor.availableFrom()
                    + (mentor.availableUntil() == null ? "" : " until " + mentor.availableUntil())
                    + ", not on your start date " + request.startDate();
            case CONFLICT -> request.excludedMentorIds().contains(mentor.externalId())
                    ? "You asked not to be matched with this mentor"
                    : "The mentor is the same person as the researcher";
            case TIME_TOGETHER -> "Only " + duration(fit.overlapMinutes()) + " a week together, less than the "
                    + duration(request.minOverlapMinutes()) + " asked for";
            case CAPACITY -> "The mentor has no free place";
        };
    }

    /** For example "1 h 30 min". */
    public static String duration(int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }

    static String ordinal(int rank) {
        return rank < ORDINALS.length ? ORDINALS[rank] : (rank + 1) + "th";
    }

    static String shortName(String code) {
        return code.substring(code.lastIndexOf('/') + 1);
    }

    static String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }

    private static String languageList(java.util.Collection<String> codes) {
        return String.join(", ", codes.stream().sorted().map(Explanations::languageName).toList());
    }
}
