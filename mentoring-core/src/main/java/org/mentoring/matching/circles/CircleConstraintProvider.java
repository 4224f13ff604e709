package org.mentoring.matching.circles;

import static org.optaplanner.core.api.score.stream.ConstraintCollectors.count;
import static org.optaplanner.core.api.score.stream.ConstraintCollectors.toList;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.bi.BiConstraintStream;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/**
 * The rules of pairs and circles together (PRODUCT.md, "The matching problem" and "Mentoring circles").
 *
 * <ul>
 *   <li>Hard: a circle holds minSize..maxSize members; its meeting lies inside every member's and the mentor's
 *   week; they all share one language; its mentor is available on the start date and excluded by no member; a
 *   request is placed only in a format it accepts; a pair keeps today's pair rules and the mentor's capacity. A
 *   request is placed once at most (it has one place), and a mentor leads at most {@code circles} circles (they have
 *   that many slots).</li>
 *   <li>Medium: minus one per request placed nowhere, pair or circle seat alike.</li>
 *   <li>Soft: the pair value between each placed request and its mentor (the same as a one-to-one pair), the load
 *   balance of one-to-one mentees, and within each circle, per two members, coherence (a shared research domain) and
 *   mix (another country, another institution).</li>
 * </ul>
 */
public class CircleConstraintProvider implements ConstraintProvider {

