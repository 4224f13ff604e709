package org.mentoring.matching.solver;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.matching.domain.RequestAssignment;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.time.WeeklyOverlap;

/**
 * Plain-word sentences about one pair, used as constraint justifications and proposal explanations, each worded for
 * the researcher ("your first choice", "your time"), the mentor ("their first choice", "your time") and an admin
 * (third person, naming both).
 */
public final class Explanations {

    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth"};

    /** Where domain and topic names come from; the application registers the programme's own lists. */
    private static volatile Naming naming = Naming.CODES;

    private Explanations() {
    }

    /** Names domains and topics from now on with {@code names} (the programme's taxonomy and topic list). */
    public static void useNaming(Naming names) {
        naming = names == null ? Naming.CODES : names;
    }

    /** The naming in use now. */
    static Naming naming() {
        return naming;
    }

    /**
     * The naming in use now, remembered: each name is looked up once (the programme's lists are read from the store
     * at every look-up), for the explanations of one whole run.
     */
    static Naming rememberedNaming() {
        return Naming.remembering(naming);
    }

    /** The name people read for a taxonomy code. */
    public static String domainName(String code) {
        return naming.domain(code);
    }

    /** The name people read for a goal or mentoring topic. */
    public static String topicName(String code) {
        return naming.topic(code);
    }

    /** A country's English name. */
    public static String countryName(String code) {
        return naming.country(code);
    }

    static Wording domains(RequestAssignment a, Naming names) {
        return domains(a.getRequest(), a.getMentor().getMentor(), names);
    }

    /**
     * How close each of the request's ranked domains is to the mentor's. For the researcher, for example "Research
     * domains: heat-health matches exactly (your first choice); epidemiology: the mentor works in the same field,
     * methods (your second choice)"; for the mentor "heat-health matches yours exactly (their first choice);
     * epidemiology: you work in the same field, methods (their second choice)"; for an admin "heat-health matches
     * exactly (the researcher's first choice)".
     */
    public static Wording domains(MentorshipRequest request, Mentor mentor) {
        return domains(request, mentor, naming);
    }

    /** {@link #domains(MentorshipRequest, Mentor)} with the names of {@code names}. */
    static Wording domains(MentorshipRequest request, Mentor mentor, Naming names) {
        List<String> researcher = new ArrayList<>();
        List<String> mentors = new ArrayList<>();
        List<String> admin = new ArrayList<>();
        for (int rank = 0; rank < request.domains().size(); rank++) {
            String code = request.domains().get(rank);
            int level = Taxonomy.bestLevel(code, mentor.domains());
            String name = names.domain(code);
            String choice = ordinal(rank) + " choice)";
            String near = switch (level) {
                case Taxonomy.SAME_PARENT -> " area, " + names.domain(code.substring(0, code.lastIndexOf('/')));
                case Taxonomy.SAME_ROOT -> " field, " + names.domain(code.substring(0, code.indexOf('/')));
                default -> null;
            };
            if (level == Taxonomy.EXACT) {
                researcher.add(name + " matches exactly (your " + choice);
                mentors.add(name + " matches yours exactly (their " + choice);
                admin.add(name + " matches exactly (the researcher's " + choice);
            } else if (near != null) {
                researcher.add(name + ": the mentor works in the same" + near + " (your " + choice);
                mentors.add(name + ": you work in the same" + near + " (their " + choice);
                admin.add(name + ": the mentor works in the same" + near + " (the researcher's " + choice);
            }
        }
        if (researcher.isEmpty()) {
            return Wording.same("No research domain in common");
        }
        return new Wording("Research domains: " + String.join("; ", researcher),
                "Research domains: " + String.join("; ", mentors), "Research domains: " + String.join("; ", admin));
    }

    static Wording goals(RequestAssignment a, Naming names) {
        MentorshipRequest request = a.getRequest();
        Mentor mentor = a.getMentor().getMentor();
        String met = String.join(", ", request.goals().stream().filter(mentor.topics()::contains)
                .map(names::topic).sorted().toList());
        String neutral = "Goals the mentor offers help with: " + met;
        return new Wording(neutral, "Their goals you offer help with: " + met, neutral);
    }

    static Wording preference(RequestAssignment a) {
        String rank = ordinal(a.getFit().preferenceRank());
        return new Wording("You ranked this mentor " + rank + " among your preferred mentors",
                "They ranked you " + rank + " among their preferred mentors",
                "The researcher ranked this mentor " + rank + " among their preferred mentors");
    }

