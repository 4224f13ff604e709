package org.mentoring.matching.circles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Packs circles greedily by common meeting windows: for each circle slot without members (the mentors with the
 * fewest candidates first), the meeting start and language that the most unplaced candidates fit (up to maxSize; on
 * a tie, the most pair value), and if at least minSize do, the circle opens with the maxSize of them of most value.
 * Every circle it forms keeps every hard rule.
 */
public final class GreedyCircles {

    private GreedyCircles() {
    }

    /** Fills the model's empty circles from its unplaced seats; returns how many circles it opened. */
    public static int pack(CircleModel model) {
        List<Circle> circles = new ArrayList<>(model.solution().getCircles());
        circles.sort(Comparator.comparingInt((Circle c) -> model.candidates(c.getSlot()).size())
                .thenComparingInt(Circle::getIndex));
        int opened = 0;
        for (Circle circle : circles) {
            CircleSlot slot = circle.getSlot();
            if (model.solution().getSeats().stream().anyMatch(s -> s.getPlace() == slot)) {
                continue;
            }
            List<Seat> best = best(slot, model.candidates(slot).stream().filter(s -> s.getPlace() == null).toList(),
                    circle);
            if (best != null) {
                best.forEach(s -> s.setPlace(slot));
                opened++;
            }
        }
        return opened;
    }

    /**
     * The best group among the given seats for a slot, setting the circle's meeting to its start; null (and the
     * meeting untouched) if no start and language gather minSize of them.
     */
    static List<Seat> best(CircleSlot slot, List<Seat> free, Circle circle) {
        if (free.size() < slot.getMinSize()) {
            return null;
        }
        List<Seat> best = null;
        long bestValue = Long.MIN_VALUE;
        int bestStart = -1;
        int mentorIndex = slot.getMentorIndex();
        for (int start : slot.getStarts()) {
            List<Seat> fitting = new ArrayList<>();
            for (Seat seat : free) {
                if (seat.covers(start, slot.getMeetingMinutes())) {
                    fitting.add(seat);
                }
            }
            if (fitting.size() < slot.getMinSize()) {
                continue;
            }
            for (String language : slot.getLanguages()) {
                List<Seat> group = new ArrayList<>();
                for (Seat seat : fitting) {
                    if (seat.getRequest().languages().contains(language)) {
                        group.add(seat);
                    }
                }
                if (group.size() < slot.getMinSize()) {
                    continue;
                }
                group.sort(Comparator.comparingLong((Seat s) -> -s.valueWith(mentorIndex))
                        .thenComparingInt(Seat::getIndex));
                List<Seat> chosen = group.subList(0, Math.min(slot.getMaxSize(), group.size()));
                long value = chosen.size() * 1_000_000_000L
                        + chosen.stream().mapToLong(s -> s.valueWith(mentorIndex)).sum();
                if (value > bestValue) {
                    bestValue = value;
                    best = List.copyOf(chosen);
                    bestStart = start;
                }
            }
        }
        if (best != null) {
            circle.setMeeting(bestStart);
        }
        return best;
    }
}
