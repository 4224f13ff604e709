package org.mentoring.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.places.MentorPlaces;
import org.mentoring.taxonomy.Domain;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.taxonomy.TaxonomySource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** Demand against free places per domain branch, as the dashboard and {@code GET /api/v1/admin/demand} show it. */
@Service
public class DemandService {

    private final RequestService requests;
    private final MentorService mentors;
    private final MentorPlaces places;
    private final TaxonomySource taxonomy;
    private final Clock clock;

    @Autowired
    public DemandService(RequestService requests, MentorService mentors, MentorPlaces places,
            TaxonomySource taxonomy) {
        this(requests, mentors, places, taxonomy, Clock.systemUTC());
    }

    public DemandService(RequestService requests, MentorService mentors, MentorPlaces places, Taxonomy taxonomy,
            Clock clock) {
        this(requests, mentors, places, TaxonomySource.fixed(taxonomy, org.mentoring.taxonomy.Topics.shipped()),
                clock);
    }

    DemandService(RequestService requests, MentorService mentors, MentorPlaces places, TaxonomySource taxonomy,
            Clock clock) {
        this.requests = requests;
        this.mentors = mentors;
        this.places = places;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    /** Today's demand, from the store. */
    public Demand current() {
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        // a mentor who paused (no new mentees until a later date) offers no place today
        Set<String> paused = mentors.pausedOn(today);
        List<Mentor> available = mentors.withCapacity().stream().filter(m -> m.isAvailableOn(today))
                .filter(m -> !paused.contains(m.externalId())).toList();
        // the facts (offers awaiting answers, active mentorships), and the ledger where it holds more: the places a
        // new offer could take are those the ledger leaves
        Map<String, Integer> held = new HashMap<>(places.countedAll());
        places.held(available.stream().map(Mentor::externalId).toList()).forEach((id, n) -> held.merge(id, n,
                Math::max));
        return compute(taxonomy.current(), requests.withStatus(RequestStatus.OPEN), available, held, mentors.count(),
                today);
    }

    /**
     * Demand from these facts.
     *
     * @param available the mentors available today (capacity above 0, window holding today, not paused)
     * @param held the places each mentor holds; a mentor left out holds none
     * @param storedMentors every stored mentor, available or not
     */
    public static Demand compute(Taxonomy taxonomy, List<MentorshipRequest> open, List<Mentor> available,
            Map<String, Integer> held, long storedMentors, LocalDate today) {
        Map<String, int[]> byBranch = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        taxonomy.domains().stream().filter(domain -> domain.depth() == 2).forEach(domain -> {
            byBranch.put(domain.code(), new int[3]);
            names.put(domain.code(), domain.name());
        });
        for (MentorshipRequest request : open) {
            if (!request.domains().isEmpty()) {
                branch(taxonomy, request.domains().get(0)).ifPresent(branch -> row(byBranch, names, branch)[0]++);
            }
        }
        int total = 0;
        int free = 0;
        for (Mentor mentor : available) {
            int mentorFree = Math.max(0, mentor.capacity() - held.getOrDefault(mentor.externalId(), 0));
            total += mentor.capacity();
            free += mentorFree;
            Set<Domain> branches = new LinkedHashSet<>();
            mentor.domains().forEach(code -> branch(taxonomy, code).ifPresent(branches::add));
            for (Domain branch : branches) {
                int[] row = row(byBranch, names, branch);
                row[1] += mentorFree;
                row[2] += mentor.capacity();
            }
        }
        List<Demand.Branch> branches = byBranch.entrySet().stream().map(entry -> new Demand.Branch(entry.getKey(),
                names.get(entry.getKey()), entry.getValue()[0], entry.getValue()[1], entry.getValue()[2])).toList();
        return new Demand(today, open.size(), storedMentors, available.size(), total, free, branches);
    }

    private static int[] row(Map<String, int[]> byBranch, Map<String, String> names, Domain branch) {
        names.putIfAbsent(branch.code(), branch.name());
        return byBranch.computeIfAbsent(branch.code(), key -> new int[3]);
    }

    /** The branch (second level) a code lies in; a root is its own; empty for a code the taxonomy does not know. */
    static Optional<Domain> branch(Taxonomy taxonomy, String code) {
        Optional<Domain> domain = taxonomy.find(code);
        while (domain.isPresent() && domain.get().depth() > 2 && domain.get().parentCode() != null) {
            domain = taxonomy.find(domain.get().parentCode());
        }
        return domain;
    }
}
