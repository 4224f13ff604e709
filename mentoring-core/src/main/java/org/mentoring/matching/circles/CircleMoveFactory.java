package org.mentoring.matching.circles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * The group moves that single-seat change and swap moves cannot make, because a circle below minSize breaks a hard
 * rule: open a closed circle around a pivot request (a meeting time inside the pivot's and the mentor's week, a
 * language they share, and the candidates who fit, unplaced ones first), close an open circle, move an open
 * circle's meeting time (the members who no longer fit leave, unplaced candidates who fit join), move a request
 * from its mentor into a circle while the unplaced request of most value takes the freed place, and exchange a member
 * with a request placed elsewhere or nowhere who fits the circle (the placed count stays, the soft score moves).
 */
public class CircleMoveFactory implements MoveIteratorFactory<CircleSolution, GroupMove> {

    private CircleModel model;

    public CircleMoveFactory() {
    }

    /** A factory over a model, outside a solver (tests). */
    CircleMoveFactory(CircleModel model) {
        this.model = model;
    }

    @Override
    public void phaseStarted(ScoreDirector<CircleSolution> scoreDirector) {
        model = CircleModel.of(null, scoreDirector.getWorkingSolution());
    }

    @Override
    public void phaseEnded(ScoreDirector<CircleSolution> scoreDirector) {
        model = null;
    }

    @Override
    public long getSize(ScoreDirector<CircleSolution> scoreDirector) {
        return model.solution().getCircles().size() * 100L;
    }

    @Override
    public Iterator<GroupMove> createOriginalMoveIterator(ScoreDirector<CircleSolution> scoreDirector) {
        throw new UnsupportedOperationException("circle group moves are random only");
    }

    @Override
    public Iterator<GroupMove> createRandomMoveIterator(ScoreDirector<CircleSolution> scoreDirector, Random random) {
        List<Circle> circles = model.solution().getCircles();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !circles.isEmpty();
            }

