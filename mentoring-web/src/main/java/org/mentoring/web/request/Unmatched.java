package org.mentoring.web.request;

import java.util.ArrayList;
import java.util.List;
import org.mentoring.matching.solver.Explanations;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.WeeklySlot;
import org.mentoring.web.page.Names;

/**
 * Why the latest round found no mentor for a researcher, in their words ("you", "your request"), and what would
 * widen their chances next time.
 *
 * @param reasons the round's reasons, reworded for the researcher
 * @param widen what the researcher could change, each a sentence
 */
record Unmatched(List<String> reasons, List<String> widen) {

    /**
     * The words for a request the round left unmatched, knowing that {@code pausedWhoFit} mentors who share a language
     * and a domain with it are taking a break: a round leaves them out, so that is said first, and the round's
     * reasons are said of the other mentors (not "no mentor shares a language" when a paused one does).
     */
    static Unmatched of(MentorshipRequest request, List<String> roundReasons, Names names, int pausedWhoFit) {
        List<String> reasons = new ArrayList<>();
        if (pausedWhoFit > 0) {
            reasons.add((pausedWhoFit == 1 ? "1 mentor who speaks your language and works in your domain is"
                    : pausedWhoFit + " mentors who speak your language and work in your domain are")
                    + " taking a break from new mentees for now, so the round could not propose them.");
        }
        roundReasons.stream().map(Unmatched::yours)
                .map(reason -> pausedWhoFit > 0 ? reason.replaceFirst("^No mentor ", "No other mentor ") : reason)
                .forEach(reasons::add);
        String all = String.join(" ", roundReasons);
        List<String> widen = new ArrayList<>();
        int minutes = request.weeklyAvailability().stream().mapToInt(WeeklySlot::minutes).sum();
        widen.add("Add more weekly availability: you offer " + Explanations.duration(minutes)
                + " a week now, and every extra window lets more mentors meet you.");
        if (all.contains("a week overlapping") || all.contains("too little time")) {
            widen.add("Ask for less time together: you ask for at least "
                    + Explanations.duration(request.minOverlapMinutes()) + " a week.");
        }
        if (request.languages().size() < 2) {
            widen.add("Add another language you can work in: you list only "
                    + names.languages(request.languages()) + ".");
        }
        if (request.domains().size() < 2) {
            widen.add("Add a second research domain: mentors close to it can then be proposed too.");
        }
        if (all.contains("not available on")) {
            widen.add("Choose another start date: some mentors are not available on "
                    + request.startDate() + ".");
        }
        return new Unmatched(reasons, widen);
    }

    /** An admin's sentence about the request, as the researcher reads it. */
    static String yours(String reason) {
        if (reason.contains("run again with a longer time limit")) {
            return "Some mentors could still have taken you: the round ended before placing your request. The next"
                    + " round tries again.";
        }
        if (reason.equals("There are no mentors in this run")) {
            return "No mentors took part in this round.";
        }
        String text = reason
                .replace("with the researcher (who speaks ", "with you (you speak ")
                .replace("the researcher's", "your")
                .replace("the researcher", "you")
                .replace("The request's", "Your request's")
                .replace("the request's", "your")
                .replace("this request", "your request");
        return text.endsWith(".") ? text : text + ".";
    }
}
