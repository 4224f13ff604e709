package org.mentoring.matching.circles;

import java.util.List;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/** The weekly meeting of one circle slot: a start in UTC minutes of the week. A slot without members is closed. */
@PlanningEntity
public class Circle {

    public static final String MEETING = "meeting";

    private int index;
    private CircleSlot slot;
    private Integer meeting;

    public Circle() {
    }

    public Circle(int index, CircleSlot slot, Integer meeting) {
        this.index = index;
        this.slot = slot;
        this.meeting = meeting;
    }

    @PlanningId
    public int getIndex() {
        return index;
    }

    public CircleSlot getSlot() {
        return slot;
    }

    @ValueRangeProvider(id = "starts")
    public List<Integer> getStarts() {
        return slot.getStarts();
    }

    @PlanningVariable(valueRangeProviderRefs = "starts")
    public Integer getMeeting() {
        return meeting;
    }

    public void setMeeting(Integer meeting) {
        this.meeting = meeting;
    }

    /** Whether the meeting lies inside a week. */
    public boolean fits(int[] week) {
        return meeting != null && Meetings.covers(week, meeting, slot.getMeetingMinutes());
    }

    /** Whether the meeting lies inside a seat's week (the same as {@code fits(seat.getCircleWeek())}, faster). */
    public boolean fits(Seat seat) {
        return meeting != null && seat.covers(meeting, slot.getMeetingMinutes());
    }

    @Override
    public String toString() {
        return slot + " at " + (meeting == null ? "-" : Meetings.describeUtc(meeting, slot.getMeetingMinutes()));
    }
}