    public static final String CIRCLE_SIZE = "Circle size";
    public static final String MEMBER_MEETING = "Circle meeting in every member's week";
    public static final String MENTOR_MEETING = "Circle meeting in the mentor's week";
    public static final String ONE_LANGUAGE = "Circle shares one language";
    public static final String MENTOR_AVAILABLE = "Circle mentor available on the start date";
    public static final String NO_CONFLICT = "Circle mentor excluded by no member";
    public static final String FORMAT = "Request format";
    public static final String PAIR_RULES = "Pair rules";
    public static final String CAPACITY = "Mentor capacity";
    public static final String UNMATCHED = "Unmatched request";
    public static final String PAIR_VALUE = "Pair preferences";
    public static final String LOAD_BALANCE = "Load balance";
    public static final String COHERENCE = "Circle coherence";
    public static final String MIX = "Circle mix";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        BiConstraintStream<Seat, Seat> members = twoMembers(factory);
        return new Constraint[] {
            circleSize(factory), memberMeeting(factory), mentorMeeting(factory), oneLanguage(factory),
            mentorAvailable(factory), noConflict(factory), format(factory), pairRules(factory), capacity(factory),
            unmatched(factory), pairValue(factory), loadBalance(factory), coherence(members), mix(members)
        };
    }

    /**
     * Every two members of one circle, once (the lower index first). Coherence and mix share this one join in the
     * solver; the right side holds circle members only, so a pair seat's move never touches its index.
     */
    private static BiConstraintStream<Seat, Seat> twoMembers(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(Seat::isInCircle)
                .join(factory.forEach(Seat.class).filter(Seat::isInCircle), Joiners.equal(Seat::getPlace))
                .filter((a, b) -> a.getIndex() < b.getIndex());
    }

    Constraint circleSize(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(Seat::isInCircle)
                .groupBy(s -> (CircleSlot) s.getPlace(), count())
                .filter((slot, n) -> n < slot.getMinSize() || n > slot.getMaxSize())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        (slot, n) -> n < slot.getMinSize() ? slot.getMinSize() - n : n - slot.getMaxSize())
                .asConstraint(CIRCLE_SIZE);
    }

    Constraint memberMeeting(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(Seat::isInCircle)
                .join(Circle.class, Joiners.equal(Seat::getPlace, Circle::getSlot))
                .filter((seat, circle) -> !circle.fits(seat))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(MEMBER_MEETING);
    }

    Constraint mentorMeeting(ConstraintFactory factory) {
        return factory.forEach(Circle.class)
                .filter(circle -> !circle.fits(circle.getSlot().getMentorWeek()))
                .ifExists(Seat.class, Joiners.equal(Circle::getSlot, Seat::getPlace))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(MENTOR_MEETING);
    }

    Constraint oneLanguage(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(Seat::isInCircle)
                .groupBy(s -> (CircleSlot) s.getPlace(), toList())
                .filter((slot, members) -> !sharesALanguage(slot, members))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(ONE_LANGUAGE);
    }

    /** Whether some language is spoken by a circle's mentor and all its members (no set built: it runs per move). */
    static boolean sharesALanguage(CircleSlot slot, List<Seat> members) {
        for (String language : slot.getLanguages()) {
            boolean all = true;
            for (Seat member : members) {
                if (!member.getRequest().languages().contains(language)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** The languages a circle's mentor and all its members speak. */
    public static Set<String> commonLanguages(CircleSlot slot, List<Seat> members) {
        Set<String> common = new HashSet<>(slot.getLanguages());
        for (Seat member : members) {
            common.retainAll(member.getRequest().languages());
        }
        return common;
    }

    Constraint mentorAvailable(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(s -> s.isInCircle() && !((CircleSlot) s.getPlace()).isMentorAvailable())
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(MENTOR_AVAILABLE);
    }

    Constraint noConflict(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(s -> s.isInCircle() && s.isConflict(s.getPlace()))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(NO_CONFLICT);
    }

    Constraint format(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(s -> s.isInCircle() ? !s.getFormat().acceptsCircle() : !s.getFormat().acceptsPair())
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(FORMAT);
    }

    Constraint pairRules(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(s -> s.isInPair() && !s.isPairAllowed(s.getPlace().getMentorIndex()))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(PAIR_RULES);
    }

    Constraint capacity(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(Seat::isInPair)
                .groupBy(s -> (PairPlace) s.getPlace(), count())
                .filter((pair, n) -> n > pair.getCapacity())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (pair, n) -> n - pair.getCapacity())
                .asConstraint(CAPACITY);
    }

    Constraint unmatched(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(Seat.class)
                .filter(s -> s.getPlace() == null)
                .penalize(HardMediumSoftLongScore.ONE_MEDIUM)
                .asConstraint(UNMATCHED);
    }

    Constraint pairValue(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(s -> s.getValue() != 0)
                .rewardLong(HardMediumSoftLongScore.ONE_SOFT, Seat::getValue)
                .asConstraint(PAIR_VALUE);
    }

    Constraint loadBalance(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(Seat::isInPair)
                .groupBy(s -> (PairPlace) s.getPlace(), count())
                .filter((pair, n) -> pair.getLoadWeight() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (pair, n) -> (long) pair.getLoadWeight() * n * n)
                .asConstraint(LOAD_BALANCE);
    }

    Constraint coherence(ConstraintFactory factory) {
        return coherence(twoMembers(factory));
    }

    private static Constraint coherence(BiConstraintStream<Seat, Seat> members) {
        return members
                .filter((a, b) -> sharesDomain(a, b))
                .rewardLong(HardMediumSoftLongScore.ONE_SOFT,
                        (a, b) -> ((CircleSlot) a.getPlace()).getCoherenceWeight())
                .asConstraint(COHERENCE);
    }

    Constraint mix(ConstraintFactory factory) {
        return mix(twoMembers(factory));
    }

    private static Constraint mix(BiConstraintStream<Seat, Seat> members) {
        return members
                .filter((a, b) -> crossings(a, b) > 0)
                .rewardLong(HardMediumSoftLongScore.ONE_SOFT,
                        (a, b) -> (long) ((CircleSlot) a.getPlace()).getMixWeight() * crossings(a, b))
                .asConstraint(MIX);
    }

    /** Whether two requests share a research domain code. */
    public static boolean sharesDomain(Seat a, Seat b) {
        Boolean byId = a.sharesDomainById(b);
        if (byId != null) {
            return byId;
        }
        for (String domain : a.getRequest().domains()) {
            if (b.getRequest().domains().contains(domain)) {
                return true;
            }
        }
        return false;
    }

    /** 1 for another country, 1 more for another institution. */
    public static int crossings(Seat a, Seat b) {
        int byId = a.crossingsById(b);
        if (byId >= 0) {
            return byId;
        }
        return (differ(a.getRequest().country(), b.getRequest().country()) ? 1 : 0)
                + (differ(a.getRequest().institution(), b.getRequest().institution()) ? 1 : 0);
    }

    private static boolean differ(String a, String b) {
        return a != null && b != null && !Objects.equals(a.trim().toLowerCase(java.util.Locale.ROOT),
                b.trim().toLowerCase(java.util.Locale.ROOT));
    }
}