    static Wording priority() {
        String flagged = "Equity priority: the programme flagged ";
        String first = " request to be placed first";
        return new Wording(flagged + "your" + first, flagged + "their" + first, flagged + "this" + first);
    }

    static Wording time(RequestAssignment a) {
        return time(a.getRequest(), a.getMentor().getMentor(), a.getFit().overlapMinutes());
    }

    /**
     * The weekly time together and when it is, in both local times. For the researcher, for example "2 h a week
     * together: Tue 07:00-09:00 your time (Tue 18:00-20:00 in Africa/Nairobi)"; for the mentor "Tue 18:00-20:00
     * your time (Tue 07:00-09:00 theirs, in America/Vancouver)", in the order of the mentor's week; for an admin
     * "Tue 07:00-09:00 researcher's time (Tue 18:00-20:00 mentor's time); researcher in America/Vancouver, mentor in
     * Africa/Nairobi".
     */
    public static Wording time(MentorshipRequest request, Mentor mentor, int overlapMinutes) {
        ZoneOffset requestOffset = WeeklyOverlap.offsetOn(request.timeZone(), request.startDate());
        ZoneOffset mentorOffset = WeeklyOverlap.offsetOn(mentor.timeZone(), request.startDate());
        int[] common = WeeklyOverlap.intersectionIntervals(
                WeeklyOverlap.toUtcWeek(request.weeklyAvailability(), requestOffset),
                WeeklyOverlap.toUtcWeek(mentor.weeklyAvailability(), mentorOffset));
        String together = duration(overlapMinutes) + " a week together: ";
        Windows windows = new Windows(common, requestOffset, mentorOffset);
        int[] researcherOrder = windows.inLocalOrder(requestOffset);
        int[] mentorOrder = windows.inLocalOrder(mentorOffset);
        return new Wording(
                together + windows.describe(researcherOrder, true, " your time (", " in " + mentor.timeZone()),
                together + windows.describe(mentorOrder, false, " your time (", " theirs, in " + request.timeZone()),
                together + windows.describe(researcherOrder, true, " researcher's time (", " mentor's time")
                        + "; researcher in " + request.timeZone() + ", mentor in " + mentor.timeZone());
    }

    /**
     * The windows of a packed UTC week as {@code [start, end]} pairs, a window across the end of the UTC week joined
     * into one (starting before minute 0), each written once in the researcher's and once in the mentor's local time
     * (only the first four in either's order are ever written).
     */
    private static final class Windows {
        final int[] starts;
        final int[] ends;
        final String[] inResearchers;
        final String[] inMentors;
        final ZoneOffset researcher;
        final ZoneOffset mentor;

        Windows(int[] common, ZoneOffset researcher, ZoneOffset mentor) {
            this.researcher = researcher;
            this.mentor = mentor;
            int n = common.length / 2;
            int[] s = new int[n];
            int[] e = new int[n];
            for (int i = 0; i < n; i++) {
                s[i] = common[2 * i];
                e[i] = common[2 * i + 1];
            }
            int last = n - 1;
            if (last > 0 && s[0] == 0 && e[last] == WeeklyOverlap.MINUTES_PER_WEEK) {
                s[0] = s[last] - WeeklyOverlap.MINUTES_PER_WEEK;
                n--;
            }
            starts = java.util.Arrays.copyOf(s, n);
            ends = java.util.Arrays.copyOf(e, n);
            inResearchers = new String[n];
            inMentors = new String[n];
        }

        /** The windows' positions in the order of the local week at {@code offset} (ties: UTC order). */
        int[] inLocalOrder(ZoneOffset offset) {
            int n = starts.length;
            int shift = offset.getTotalSeconds() / 60;
            int[] order = new int[n];
            int[] keys = new int[n];
            for (int i = 0; i < n; i++) {
                int key = Math.floorMod(starts[i] + shift, WeeklyOverlap.MINUTES_PER_WEEK);
                int k = i - 1;
                while (k >= 0 && keys[k] > key) {
                    keys[k + 1] = keys[k];
                    order[k + 1] = order[k];
                    k--;
                }
                keys[k + 1] = key;
                order[k + 1] = i;
            }
            return order;
        }

        private String inResearchers(int i) {
            if (inResearchers[i] == null) {
                inResearchers[i] = WeeklyOverlap.describe(starts[i], ends[i], researcher);
            }
            return inResearchers[i];
        }

