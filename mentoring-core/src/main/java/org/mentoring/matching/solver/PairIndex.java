package org.mentoring.matching.solver;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.mentoring.common.EmailAddress;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.time.WeeklyOverlap;

/**
 * Finds each request's allowed mentors without checking every request against every mentor, and gives each allowed
 * pair its value under the run's weights, in primitive arrays: what the candidate pruning and the optimality
 * certificate stream through, request by request, in memory of the order of requests plus mentors.
 *
 * <p>Mentors are indexed by language (a set of mentors per language), by date (the mentors available on each start
 * date that requests have) and by time of week (for each start date, the set of mentors available in each 30-minute
 * bucket of the UTC week, with each zone's offset on that date). A request's candidates are the mentors who share
 * one of its languages, are available on its start date and touch enough of its buckets to possibly reach its
 * minimum overlap (a bucket holds at most 30 minutes of overlap); only those are checked with the exact rules
 * (rules 2 to 5 as {@link PairEvaluator#allowed}) and valued as {@link PairPreference#value}. A test checks both
 * against {@link PairEvaluator} and {@link PairPreference} on random communities.
 */
final class PairIndex {

    static final int BUCKET_MINUTES = 30;
    static final int BUCKETS = WeeklyOverlap.MINUTES_PER_WEEK / BUCKET_MINUTES;

    /** Receives the allowed pairs of one request at a time; called on several threads, one request per call. */
    @FunctionalInterface
    interface PairScan {
        /** The request's allowed mentors (ascending indexes) and their values, in the first {@code count} places. */
        void request(int request, int[] mentors, long[] values, int count);
    }

    /** The same, with each allowed pair's weekly minutes together. */
    @FunctionalInterface
    interface TimedPairScan {
        /** As {@link PairScan#request}, with the pairs' weekly minutes together in {@code overlaps}. */
        void request(int request, int[] mentors, long[] values, int[] overlaps, int count);
    }

    private final List<MentorshipRequest> requests;
    private final List<Mentor> mentors;
    private final int words;
    // mentors
    private final long[][] languageMentors;
    private final int[] mentorFrom;
    private final int[] mentorUntil;
    private final int[][] mentorDomains;
    private final int[][] mentorTopics;
    /** Each mentor's topics among the requests' goals as bits, when there are at most 64 goals; else null. */
    private final long[] mentorTopicBits;
    private final int[] mentorInstitution;
    private final int[] mentorCountry;
    private final int[] mentorZone;
    private final ZoneId[] zones;
    private final List<Map<ZoneOffset, int[]>> mentorWeeks;
    // requests
    private final int[][] requestLanguages;
    private final int[][] requestDomains;
    private final int[][] requestGoals;
    /** Each request's goals as bits, or -1 when they cannot be counted as bits (more than 64 goals, or repeats). */
    private final long[] requestGoalBits;
    private final int[][] conflicts;
    private final int[][] preferred;
    private final int[] requestInstitution;
    private final int[] requestCountry;
    private final int[] requestDay;
    private final boolean[] requestPriority;
    /** Requests by start date, each list ascending. */
    private final TreeMap<LocalDate, int[]> byDate = new TreeMap<>();
    // domains
    private final int[][] levels;
    /**
     * For each domain a request ranks (by domain number; null for the others), each mentor's best match level with
     * it, as {@link PairEvaluator#bestLevel}: the affinity of a pair is then one look-up per ranked domain.
     */
    private final byte[][] mentorLevels;
    private final List<String> domainCodes;
    private final Map<String, Integer> domainIds;
    // weights
    private final long wAffinity;
    private final long wGoals;
    private final long wPreferred;
    private final long wOverlap;
    private final long wPriority;
    private final long wCross;

