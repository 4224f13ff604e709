package org.mentoring.analytics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.model.Proposal;
import org.mentoring.matching.model.UnmatchedRequest;
import org.mentoring.matching.run.RunReader;
import org.mentoring.matching.run.RunProposals;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.springframework.stereotype.Service;

/** Works out a finished run's analytics from the inputs it read and the result it saved. */
@Service
public class AnalyticsService {

    private static final int COUNTS_KEPT = 16;

    private final RunReader runs;
    /** The blocking pairs of the runs asked about last, with the answer they were counted on. */
    private final Map<String, Counted> blockingCounts = Collections.synchronizedMap(
            new LinkedHashMap<>(COUNTS_KEPT, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Counted> eldest) {
                    return size() > COUNTS_KEPT;
                }
            });

    AnalyticsService(RunReader runs) {
        this.runs = runs;
    }

    /**
     * The analytics of a completed or cancelled run.
     *
     * @throws org.mentoring.common.NotFoundException if there is no such run
     * @throws org.mentoring.common.ConflictException while it is queued or solving, or if it failed
     */
    public RunAnalytics of(String runId) {
        RunProposals result = runs.proposals(runId);
        InputSnapshot inputs = runs.inputs(runId);
        List<MentorshipRequest> open = inputs.openRequests();
        Set<String> matched = new HashSet<>();
        Map<String, String> assignment = new HashMap<>();
        for (Proposal proposal : result.proposals()) {
            matched.add(proposal.requestExternalId());
            assignment.put(proposal.requestExternalId(), proposal.mentorExternalId());
        }
        long blocking = blockingPairs(runId, inputs, assignment);
        int matchedCount = (int) open.stream().filter(r -> matched.contains(r.externalId())).count();
        Double mean = result.proposals().isEmpty() ? null
                : result.proposals().stream().mapToInt(Proposal::affinity).average().orElse(0);
        Integer worst = result.proposals().isEmpty() ? null
                : result.proposals().stream().mapToInt(Proposal::affinity).min().orElse(0);
        return new RunAnalytics(runId, open.size(), matchedCount, share(matchedCount, open.size()), mean, worst,
                reasons(result.unmatched()), demand(open, inputs.mentors()),
                groups(open, matched, r -> List.of(IncomeGroups.of(r.country()))),
                groups(open, matched, r -> List.of(String.valueOf(r.careerStage()))),
                groups(open, matched, r -> List.copyOf(r.languages())), blocking, worst);
    }

    /**
     * {@link BlockingPairs#count} of the run's answer as it now stands, kept for the last few runs asked about: a
     * 10,000 x 2,000 run takes seconds, and its inputs and weights never change (an override changes the answer,
     * which is then counted again).
     */
    private long blockingPairs(String runId, InputSnapshot inputs, Map<String, String> assignment) {
        String fingerprint = fingerprint(assignment);
        Counted counted = blockingCounts.get(runId);
        if (counted != null && counted.fingerprint().equals(fingerprint)) {
            return counted.blockingPairs();
        }
        MatchingWeights weights = runs.get(runId).weights();
        long blocking = BlockingPairs.count(inputs, assignment,
                weights == null ? MatchingWeights.defaults() : weights);
        blockingCounts.put(runId, new Counted(fingerprint, blocking));
        return blocking;
    }

    /** A digest of the pairs, in the order of their requests. */
    private static String fingerprint(Map<String, String> assignment) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> pair : new TreeMap<>(assignment).entrySet()) {
                digest.update((pair.getKey() + '\n' + pair.getValue() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private record Counted(String fingerprint, long blockingPairs) {
    }

    private static Map<String, Long> reasons(List<UnmatchedRequest> unmatched) {
        Map<String, Long> counts = new TreeMap<>();
        for (UnmatchedRequest request : unmatched) {
            for (String reason : request.reasons()) {
                counts.merge(reason, 1L, Long::sum);
            }
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEachOrdered(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    private static List<RunAnalytics.DomainDemand> demand(List<MentorshipRequest> open, List<Mentor> mentors) {
        Map<String, Integer> requests = new TreeMap<>();
        for (MentorshipRequest request : open) {
            if (!request.domains().isEmpty()) {
                requests.merge(request.domains().get(0), 1, Integer::sum);
            }
        }
        List<RunAnalytics.DomainDemand> demand = new ArrayList<>();
        for (Map.Entry<String, Integer> domain : requests.entrySet()) {
            int places = mentors.stream().filter(m -> m.domains().contains(domain.getKey()))
                    .mapToInt(Mentor::capacity).sum();
            demand.add(new RunAnalytics.DomainDemand(domain.getKey(), domain.getValue(), places));
        }
        demand.sort(Comparator.comparingInt(RunAnalytics.DomainDemand::requests).reversed()
                .thenComparing(RunAnalytics.DomainDemand::domain));
        return demand;
    }

    private static List<RunAnalytics.GroupShare> groups(List<MentorshipRequest> open, Set<String> matched,
            Function<MentorshipRequest, List<String>> groupsOf) {
        Map<String, int[]> counts = new TreeMap<>();
        for (MentorshipRequest request : open) {
            for (String group : groupsOf.apply(request)) {
                int[] count = counts.computeIfAbsent(group, g -> new int[2]);
                count[0]++;
                if (matched.contains(request.externalId())) {
                    count[1]++;
                }
            }
        }
        List<RunAnalytics.GroupShare> shares = new ArrayList<>();
        counts.forEach((group, count) -> shares.add(new RunAnalytics.GroupShare(group, count[0], count[1],
                share(count[1], count[0]))));
        return shares;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
