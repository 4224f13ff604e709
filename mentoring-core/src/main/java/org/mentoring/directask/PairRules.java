package org.mentoring.directask;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mentoring.common.EmailAddress;
import org.mentoring.matching.domain.HardRule;
import org.mentoring.matching.domain.PairFit;
import org.mentoring.matching.solver.Explanations;
import org.mentoring.matching.solver.PairEvaluator;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;

/**
 * The hard rules of one researcher's request and one mentor, checked by the engine's own code ({@link PairEvaluator},
 * the checks every run makes) plus the mentor's free places, and worded for the researcher, naming the mentor.
 */
public final class PairRules {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private PairRules() {
    }

    /**
     * Every hard rule the pair breaks, in the order of PRODUCT.md; empty when the researcher may ask this mentor.
     *
     * @param held the places the mentor holds now (offers awaiting answers and active mentorships)
     */
    public static List<BrokenRule> check(PairEvaluator evaluator, MentorshipRequest request, Mentor mentor,
            int held) {
        List<BrokenRule> broken = new ArrayList<>();
        String name = mentor.name();
        if (held >= mentor.capacity()) {
            broken.add(new BrokenRule(HardRule.CAPACITY, name + " has no free place (" + Math.min(held,
                    mentor.capacity()) + " of " + mentor.capacity() + " taken)"));
        }
        PairFit fit = evaluator.fit(request, mentor);
        if (fit.breaks(HardRule.TIME_TOGETHER)) {
            broken.add(new BrokenRule(HardRule.TIME_TOGETHER, fit.overlapMinutes() == 0
                    ? "you and " + name + " share no weekly time (your request asks for at least "
                            + Explanations.duration(request.minOverlapMinutes()) + ")"
                    : "you would share only " + Explanations.duration(fit.overlapMinutes()) + " a week with " + name
                            + ", less than the " + Explanations.duration(request.minOverlapMinutes())
                            + " your request asks for"));
        }
        if (fit.breaks(HardRule.DATES)) {
            broken.add(new BrokenRule(HardRule.DATES, name + " is not available on your start date, "
                    + DAY.format(request.startDate()) + " (available from " + DAY.format(mentor.availableFrom())
                    + (mentor.availableUntil() == null ? "" : " until " + DAY.format(mentor.availableUntil())) + ")"));
        }
        if (fit.breaks(HardRule.CONFLICT)) {
            boolean same = request.externalId().equals(mentor.externalId()) || (request.email() != null
                    && mentor.email() != null && EmailAddress.same(request.email(), mentor.email()));
            broken.add(new BrokenRule(HardRule.CONFLICT, same ? name + " is you: nobody can mentor themself"
                    : "your request excludes " + name + " (you asked not to be matched, or declined an offer"
                            + " with them)"));
        }
        if (fit.breaks(HardRule.LANGUAGE)) {
            broken.add(new BrokenRule(HardRule.LANGUAGE, "you share no language with " + name + " (you speak "
                    + languages(request.languages()) + "; " + name + " speaks " + languages(mentor.languages()) + ")"));
        }
        return broken;
    }

    /** The English name of an ISO 639-1 code, or the code when Java knows no name for it. */
    public static String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }

    private static String languages(java.util.Collection<String> codes) {
        return String.join(", ", codes.stream().map(PairRules::languageName).sorted().toList());
    }
}