    PairIndex(List<MentorshipRequest> requests, List<Mentor> mentors, MatchingWeights weights) {
        this.requests = requests;
        this.mentors = mentors;
        int m = mentors.size();
        this.words = (m + 63) >>> 6;
        wAffinity = PairPreference.DOMAIN_AFFINITY.weight(weights);
        wGoals = PairPreference.GOALS.weight(weights);
        wPreferred = PairPreference.PREFERRED_MENTOR.weight(weights);
        wOverlap = PairPreference.EXTRA_OVERLAP.weight(weights);
        wPriority = PairPreference.PRIORITY.weight(weights);
        wCross = PairPreference.CROSS_INSTITUTION.weight(weights);

        Map<String, Integer> languageIds = new HashMap<>();
        Map<String, Integer> topicIds = new HashMap<>();
        Map<String, Integer> placeIds = new HashMap<>();
        domainIds = new HashMap<>();
        domainCodes = new ArrayList<>();
        Map<ZoneId, Integer> zoneIds = new HashMap<>();
        Map<String, List<Integer>> mentorsById = new HashMap<>();
        Map<String, List<Integer>> mentorsByEmail = new HashMap<>();
        for (MentorshipRequest request : requests) {
            for (String goal : request.goals()) {
                topicIds.putIfAbsent(goal, topicIds.size());
            }
        }
        mentorFrom = new int[m];
        mentorUntil = new int[m];
        mentorDomains = new int[m][];
        mentorTopics = new int[m][];
        mentorInstitution = new int[m];
        mentorCountry = new int[m];
        mentorZone = new int[m];
        mentorWeeks = new ArrayList<>(m);
        List<long[]> languageSets = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            Mentor mentor = mentors.get(j);
            for (String language : mentor.languages()) {
                int id = languageIds.computeIfAbsent(language, k -> languageIds.size());
                if (id == languageSets.size()) {
                    languageSets.add(new long[words]);
                }
                languageSets.get(id)[j >>> 6] |= 1L << j;
            }
            mentorFrom[j] = (int) mentor.availableFrom().toEpochDay();
            mentorUntil[j] = mentor.availableUntil() == null ? Integer.MAX_VALUE
                    : (int) mentor.availableUntil().toEpochDay();
            mentorDomains[j] = domainIds(mentor.domains());
            mentorTopics[j] = mentor.topics().stream().map(topicIds::get).filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue).sorted().toArray();
            mentorInstitution[j] = placeId(placeIds, mentor.institution());
            mentorCountry[j] = placeId(placeIds, mentor.country());
            mentorZone[j] = zoneIds.computeIfAbsent(mentor.timeZone(), z -> zoneIds.size());
            mentorWeeks.add(new HashMap<>(2));
            mentorsById.computeIfAbsent(mentor.externalId(), k -> new ArrayList<>()).add(j);
            if (mentor.email() != null) {
                mentorsByEmail.computeIfAbsent(EmailAddress.canonical(mentor.email()), k -> new ArrayList<>()).add(j);
            }
        }
        languageMentors = languageSets.toArray(new long[0][]);
        zones = new ZoneId[zoneIds.size()];
        zoneIds.forEach((zone, id) -> zones[id] = zone);
        int n = requests.size();
        requestLanguages = new int[n][];
        requestDomains = new int[n][];
        requestGoals = new int[n][];
        conflicts = new int[n][];
        preferred = new int[n][];
        requestInstitution = new int[n];
        requestCountry = new int[n];
        requestDay = new int[n];
        requestPriority = new boolean[n];
        Map<LocalDate, List<Integer>> dates = new HashMap<>();
        for (int r = 0; r < n; r++) {
            MentorshipRequest request = requests.get(r);
            requestLanguages[r] = request.languages().stream().map(languageIds::get)
                    .filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).toArray();
            requestDomains[r] = domainIds(request.domains());
            requestGoals[r] = request.goals().stream().mapToInt(topicIds::get).toArray();
            java.util.TreeSet<Integer> conflict = new java.util.TreeSet<>();
            for (String excluded : request.excludedMentorIds()) {
                conflict.addAll(mentorsById.getOrDefault(excluded, List.of()));
            }
            conflict.addAll(mentorsById.getOrDefault(request.externalId(), List.of()));
            if (request.email() != null) {
                conflict.addAll(mentorsByEmail.getOrDefault(EmailAddress.canonical(request.email()), List.of()));
            }
            conflicts[r] = conflict.stream().mapToInt(Integer::intValue).toArray();
            // pairs of (mentor, rank), the first rank of each mentor, as List.indexOf gives it
            Map<Integer, Integer> ranks = new HashMap<>();
            List<String> preferredIds = request.preferredMentorIds();
            for (int rank = 0; rank < preferredIds.size(); rank++) {
                for (int j : mentorsById.getOrDefault(preferredIds.get(rank), List.of())) {
                    ranks.putIfAbsent(j, rank);
                }
            }
            int[] pref = new int[ranks.size() * 2];
            int k = 0;
            for (Map.Entry<Integer, Integer> e : ranks.entrySet()) {
                pref[k++] = e.getKey();
                pref[k++] = e.getValue();
            }
            preferred[r] = pref;
            requestInstitution[r] = placeId(placeIds, request.institution());
            requestCountry[r] = placeId(placeIds, request.country());
            requestDay[r] = (int) request.startDate().toEpochDay();
            requestPriority[r] = request.priority();
            dates.computeIfAbsent(request.startDate(), d -> new ArrayList<>()).add(r);
        }
        dates.forEach((date, list) -> byDate.put(date, list.stream().mapToInt(Integer::intValue).toArray()));
        levels = new int[domainCodes.size()][domainCodes.size()];
        for (int a = 0; a < levels.length; a++) {
            for (int b = 0; b < levels.length; b++) {
                levels[a][b] = Taxonomy.matchLevel(domainCodes.get(a), domainCodes.get(b));
            }
        }
        mentorLevels = new byte[domainCodes.size()][];
        for (int r = 0; r < n; r++) {
            for (int requested : requestDomains[r]) {
                if (mentorLevels[requested] == null) {
                    byte[] row = new byte[m];
                    int[] match = levels[requested];
                    for (int j = 0; j < m; j++) {
                        int best = 0;
                        for (int code : mentorDomains[j]) {
                            best = Math.max(best, match[code]);
                            if (best == Taxonomy.EXACT) {
                                break;
                            }
                        }
                        row[j] = (byte) best;
                    }
                    mentorLevels[requested] = row;
                }
            }
        }
        boolean bits = topicIds.size() <= 64;
        mentorTopicBits = bits ? new long[m] : null;
        requestGoalBits = new long[n];
        for (int j = 0; bits && j < m; j++) {
            for (int topic : mentorTopics[j]) {
                mentorTopicBits[j] |= 1L << topic;
            }
        }
        for (int r = 0; r < n; r++) {
            long goals = 0;
            boolean repeats = false;
            for (int goal : requestGoals[r]) {
                repeats |= (goals & (1L << goal)) != 0;
                goals |= 1L << goal;
            }
            requestGoalBits[r] = bits && !repeats ? goals : -1;
        }
    }

    private int[] domainIds(List<String> codes) {
        int[] ids = new int[codes.size()];
        for (int i = 0; i < ids.length; i++) {
            String code = codes.get(i);
            Integer id = domainIds.get(code);
            if (id == null) {
                id = domainCodes.size();
                domainCodes.add(code);
                domainIds.put(code, id);
            }
            ids[i] = id;
        }
        return ids;
    }

    /** The same normalization as the explanations' "another institution / country": trimmed, lower case. */
    private static int placeId(Map<String, Integer> ids, String text) {
        return text == null ? -1 : ids.computeIfAbsent(text.trim().toLowerCase(Locale.ROOT), k -> ids.size());
    }

    int requestCount() {
        return requests.size();
    }

    int mentorCount() {
        return mentors.size();
    }

    /**
     * Streams the allowed pairs of every request that {@code include} accepts, request by request, the requests of
     * one start date at a time, in parallel within a date. Memory: the index of one date and one scratch row per
     * thread.
     */
    void scan(IntPredicate include, PairScan visitor) {
        scan(include, null, visitor);
    }

    /**
     * Streams, for every request, its allowed pairs that may be among its {@code keep} best by value; the others are
     * never checked against the exact rules: once {@code keep} pairs are valued, a candidate whose value bound
     * (everything but its time together, plus the most that time can add) is below the lowest of the {@code keep}
     * best so far cannot enter them, and its time together is not computed. The {@code keep} best pairs (and so the
     * best value) are exactly those of {@link #scan(IntPredicate, PairScan)}; the visitor sees them among the
     * others that were valued. {@code skipped} receives, per request, how many candidates were passed over that way
     * (they may or may not be allowed).
     */
    void scanBest(int keep, PairScan visitor, java.util.function.IntBinaryOperator skipped) {
        scanBestWithTime(keep, (r, ms, vs, overlaps, count) -> visitor.request(r, ms, vs, count), skipped);
    }

    /** As {@link #scanBest}, with each valued pair's weekly minutes together, for its {@link #fit}. */
    void scanBestWithTime(int keep, TimedPairScan visitor, java.util.function.IntBinaryOperator skipped) {
        // keeping as many as there are mentors skips nothing
        int best = keep >= mentors.size() ? 0 : keep;
        for (Map.Entry<LocalDate, int[]> entry : byDate.entrySet()) {
            int[] group = entry.getValue();
            if (group.length == 0) {
                continue;
            }
            DateIndex index = new DateIndex(entry.getKey());
            ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(words, mentors.size()));
            IntStream stream = IntStream.of(group);
            (group.length > 64 ? stream.parallel() : stream).forEach(r -> {
                Scratch s = scratch.get();
                int count = index.allowed(r, s, null, true, best);
                skipped.applyAsInt(r, s.skipped);
                visitor.request(r, s.mentors, s.values, s.overlaps, count);
            });
        }
    }

    /** May a pair matter at all; checked on each candidate before the exact rules and the value. */
    @FunctionalInterface
    interface PairFilter {
        boolean test(int request, int mentor);
    }

    /**
     * The same, checking with the exact rules and valuing only the candidates {@code filter} accepts (null: all):
     * the visitor sees only those of the allowed pairs.
     */
    void scan(IntPredicate include, PairFilter filter, PairScan visitor) {
        for (Map.Entry<LocalDate, int[]> entry : byDate.entrySet()) {
            int[] group = Arrays.stream(entry.getValue()).filter(include).toArray();
            if (group.length == 0) {
                continue;
            }
            DateIndex index = new DateIndex(entry.getKey());
            ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(words, mentors.size()));
            IntStream stream = IntStream.of(group);
            (group.length > 64 ? stream.parallel() : stream).forEach(r -> {
                Scratch s = scratch.get();
                int count = index.allowed(r, s, filter, true, 0);
                visitor.request(r, s.mentors, s.values, count);
            });
        }
    }

    /**
     * How the mentors stand towards each request that {@code include} accepts, for the reasons it is unmatched, in
     * the order {@link UnmatchedDiagnosis} counts them: a conflict, else no shared language, else not available, else
     * too little time, else at capacity ({@code full}), else free; with the same counts over the mentors who work in
     * the request's first-choice domain. Indexed by request; null for the others.
     */
    UnmatchedDiagnosis.Counts[] diagnose(IntPredicate include, long[] full) {
        UnmatchedDiagnosis.Counts[] counts = new UnmatchedDiagnosis.Counts[requests.size()];
        Map<Integer, long[]> domainSets = new java.util.concurrent.ConcurrentHashMap<>();
        for (Map.Entry<LocalDate, int[]> entry : byDate.entrySet()) {
            int[] group = Arrays.stream(entry.getValue()).filter(include).toArray();
            if (group.length == 0) {
                continue;
            }
            DateIndex index = new DateIndex(entry.getKey(), true);
            ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(words, mentors.size()));
            IntStream stream = IntStream.of(group);
            (group.length > 64 ? stream.parallel() : stream).forEach(r -> {
                long[] domain = requestDomains[r].length == 0 ? null
                        : domainSets.computeIfAbsent(requestDomains[r][0], this::exactDomainMentors);
                counts[r] = diagnose(r, index, scratch.get(), full, domain);
            });
        }
        return counts;
    }

    private long[] exactDomainMentors(int requested) {
        long[] set = new long[words];
        byte[] row = mentorLevels[requested];
        for (int j = 0; j < mentors.size(); j++) {
            if (row[j] == Taxonomy.EXACT) {
                set[j >>> 6] |= 1L << j;
            }
        }
        return set;
    }

    private UnmatchedDiagnosis.Counts diagnose(int r, DateIndex index, Scratch s, long[] full, long[] domain) {
        int allowedCount = index.allowed(r, s, null, false, 0);
        long[] allowed = new long[words];
        for (int i = 0; i < allowedCount; i++) {
            allowed[s.mentors[i] >>> 6] |= 1L << s.mentors[i];
        }
        long[] language = languages(r);
        long[] conflict = new long[words];
        for (int j : conflicts[r]) {
            conflict[j >>> 6] |= 1L << j;
        }
        int[] all = new int[6];
        int[] inDomain = new int[6];
        int speakers = 0;
        int domainCount = 0;
        for (int w = 0; w < words; w++) {
            long valid = w == words - 1 && (mentors.size() & 63) != 0 ? (1L << (mentors.size() & 63)) - 1 : -1L;
            long c = conflict[w] & valid;
            long rest = valid & ~c;
            long speaking = rest & language[w];
            long[] parts = {c, rest & ~language[w], speaking & ~index.available[w],
                speaking & index.available[w] & ~allowed[w], allowed[w] & full[w], allowed[w] & ~full[w]};
            long domainBits = domain == null ? 0 : domain[w] & valid;
            for (int k = 0; k < 6; k++) {
                all[k] += Long.bitCount(parts[k]);
                inDomain[k] += Long.bitCount(parts[k] & domainBits);
            }
            domainCount += Long.bitCount(domainBits);
            speakers += Long.bitCount(valid & language[w]);
        }
        return new UnmatchedDiagnosis.Counts(speakers, all[0], all[1], all[2], all[3], all[4], all[5],
                domainCount, inDomain[0], inDomain[1], inDomain[2], inDomain[3], inDomain[4]);
    }

    private long[] languages(int r) {
        long[] set = new long[words];
        for (int language : requestLanguages[r]) {
            long[] speakers = languageMentors[language];
            for (int w = 0; w < words; w++) {
                set[w] |= speakers[w];
            }
        }
        return set;
    }

    /** The value of a pair, exactly as {@link PairPreference#value} of its {@link PairEvaluator#fit}. */
    private long value(int r, int j, int overlap) {
        int extra = overlap - requests.get(r).minOverlapMinutes();
        int extraPoints = extra <= 0 ? 0 : Math.min(4, extra / 30);
        return valueBeyondTime(r, j) + wOverlap * extraPoints;
    }

    /**
     * The most a pair can be worth without computing its time together (which is the costly part): its value with
     * the most extra-overlap points. For any allowed pair, {@code value <= valueBound}.
     */
    long valueBound(int r, int j) {
        return valueBeyondTime(r, j) + wOverlap * 4;
    }

    /** Every preference's weighted points but the extra time together. */
    private long valueBeyondTime(int r, int j) {
        long value = 0;
        if (wAffinity != 0) {
            value += wAffinity * affinity(r, j);
        }
        if (wGoals != 0) {
            value += wGoals * goals(r, j);
        }
        int[] pref = preferred[r];
        if (pref.length > 0) {
            for (int k = 0; k < pref.length; k += 2) {
                if (pref[k] == j) {
                    value += wPreferred * Math.max(1, 3 - pref[k + 1]);
                    break;
                }
            }
        }
        int crossing = (crosses(requestInstitution[r], mentorInstitution[j]) ? 1 : 0)
                + (crosses(requestCountry[r], mentorCountry[j]) ? 1 : 0);
        return value + wPriority * (requestPriority[r] ? 1 : 0) + wCross * crossing;
    }

    /** The pair's domain affinity, as {@link PairEvaluator#affinity}. */
    private int affinity(int r, int j) {
        int[] requested = requestDomains[r];
        int affinity = 0;
        for (int rank = 0; rank < requested.length; rank++) {
            affinity += Taxonomy.rankWeight(rank) * mentorLevels[requested[rank]][j];
        }
        return affinity;
    }

    /** How many of the request's goals are the mentor's topics, as {@link PairEvaluator#goalsMet}. */
    private int goals(int r, int j) {
        long goalBits = requestGoalBits[r];
        if (goalBits != -1) {
            return Long.bitCount(goalBits & mentorTopicBits[j]);
        }
        int goals = 0;
        for (int goal : requestGoals[r]) {
            if (Arrays.binarySearch(mentorTopics[j], goal) >= 0) {
                goals++;
            }
        }
        return goals;
    }

    /** The mentor's first place among the request's preferred mentors, or -1: {@code List.indexOf} of its id. */
    private int preferenceRank(int r, int j) {
        int[] pref = preferred[r];
        for (int k = 0; k < pref.length; k += 2) {
            if (pref[k] == j) {
                return pref[k + 1];
            }
        }
        return -1;
    }

    /**
     * The fit of an allowed pair whose weekly time together is {@code overlap}, exactly as {@link PairEvaluator#fit}
     * gives it (no rule broken), without looking at the people again.
     */
    PairFit fit(int r, int j, int overlap) {
        return new PairFit(overlap, affinity(r, j), goals(r, j), preferenceRank(r, j),
                crosses(requestInstitution[r], mentorInstitution[j]), crosses(requestCountry[r], mentorCountry[j]),
                java.util.Set.of());
    }

    private static boolean crosses(int a, int b) {
        return a < 0 || b < 0 || a != b;
    }

    /** Buckets of the UTC week an interval list touches. */
    private static void touch(int[] week, long[] buckets) {
        for (int i = 0; i < week.length; i += 2) {
            if (week[i + 1] <= week[i]) {
                continue;
            }
            int first = week[i] / BUCKET_MINUTES;
            int last = (week[i + 1] - 1) / BUCKET_MINUTES;
            for (int b = first; b <= last; b++) {
                buckets[b >>> 6] |= 1L << b;
            }
        }
    }

    /** Buckets of the UTC week an interval list fills entirely. */
    private static void fill(int[] week, long[] buckets) {
        for (int i = 0; i < week.length; i += 2) {
            int first = (week[i] + BUCKET_MINUTES - 1) / BUCKET_MINUTES;
            int end = week[i + 1] / BUCKET_MINUTES;
            for (int b = first; b < end; b++) {
                buckets[b >>> 6] |= 1L << b;
            }
        }
    }

    /** Adds mentor {@code j} to the mentor set of each bucket set in {@code buckets} (sets of {@code words} longs). */
    private static void addMentor(int j, long[] buckets, long[][] bucketMentors, int words) {
        for (int w = 0; w < buckets.length; w++) {
            long bits = buckets[w];
            while (bits != 0) {
                int b = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                long[] set = bucketMentors[b];
                if (set == null) {
                    set = new long[words];
                    bucketMentors[b] = set;
                }
                set[j >>> 6] |= 1L << j;
            }
        }
    }

    private static final class Scratch {
        final long[] candidates;
        final long[] ones;
        final long[] twos;
        final long[] threes;
        /** The candidates surely allowed by their time together, for {@link #diagnose}. */
        final long[] sure;
        final long[] requestBuckets = new long[(BUCKETS + 63) >>> 6];
        final int[] mentors;
        final long[] values;
        final int[] overlaps;
        /** A min-heap of the best values so far, for {@link #scanBest}. */
        long[] best = new long[0];
        int skipped;

        Scratch(int words, int mentorCount) {
            candidates = new long[words];
            ones = new long[words];
            twos = new long[words];
            threes = new long[words];
            sure = new long[words];
            mentors = new int[mentorCount];
            values = new long[mentorCount];
            overlaps = new int[mentorCount];
        }
    }

    /** The mentors available on one start date, and for each 30-minute bucket of the UTC week those free in it. */
    private final class DateIndex {
        final long[] available = new long[words];
        final int[][] week = new int[mentors.size()][];
        final long[][] bucketMentors = new long[BUCKETS][];
        /**
         * For each bucket the mentors free in all of it, or null when not needed: those who share {@code n} such
         * buckets with a request have at least {@code 30 n} minutes together, without computing it.
         */
        final long[][] fullBucketMentors;

        DateIndex(LocalDate date) {
            this(date, false);
        }

        DateIndex(LocalDate date, boolean fullBuckets) {
            fullBucketMentors = fullBuckets ? new long[BUCKETS][] : null;
            int day = (int) date.toEpochDay();
            ZoneOffset[] offsets = new ZoneOffset[zones.length];
            for (int z = 0; z < zones.length; z++) {
                offsets[z] = WeeklyOverlap.offsetOn(zones[z], date);
            }
            long[] buckets = new long[(BUCKETS + 63) >>> 6];
            for (int j = 0; j < mentors.size(); j++) {
                if (mentorFrom[j] > day || mentorUntil[j] < day) {
                    continue;
                }
                available[j >>> 6] |= 1L << j;
                Mentor mentor = mentors.get(j);
                ZoneOffset offset = offsets[mentorZone[j]];
                int[] utc;
                Map<ZoneOffset, int[]> cache = mentorWeeks.get(j);
                synchronized (cache) {
                    utc = cache.computeIfAbsent(offset,
                            o -> WeeklyOverlap.toUtcWeek(mentor.weeklyAvailability(), o));
                }
                week[j] = utc;
                Arrays.fill(buckets, 0);
                touch(utc, buckets);
                addMentor(j, buckets, bucketMentors, words);
                if (fullBuckets) {
                    Arrays.fill(buckets, 0);
                    fill(utc, buckets);
                    addMentor(j, buckets, fullBucketMentors, words);
                }
            }
        }

        /**
         * The mentors whose time together with the request surely reaches its minimum (they share enough buckets that
         * both fill), into {@code s.sure}; false when the minimum needs more than three such buckets (then none is
         * sure).
         */
        boolean sure(int[] requestWeek, int minOverlap, Scratch s) {
            int needed = minOverlap <= 0 ? 0 : (minOverlap + BUCKET_MINUTES - 1) / BUCKET_MINUTES;
            if (needed > 3) {
                return false;
            }
            long[] sure = s.sure;
            if (needed == 0) {
                Arrays.fill(sure, -1L);
                return true;
            }
            Arrays.fill(s.requestBuckets, 0);
            fill(requestWeek, s.requestBuckets);
            System.arraycopy(inAtLeast(needed, fullBucketMentors, s), 0, sure, 0, words);
            return true;
        }

        /**
         * The mentors found in at least {@code needed} (1 to 3) of the sets of the request's buckets
         * ({@code s.requestBuckets}): one of {@code s.ones}, {@code s.twos} or {@code s.threes}.
         */
        private long[] inAtLeast(int needed, long[][] mentorsOfBucket, Scratch s) {
            Arrays.fill(s.ones, 0);
            Arrays.fill(s.twos, 0);
            Arrays.fill(s.threes, 0);
            for (int w = 0; w < s.requestBuckets.length; w++) {
                long bits = s.requestBuckets[w];
                while (bits != 0) {
                    int b = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    long[] set = mentorsOfBucket[b];
                    if (set == null) {
                        continue;
                    }
                    for (int i = 0; i < words; i++) {
                        long x = set[i];
                        s.threes[i] |= s.twos[i] & x;
                        s.twos[i] |= s.ones[i] & x;
                        s.ones[i] |= x;
                    }
                }
            }
            return needed == 1 ? s.ones : needed == 2 ? s.twos : s.threes;
        }

        /**
         * Writes the request's allowed mentors and their values into the scratch row; returns how many. With
         * {@code keep > 0}, leaves out (uncounted, in {@code s.skipped}) the candidates that cannot be among the
         * {@code keep} best by value.
         */
        int allowed(int r, Scratch s, PairFilter filter, boolean valued, int keep) {
            MentorshipRequest request = requests.get(r);
            long[] candidates = s.candidates;
            Arrays.fill(candidates, 0);
            for (int language : requestLanguages[r]) {
                long[] speakers = languageMentors[language];
                for (int w = 0; w < words; w++) {
                    candidates[w] |= speakers[w];
                }
            }
            int[] requestWeek = WeeklyOverlap.toUtcWeek(request.weeklyAvailability(),
                    WeeklyOverlap.offsetOn(request.timeZone(), request.startDate()));
            int minOverlap = request.minOverlapMinutes();
            int needed = minOverlap <= 0 ? 0 : Math.min(3, (minOverlap + BUCKET_MINUTES - 1) / BUCKET_MINUTES);
            if (needed > 0) {
                Arrays.fill(s.requestBuckets, 0);
                touch(requestWeek, s.requestBuckets);
                long[] enough = inAtLeast(needed, bucketMentors, s);
                for (int w = 0; w < words; w++) {
                    candidates[w] &= enough[w];
                }
            }
            for (int w = 0; w < words; w++) {
                candidates[w] &= available[w];
            }
            for (int j : conflicts[r]) {
                candidates[j >>> 6] &= ~(1L << j);
            }
            int count = 0;
            s.skipped = 0;
            if (keep > 0) {
                return bestAllowed(r, s, requestWeek, minOverlap, keep);
            }
            // only whether each is allowed: those surely allowed by their buckets need no time together computed
            boolean sure = !valued && filter == null && fullBucketMentors != null && sure(requestWeek, minOverlap, s);
            for (int w = 0; w < words; w++) {
                long bits = candidates[w];
                long sureBits = sure ? s.sure[w] : 0;
                while (bits != 0) {
                    int j = (w << 6) + Long.numberOfTrailingZeros(bits);
                    long bit = bits & -bits;
                    bits &= bits - 1;
                    if ((sureBits & bit) != 0) {
                        s.mentors[count] = j;
                        s.overlaps[count] = -1;
                        s.values[count++] = 0;
                        continue;
                    }
                    if (filter != null && !filter.test(r, j)) {
                        continue;
                    }
                    int overlap = WeeklyOverlap.intersection(requestWeek, week[j]);
                    if (overlap >= minOverlap) {
                        s.mentors[count] = j;
                        s.overlaps[count] = overlap;
                        s.values[count++] = valued ? value(r, j, overlap) : 0;
                    }
                }
            }
            return count;
        }

        private int bestAllowed(int r, Scratch s, int[] requestWeek, int minOverlap, int keep) {
            if (s.best.length < keep) {
                s.best = new long[keep];
            }
            long[] heap = s.best;
            int size = 0;
            long extraMost = Math.max(0, wOverlap * 4L);
            int count = 0;
            long[] candidates = s.candidates;
            for (int w = 0; w < words; w++) {
                long bits = candidates[w];
                while (bits != 0) {
                    int j = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    long beyond = valueBeyondTime(r, j);
                    if (size == keep && beyond + extraMost < heap[0]) {
                        s.skipped++;
                        continue;
                    }
                    int overlap = WeeklyOverlap.intersection(requestWeek, week[j]);
                    if (overlap < minOverlap) {
                        continue;
                    }
                    int extra = overlap - minOverlap;
                    long value = beyond + wOverlap * (extra <= 0 ? 0 : Math.min(4, extra / 30));
                    s.mentors[count] = j;
                    s.overlaps[count] = overlap;
                    s.values[count++] = value;
                    if (size < keep) {
                        int i = size++;
                        heap[i] = value;
                        while (i > 0 && heap[(i - 1) >>> 1] > heap[i]) {
                            long t = heap[(i - 1) >>> 1];
                            heap[(i - 1) >>> 1] = heap[i];
                            heap[i] = t;
                            i = (i - 1) >>> 1;
                        }
                    } else if (value > heap[0]) {
                        heap[0] = value;
                        int i = 0;
                        while (true) {
                            int low = i;
                            int left = 2 * i + 1;
                            if (left < size && heap[left] < heap[low]) {
                                low = left;
                            }
                            if (left + 1 < size && heap[left + 1] < heap[low]) {
                                low = left + 1;
                            }
                            if (low == i) {
                                break;
                            }
                            long t = heap[low];
                            heap[low] = heap[i];
                            heap[i] = t;
                            i = low;
                        }
                    }
                }
            }
            return count;
        }
    }
}
