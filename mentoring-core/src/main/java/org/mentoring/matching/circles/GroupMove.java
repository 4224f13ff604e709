package org.mentoring.matching.circles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Changes a whole group at once: optionally a circle's meeting time, and the places of some seats (each seat once).
 * Opening a circle (its meeting and minSize or more members together), closing one (all members out), and moving a
 * circle's meeting time with the members who no longer fit out and others in, are all this move.
 */
final class GroupMove extends AbstractMove<CircleSolution> {

    private final Circle circle;
    private final Integer meeting;
    private final List<Seat> seats;
    private final List<Place> places;

    GroupMove(Circle circle, Integer meeting, List<Seat> seats, List<Place> places) {
        this.circle = circle;
        this.meeting = meeting;
        this.seats = List.copyOf(seats);
        this.places = new ArrayList<>(places);
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<CircleSolution> scoreDirector) {
        if (circle != null && !Objects.equals(circle.getMeeting(), meeting)) {
            return true;
        }
        for (int i = 0; i < seats.size(); i++) {
            if (seats.get(i).getPlace() != places.get(i)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected GroupMove createUndoMove(ScoreDirector<CircleSolution> scoreDirector) {
        List<Place> old = new ArrayList<>(seats.size());
        for (Seat seat : seats) {
            old.add(seat.getPlace());
        }
        return new GroupMove(circle, circle == null ? null : circle.getMeeting(), seats, old);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<CircleSolution> scoreDirector) {
        if (circle != null && !Objects.equals(circle.getMeeting(), meeting)) {
            scoreDirector.beforeVariableChanged(circle, Circle.MEETING);
            circle.setMeeting(meeting);
            scoreDirector.afterVariableChanged(circle, Circle.MEETING);
        }
        for (int i = 0; i < seats.size(); i++) {
            Seat seat = seats.get(i);
            if (seat.getPlace() != places.get(i)) {
                scoreDirector.beforeVariableChanged(seat, Seat.PLACE);
                seat.setPlace(places.get(i));
                scoreDirector.afterVariableChanged(seat, Seat.PLACE);
            }
        }
    }

    @Override
    public Collection<?> getPlanningEntities() {
        List<Object> entities = new ArrayList<>(seats);
        if (circle != null) {
            entities.add(circle);
        }
        return entities;
    }

    @Override
    public Collection<?> getPlanningValues() {
        List<Object> values = new ArrayList<>(places);
        if (circle != null) {
            values.add(meeting);
        }
        return values;
    }

    @Override
    public String toString() {
        return "group " + (circle == null ? "" : circle + " -> " + meeting + " ") + seats + " -> " + places;
    }
}