        private String inMentors(int i) {
            if (inMentors[i] == null) {
                inMentors[i] = WeeklyOverlap.describe(starts[i], ends[i], mentor);
            }
            return inMentors[i];
        }

        /**
         * At most four windows in the reader's week, each in the reader's time then, in brackets, in the other's, for
         * example "Tue 07:00-09:00 your time (Tue 18:00-20:00 in Africa/Nairobi)".
         */
        String describe(int[] order, boolean researcherReads, String readerLabel, String otherLabel) {
            StringBuilder text = new StringBuilder(64 * Math.min(4, order.length) + 16);
            int written = Math.min(4, order.length);
            for (int k = 0; k < written; k++) {
                int i = order[k];
                if (k > 0) {
                    text.append(", ");
                }
                text.append(researcherReads ? inResearchers(i) : inMentors(i)).append(readerLabel)
                        .append(researcherReads ? inMentors(i) : inResearchers(i)).append(otherLabel).append(')');
            }
            if (order.length > written) {
                text.append(" and more");
            }
            return text.toString();
        }
    }

    static Wording crossing(RequestAssignment a, Naming names) {
        PairFit fit = a.getFit();
        MentorshipRequest request = a.getRequest();
        Mentor mentor = a.getMentor().getMentor();
        List<String> parts = new ArrayList<>();
        if (fit.crossesInstitution()) {
            parts.add("institutions (" + request.institution() + " and " + mentor.institution() + ")");
        }
        if (fit.crossesCountry()) {
            parts.add("countries (" + names.country(request.country()) + " and " + names.country(mentor.country())
                    + ")");
        }
        return Wording.same("Connects across " + String.join(" and ", parts));
    }

    /** The shared languages, by their English names: the same for every reader. */
    public static Wording languages(MentorshipRequest request, Mentor mentor) {
        List<String> names = PairEvaluator.sortedCopy(PairEvaluator.sharedLanguages(request, mentor)).stream()
                .map(Explanations::languageName).toList();
        return Wording.same("Shared language" + (names.size() > 1 ? "s" : "") + ": " + String.join(", ", names));
    }

    /** Why a pair breaks a pair-wise hard rule, in plain words. */
    public static Wording broken(HardRule rule, MentorshipRequest request, Mentor mentor, PairFit fit) {
        return switch (rule) {
            case LANGUAGE -> {
                String theirs = languageList(request.languages());
                String mentors = languageList(mentor.languages());
                yield new Wording("No shared language: you speak " + theirs + ", the mentor speaks " + mentors,
                        "No shared language: they speak " + theirs + ", you speak " + mentors,
                        "No shared language: the researcher speaks " + theirs + ", the mentor speaks " + mentors);
            }
            case DATES -> {
                String available = " available from " + mentor.availableFrom()
                        + (mentor.availableUntil() == null ? "" : " until " + mentor.availableUntil()) + ", not on ";
                String start = " start date " + request.startDate();
                yield new Wording("The mentor is" + available + "your" + start, "You are" + available + "their" + start,
                        "The mentor is" + available + "the researcher's" + start);
            }
            case CONFLICT -> request.excludedMentorIds().contains(mentor.externalId())
                    ? new Wording("You asked not to be matched with this mentor",
                            "They asked not to be matched with you",
                            "The researcher asked not to be matched with this mentor")
                    : new Wording("The mentor is the same person as the researcher",
                            "You are the same person as the researcher",
                            "The mentor is the same person as the researcher");
            case TIME_TOGETHER -> Wording.same("Only " + duration(fit.overlapMinutes())
                    + " a week together, less than the " + duration(request.minOverlapMinutes()) + " asked for");
            case CAPACITY -> new Wording("The mentor has no free place", "You have no free place",
                    "The mentor has no free place");
        };
    }

    /** A proposed mentor with more mentees than places, which a feasible run never shows. */
    static Wording overCapacity() {
        return new Wording("Breaks a hard rule: the mentor has more mentees than places",
                "Breaks a hard rule: you have more mentees than places",
                "Breaks a hard rule: the mentor has more mentees than places");
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
        return LANGUAGE_NAMES.computeIfAbsent(code, c -> {
            String name = Locale.forLanguageTag(c).getDisplayLanguage(Locale.ENGLISH);
            return name.isEmpty() ? c : name;
        });
    }

    /** English language names by code: the same for every run, so kept. */
    private static final java.util.Map<String, String> LANGUAGE_NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String languageList(java.util.Collection<String> codes) {
        return String.join(", ", codes.stream().sorted().map(Explanations::languageName).toList());
    }
}