            @Override
            public GroupMove next() {
                Circle circle = circles.get(random.nextInt(circles.size()));
                return move(circle, random);
            }
        };
    }

    /**
     * A request open to both formats leaves its mentor for this circle (it fits the meeting and the circle's
     * language), and an unplaced request the pair rules allow takes the place it freed: one more placed request in
     * one step, which two single moves only reach through a worse score.
     */
    private GroupMove backfill(Circle circle, List<Seat> members, List<Seat> candidates, Random random) {
        CircleSlot slot = circle.getSlot();
        java.util.Set<String> languages = CircleConstraintProvider.commonLanguages(slot, members);
        List<Seat> movable = new ArrayList<>();
        for (Seat seat : candidates) {
            if (seat.isInPair() && circle.fits(seat)
                    && seat.getRequest().languages().stream().anyMatch(languages::contains)) {
                movable.add(seat);
            }
        }
        if (movable.isEmpty()) {
            return new GroupMove(circle, circle.getMeeting(), List.of(), List.of());
        }
        Seat leaving = movable.get(random.nextInt(movable.size()));
        Place freed = leaving.getPlace();
        // The unplaced request of most value with the freed mentor takes the place (the first found on a tie, from a
        // random offset), not just any: the freed place is scarce, and the pair value is the next level.
        List<Seat> seats = model.solution().getSeats();
        int offset = random.nextInt(seats.size());
        Seat taker = null;
        for (int i = 0; i < seats.size(); i++) {
            Seat seat = seats.get((offset + i) % seats.size());
            if (seat.getPlace() == null && seat.isPairAllowed(freed.getMentorIndex())
                    && (taker == null || seat.valueWith(freed.getMentorIndex())
                            > taker.valueWith(freed.getMentorIndex()))) {
                taker = seat;
            }
        }
        if (taker != null) {
            return new GroupMove(circle, circle.getMeeting(), List.of(leaving, taker), List.of(slot, freed));
        }
        return new GroupMove(circle, circle.getMeeting(), List.of(leaving), List.of(slot));
    }

    /**
     * Exchanges a member of this circle with a request placed elsewhere or nowhere who fits the circle (its meeting,
     * and a language the mentor and the other members share); the member takes that request's place if it may (the
     * same mentor one-to-one under the pair rules, the other circle's meeting and language), or is left unplaced when
     * the other was. The placed count stays; what changes is the soft score: pair values, coherence and mix.
     */
    GroupMove exchange(Circle circle, List<Seat> members, List<Seat> candidates, Random random) {
        CircleSlot slot = circle.getSlot();
        // Each other circle's members, found once per move (the gains and the rules below ask for them often).
        java.util.Map<CircleSlot, List<Seat>> membersOf = new java.util.IdentityHashMap<>();
        membersOf.put(slot, members);
        if (random.nextBoolean()) {
            // Half the time the exchange of most gain by a quick count (pair values, and the coherence and mix with
            // the members each joins) over every member and every outsider who fits: the score decides.
            GroupMove best = null;
            long bestGain = Long.MIN_VALUE;
            for (Seat member : members) {
                List<Seat> rest = new ArrayList<>(members);
                rest.remove(member);
                java.util.Set<String> languages = CircleConstraintProvider.commonLanguages(slot, rest);
                for (Seat seat : candidates) {
                    if (seat.getPlace() != slot && circle.fits(seat)
                            && seat.getRequest().languages().stream().anyMatch(languages::contains)
                            && canTake(member, seat.getPlace(), membersOf)) {
                        long gain = exchangeGain(slot, rest, member, seat, membersOf);
                        if (gain > bestGain) {
                            bestGain = gain;
                            best = new GroupMove(circle, circle.getMeeting(), List.of(member, seat),
                                    java.util.Arrays.asList(seat.getPlace(), slot));
                        }
                    }
                }
            }
            return best != null ? best : new GroupMove(circle, circle.getMeeting(), List.of(), List.of());
        }
        Seat member = members.get(random.nextInt(members.size()));
        List<Seat> rest = new ArrayList<>(members);
        rest.remove(member);
        java.util.Set<String> languages = CircleConstraintProvider.commonLanguages(slot, rest);
        List<Seat> outsiders = new ArrayList<>();
        for (Seat seat : candidates) {
            if (seat.getPlace() != slot && circle.fits(seat)
                    && seat.getRequest().languages().stream().anyMatch(languages::contains)
                    && canTake(member, seat.getPlace(), membersOf)) {
                outsiders.add(seat);
            }
        }
        if (outsiders.isEmpty()) {
            return new GroupMove(circle, circle.getMeeting(), List.of(), List.of());
        }
        Seat outsider = outsiders.get(random.nextInt(outsiders.size()));
        return new GroupMove(circle, circle.getMeeting(), List.of(member, outsider),
                java.util.Arrays.asList(outsider.getPlace(), slot));
    }

    /**
     * Ruins and recreates an open circle: at its meeting or (half the time) another start a random member fits, in a
     * language of the mentor that member speaks, the circle is filled again from its members and the unplaced
     * candidates who fit, one at a time by the most gain (the pair value with the mentor plus the coherence and mix
     * with those already chosen), up to maxSize; members not chosen are left unplaced. Several members change at
     * once, which single exchanges only reach through worse scores.
     */
    GroupMove rebuild(Circle circle, List<Seat> members, List<Seat> candidates, Random random) {
        CircleSlot slot = circle.getSlot();
        Seat pivot = members.get(random.nextInt(members.size()));
        int start = circle.getMeeting();
        if (random.nextBoolean()) {
            List<Integer> starts = new ArrayList<>();
            for (int s : slot.getStarts()) {
                if (pivot.covers(s, slot.getMeetingMinutes())) {
                    starts.add(s);
                }
            }
            if (!starts.isEmpty()) {
                start = starts.get(random.nextInt(starts.size()));
            }
        }
        List<String> languages = new ArrayList<>();
        for (String language : new java.util.TreeSet<>(slot.getLanguages())) {
            if (pivot.getRequest().languages().contains(language)) {
                languages.add(language);
            }
        }
        if (languages.isEmpty()) {
            return new GroupMove(circle, circle.getMeeting(), List.of(), List.of());
        }
        String language = languages.get(random.nextInt(languages.size()));
        List<Seat> pool = new ArrayList<>();
        for (Seat seat : candidates) {
            if ((seat.getPlace() == slot || seat.getPlace() == null) && seat.covers(start, slot.getMeetingMinutes())
                    && seat.getRequest().languages().contains(language)) {
                pool.add(seat);
            }
        }
        if (pool.size() < slot.getMinSize()) {
            return new GroupMove(circle, circle.getMeeting(), List.of(), List.of());
        }
        int mentorIndex = slot.getMentorIndex();
        List<Seat> chosen = new ArrayList<>();
        // A random first member half the time (the pivot if it fits), so that the same circle is not always rebuilt
        // the same way; then the most gain each time.
        if (random.nextBoolean()) {
            Seat first = pool.contains(pivot) ? pivot : pool.get(random.nextInt(pool.size()));
            chosen.add(first);
            pool.remove(first);
        }
        while (chosen.size() < slot.getMaxSize() && !pool.isEmpty()) {
            Seat best = null;
            long bestGain = Long.MIN_VALUE;
            for (Seat seat : pool) {
                long gain = seat.valueWith(mentorIndex) + bonus(slot, chosen, seat);
                if (gain > bestGain) {
                    bestGain = gain;
                    best = seat;
                }
            }
            chosen.add(best);
            pool.remove(best);
        }
        List<Seat> seats = new ArrayList<>(chosen);
        List<Place> places = new ArrayList<>(Collections.nCopies(chosen.size(), slot));
        for (Seat member : members) {
            if (!chosen.contains(member)) {
                seats.add(member);
                places.add(null);
            }
        }
        return new GroupMove(circle, start, seats, places);
    }

    /** The members of a circle slot now, from the cache or found (and cached). */
    private List<Seat> membersOf(CircleSlot slot, java.util.Map<CircleSlot, List<Seat>> cache) {
        List<Seat> members = cache.get(slot);
        if (members == null) {
            members = new ArrayList<>();
            for (Seat s : model.candidates(slot)) {
                if (s.getPlace() == slot) {
                    members.add(s);
                }
            }
            cache.put(slot, members);
        }
        return members;
    }

    /** What exchanging a member of a slot (with the other members {@code rest}) and an outsider gains, roughly. */
    private long exchangeGain(CircleSlot slot, List<Seat> rest, Seat member, Seat outsider,
            java.util.Map<CircleSlot, List<Seat>> membersOf) {
        long gain = outsider.valueWith(slot.getMentorIndex()) - member.valueWith(slot.getMentorIndex())
                + bonus(slot, rest, outsider) - bonus(slot, rest, member);
        Place other = outsider.getPlace();
        if (other != null) {
            gain += member.valueWith(other.getMentorIndex()) - outsider.valueWith(other.getMentorIndex());
            if (other instanceof CircleSlot otherSlot) {
                List<Seat> others = new ArrayList<>(membersOf(otherSlot, membersOf));
                others.remove(outsider);
                gain += bonus(otherSlot, others, member) - bonus(otherSlot, others, outsider);
            }
        }
        return gain;
    }

    /** The coherence and mix a seat has with a circle's members. */
    private static long bonus(CircleSlot slot, List<Seat> members, Seat seat) {
        long bonus = 0;
        for (Seat member : members) {
            if (member != seat) {
                bonus += (CircleConstraintProvider.sharesDomain(seat, member) ? slot.getCoherenceWeight() : 0)
                        + (long) slot.getMixWeight() * CircleConstraintProvider.crossings(seat, member);
            }
        }
        return bonus;
    }

    /** Whether a seat may take a place another seat leaves (none, a pair it is allowed, a circle it fits). */
    private boolean canTake(Seat seat, Place place, java.util.Map<CircleSlot, List<Seat>> membersOf) {
        if (place == null) {
            return true;
        }
        if (place instanceof PairPlace pair) {
            return seat.getFormat().acceptsPair() && seat.isPairAllowed(pair.getMentorIndex());
        }
        CircleSlot other = (CircleSlot) place;
        if (!model.isCandidate(other, seat)) {
            return false;
        }
        Circle circle = model.circle(other);
        if (!circle.fits(seat)) {
            return false;
        }
        // The one leaving it still counts here, so the language test is a little strict: never wrong.
        java.util.Set<String> languages = CircleConstraintProvider.commonLanguages(other, membersOf(other, membersOf));
        return seat.getRequest().languages().stream().anyMatch(languages::contains);
    }

    GroupMove move(Circle circle, Random random) {
        CircleSlot slot = circle.getSlot();
        List<Seat> candidates = model.candidates(slot);
        List<Seat> members = new ArrayList<>();
        for (Seat seat : candidates) {
            if (seat.getPlace() == slot) {
                members.add(seat);
            }
        }
        if (!members.isEmpty() && random.nextInt(3) == 0) {
            return rebuild(circle, members, candidates, random);
        }
        if (!members.isEmpty() && random.nextInt(3) == 0) {
            return exchange(circle, members, candidates, random);
        }
        if (!members.isEmpty() && members.size() < slot.getMaxSize() && random.nextInt(3) == 0) {
            return backfill(circle, members, candidates, random);
        }
        if (!members.isEmpty() && random.nextInt(5) == 0) {
            return new GroupMove(circle, circle.getMeeting(), members, Collections.nCopies(members.size(), null));
        }
        if (candidates.isEmpty()) {
            return new GroupMove(circle, circle.getMeeting(), List.of(), List.of());
        }
        // A pivot: a member to keep, or a candidate to build around.
        Seat pivot = !members.isEmpty() && random.nextBoolean() ? members.get(random.nextInt(members.size()))
                : candidates.get(random.nextInt(candidates.size()));
        List<Integer> starts = new ArrayList<>();
        for (int start : slot.getStarts()) {
            if (pivot.covers(start, slot.getMeetingMinutes())) {
                starts.add(start);
            }
        }
        List<String> languages = new ArrayList<>();
        for (String language : slot.getLanguages()) {
            if (pivot.getRequest().languages().contains(language)) {
                languages.add(language);
            }
        }
        if (starts.isEmpty() || languages.isEmpty()) {
            return new GroupMove(circle, circle.getMeeting(), List.of(), List.of());
        }
        int start = starts.get(random.nextInt(starts.size()));
        String language = languages.get(random.nextInt(languages.size()));
        List<Seat> fitting = new ArrayList<>();
        List<Seat> fittingElsewhere = new ArrayList<>();
        for (Seat seat : candidates) {
            if (seat.covers(start, slot.getMeetingMinutes())
                    && seat.getRequest().languages().contains(language)) {
                if (seat.getPlace() == slot || seat.getPlace() == null) {
                    fitting.add(seat);
                } else {
                    fittingElsewhere.add(seat);
                }
            }
        }
        // Members who fit stay first, then unplaced ones by value; seats placed elsewhere only to reach minSize.
        int mentorIndex = slot.getMentorIndex();
        fitting.sort((a, b) -> {
            boolean am = a.getPlace() == slot;
            boolean bm = b.getPlace() == slot;
            if (am != bm) {
                return am ? -1 : 1;
            }
            return Long.compare(b.valueWith(mentorIndex), a.valueWith(mentorIndex));
        });
        if (fitting.contains(pivot)) {
            fitting.remove(pivot);
            fitting.add(0, pivot);
        }
        List<Seat> group = new ArrayList<>(fitting.subList(0, Math.min(slot.getMaxSize(), fitting.size())));
        Collections.shuffle(fittingElsewhere, random);
        if (!fittingElsewhere.contains(pivot) || group.size() >= slot.getMinSize()) {
            fittingElsewhere.remove(pivot);
        } else {
            fittingElsewhere.remove(pivot);
            fittingElsewhere.add(0, pivot);
        }
        for (Seat seat : fittingElsewhere) {
            if (group.size() >= slot.getMinSize()) {
                break;
            }
            group.add(seat);
        }
        if (group.size() < slot.getMinSize()) {
            return new GroupMove(circle, circle.getMeeting(), List.of(), List.of());
        }
        List<Seat> seats = new ArrayList<>(group);
        List<Place> places = new ArrayList<>(Collections.nCopies(group.size(), slot));
        for (Seat member : members) {
            if (!group.contains(member)) {
                seats.add(member);
                places.add(null);
            }
        }
        return new GroupMove(circle, start, seats, places);
    }
}
