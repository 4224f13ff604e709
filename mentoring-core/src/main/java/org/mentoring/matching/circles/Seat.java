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
