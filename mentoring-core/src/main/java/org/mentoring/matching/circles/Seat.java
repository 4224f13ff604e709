package org.mentoring.matching.circles;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mentoring.people.RequestFormat;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * One open request and its place: a mentor one-to-one, a circle, or none (unplaced). Its value range holds only the
 * places it may take (the pair rules for pairs, the format, a shared language and enough common time for circles);
 * the constraints check every rule again, so that a hand-made or moved solution is scored right.
 */
@PlanningEntity
public class Seat {

    public static final String PLACE = "place";

    private int index;
    private CircleRequest request;
    /** The request's week in UTC minutes at the circles' start date. */
    private int[] circleWeek;
    /** Mentor indexes this request may take one-to-one under today's pair rules. */
    private Set<Integer> pairAllowed;
    /** The pair value (PairPreference.value) with each candidate mentor, by mentor index. */
    private Map<Integer, Long> valueByMentor;
    private List<Place> candidates;
    private Place place;
    /**
     * What the circle bonus compares, as numbers given by {@link CircleModel#build} (the same number for the same
     * trimmed, lower-case country or institution, -1 for none; each research domain code's number, sorted), so that
     * the coherence and mix of two members is a few comparisons; null when not given (hand-made seats).
     */
    private int[] domainIds;
    private int countryId = -1;
    private int institutionId = -1;
    /** The circle mentors (by index) this request excludes or is, given by {@link CircleModel#build}; null if not. */
    private Set<Integer> conflictMentors;

    public Seat() {
    }

    public Seat(int index, CircleRequest request, int[] circleWeek, Set<Integer> pairAllowed,
            Map<Integer, Long> valueByMentor, List<Place> candidates) {
        this.index = index;
        this.request = request;
        this.circleWeek = circleWeek;
        this.pairAllowed = pairAllowed;
        this.valueByMentor = valueByMentor;
        this.candidates = candidates;
    }

    /** The same seat in the same place, for a clone of the solution. */
    Seat copy() {
        Seat copy = new Seat(index, request, circleWeek, pairAllowed, valueByMentor, candidates);
        copy.setTraits(domainIds, countryId, institutionId);
        copy.conflictMentors = conflictMentors;
        copy.place = place;
        return copy;
    }

    /** Which quarter-hour starts of the week a meeting of {@link #coveredMinutes} fits (bit per start / 15). */
    private long[] covered;
    private int coveredMinutes = -1;

    /**
     * Whether a meeting {@code [start, start + minutes)} lies inside this request's week ({@link Meetings#covers}),
     * looked up in a bit set computed once per meeting length: the moves and the constraints ask it all the time.
     */
    public boolean covers(int start, int minutes) {
        if (start % Meetings.STEP != 0 || start < 0 || start >= org.mentoring.time.WeeklyOverlap.MINUTES_PER_WEEK) {
            return Meetings.covers(circleWeek, start, minutes);
        }
        long[] bits = covered;
        if (bits == null || coveredMinutes != minutes) {
            int quarters = org.mentoring.time.WeeklyOverlap.MINUTES_PER_WEEK / Meetings.STEP;
            bits = new long[(quarters + 63) / 64];
            for (int q = 0; q < quarters; q++) {
                if (Meetings.covers(circleWeek, q * Meetings.STEP, minutes)) {
                    bits[q >> 6] |= 1L << (q & 63);
                }
            }
            covered = bits;
            coveredMinutes = minutes;
        }
        int q = start / Meetings.STEP;
        return (bits[q >> 6] & (1L << (q & 63))) != 0;
    }

    /** Gives the seat the numbers of its domains, country and institution (see {@link #domainIds}). */
    void setTraits(int[] domainIds, int countryId, int institutionId) {
        this.domainIds = domainIds;
        this.countryId = countryId;
        this.institutionId = institutionId;
    }

    void setConflictMentors(Set<Integer> conflictMentors) {
        this.conflictMentors = conflictMentors;
    }

    /**
     * Whether this request excludes or is the mentor of a place (rule 4): for a circle, from the model's list of
     * circle mentors when given (emails made canonical once), otherwise by the rule itself.
     */
    public boolean isConflict(Place place) {
        if (conflictMentors != null && place instanceof CircleSlot) {
            return conflictMentors.contains(place.getMentorIndex());
        }
        return org.mentoring.matching.solver.PairEvaluator.isConflict(request.request(), place.getMentor().mentor());
    }

    /** Whether two seats share a research domain, by their numbers; null when either has none given. */
    Boolean sharesDomainById(Seat other) {
        if (domainIds == null || other.domainIds == null) {
            return null;
        }
        int[] a = domainIds;
        int[] b = other.domainIds;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return Boolean.TRUE;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Boolean.FALSE;
    }

    /** 1 for another country, 1 more for another institution, by their numbers; -1 when either has none given. */
    int crossingsById(Seat other) {
        if (domainIds == null || other.domainIds == null) {
            return -1;
        }
        return (countryId >= 0 && other.countryId >= 0 && countryId != other.countryId ? 1 : 0)
                + (institutionId >= 0 && other.institutionId >= 0 && institutionId != other.institutionId ? 1 : 0);
    }

    @PlanningId
    public int getIndex() {
        return index;
    }

    public CircleRequest getRequest() {
        return request;
    }

    public RequestFormat getFormat() {
        return request.format();
    }

    public int[] getCircleWeek() {
        return circleWeek;
    }

    public boolean isPairAllowed(int mentorIndex) {
        return pairAllowed.contains(mentorIndex);
    }

    /** The value of this request with a mentor, as for a pair; 0 for a mentor outside its candidates. */
    public long valueWith(int mentorIndex) {
        return valueByMentor.getOrDefault(mentorIndex, 0L);
    }

    public long getValue() {
        return place == null ? 0 : valueWith(place.getMentorIndex());
    }

    @ValueRangeProvider(id = "places")
    public List<Place> getCandidates() {
        return candidates;
    }

    @PlanningVariable(valueRangeProviderRefs = "places", nullable = true)
    public Place getPlace() {
        return place;
    }

    public void setPlace(Place place) {
        this.place = place;
    }

    public boolean isInCircle() {
        return place instanceof CircleSlot;
    }

    public boolean isInPair() {
        return place instanceof PairPlace;
    }

    @Override
    public String toString() {
        return request.id() + " -> " + place;
    }
}
