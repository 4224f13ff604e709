package org.mentoring.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mentoring.lifecycle.ConsistencyReport.MentorPlacesDifference;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorFilter;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.places.MentorPlaces;
import org.mentoring.places.MentorPlacesDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Recomputes every mentor's places from the facts (offers awaiting answers and active mentorships) and compares them
 * with the ledger ({@link MentorPlaces}). A difference means a crash between taking a place and writing the offer,
 * or a write that bypassed the ledger. At each start the ledger is set to the facts (and built for mentors who have
 * none yet, as in a store written before the ledger existed); {@code GET /api/v1/admin/consistency} reports without
 * changing anything.
 *
 * <p>A matching run reads its settled pairs from the same facts ({@code StoreMatchingInputs}), not from the ledger;
 * the ledger and a run's snapshot agree exactly when this check says the store is consistent.
 */
@Service
public class PlacesReconciliation {

    private static final Logger log = LoggerFactory.getLogger(PlacesReconciliation.class);
    private static final int MAX_MENTORS = 1_000_000;

    private final MentorPlaces places;
    private final MentorService mentors;
    private final Duration settle;

    PlacesReconciliation(MentorPlaces places, MentorService mentors,
            @Value("${mentoring.places.reconcile-settle:2s}") String settle) {
        this.places = places;
        this.mentors = mentors;
        // read as text and parsed here, so that a plain application context (no Boot conversion service) starts too
        this.settle = DurationStyle.detectAndParse(settle);
    }

    /** Every difference between the ledger and the facts; changes nothing. */
    public ConsistencyReport check() {
        List<MentorPlacesDifference> differences = differences(read()).stream().map(Difference::report).toList();
        return new ConsistencyReport(differences.isEmpty(), differences);
    }

    /** At each start: builds the missing ledger documents and sets every one that differs to the facts. */
    @EventListener(ApplicationReadyEvent.class)
    public void fixAtStart() {
        int fixed = fix();
        if (fixed > 0) {
            log.warn("Places ledger: fixed {} mentors' places from their offers and mentorships", fixed);
        }
    }

    /**
     * Sets the ledger to the facts. Another instance may be between taking a place and writing its offer, which looks
     * like a difference for a moment, so a difference is fixed only when it is still there, unchanged, after
     * {@code mentoring.places.reconcile-settle}, and only if the ledger did not change meanwhile.
     *
     * @return how many mentors' ledger documents were set to the facts
     */
    public int fix() {
        Snapshot first = read();
        for (Map.Entry<String, Mentor> mentor : first.mentors().entrySet()) {
            if (!first.ledger().containsKey(mentor.getKey())) {
                places.ensure(mentor.getKey(), mentor.getValue().capacity());
            }
        }
        List<Difference> seen = differences(read());
        if (seen.isEmpty()) {
            return 0;
        }
        pause();
        List<Difference> still = differences(read());
        int fixed = 0;
        for (Difference difference : still) {
            if (!seen.contains(difference)) {
                continue;
            }
            MentorPlacesDifference report = difference.report();
            int capacity = report.capacity() == null ? report.ledgerCapacity() : report.capacity();
            if (places.correct(report.mentorExternalId(), difference.version(), report.actual(), capacity)) {
                log.warn("Places ledger: {} ({}) held {} of {} places by the ledger, {} of {} by the offers and"
                        + " mentorships; set to the facts", report.name(), report.mentorExternalId(), report.ledger(),
                        report.ledgerCapacity(), report.actual(), capacity);
                fixed++;
            }
        }
        return fixed;
    }

    private void pause() {
        try {
            Thread.sleep(settle.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Snapshot(Map<String, Mentor> mentors, Map<String, MentorPlacesDocument> ledger,
            Map<String, Integer> actual) {
    }

    private record Difference(MentorPlacesDifference report, long version) {
    }

    private Snapshot read() {
        Map<String, MentorPlacesDocument> ledger = new HashMap<>();
        places.all().forEach(doc -> ledger.put(doc.id(), doc));
        Map<String, Integer> actual = places.countedAll();
        Map<String, Mentor> stored = new HashMap<>();
        for (StoredMentor mentor : mentors.find(MentorFilter.ALL, PageRequest.of(0, MAX_MENTORS)).getContent()) {
            stored.put(mentor.mentor().externalId(), mentor.mentor());
        }
        return new Snapshot(stored, ledger, actual);
    }

    /** Ledger documents that differ from the facts; a mentor without one is built from the facts when needed. */
    private static List<Difference> differences(Snapshot snapshot) {
        List<Difference> differences = new ArrayList<>();
        for (MentorPlacesDocument line : snapshot.ledger().values()) {
            Mentor mentor = snapshot.mentors().get(line.id());
            int actual = snapshot.actual().getOrDefault(line.id(), 0);
            Integer capacity = mentor == null ? null : mentor.capacity();
            boolean capacityDiffers = capacity != null && capacity != line.capacity();
            if (line.held() != actual || capacityDiffers) {
                differences.add(new Difference(new MentorPlacesDifference(line.id(),
                        mentor == null ? null : mentor.name(), line.held(), actual, line.capacity(), capacity),
                        line.version()));
            }
        }
        differences.sort((a, b) -> a.report().mentorExternalId().compareTo(b.report().mentorExternalId()));
        return differences;
    }
}
