package org.mentoring.matching.circles;

import java.util.List;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** Pairs and circles together: every open request's place, and every circle slot's meeting time. */
@PlanningSolution(solutionCloner = CircleSolutionCloner.class)
public class CircleSolution {

    private List<PairPlace> pairPlaces;
    private List<CircleSlot> slots;
    private List<Seat> seats;
    private List<Circle> circles;
    private HardMediumSoftLongScore score;

    public CircleSolution() {
    }

    public CircleSolution(List<PairPlace> pairPlaces, List<CircleSlot> slots, List<Seat> seats, List<Circle> circles) {
        this.pairPlaces = pairPlaces;
        this.slots = slots;
        this.seats = seats;
        this.circles = circles;
    }

    @ProblemFactCollectionProperty
    public List<PairPlace> getPairPlaces() {
        return pairPlaces;
    }

    @ProblemFactCollectionProperty
    public List<CircleSlot> getSlots() {
        return slots;
    }

    @PlanningEntityCollectionProperty
    public List<Seat> getSeats() {
        return seats;
    }

    @PlanningEntityCollectionProperty
    public List<Circle> getCircles() {
        return circles;
    }

    @PlanningScore
    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
