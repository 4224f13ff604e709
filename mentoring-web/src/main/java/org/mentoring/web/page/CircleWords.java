package org.mentoring.web.page;

import java.util.Arrays;
import java.util.List;
import org.mentoring.people.RequestFormat;

/**
 * Mentoring circles in words for pages: a request's format and a mentor's number of circles, never their codes.
 */
public final class CircleWords {

    private CircleWords() {
    }

    /** A request's format as a researcher chooses it. */
    public static String format(RequestFormat format) {
        return switch (format == null ? RequestFormat.ONE_TO_ONE : format) {
            case ONE_TO_ONE -> "One-to-one with a mentor";
            case CIRCLE -> "In a mentoring circle (a small group meeting a mentor every week)";
            case EITHER -> "Either";
        };
    }

    /** A request's format as a coordinator reads it in a list of facts. */
    public static String formatShort(RequestFormat format) {
        return switch (format == null ? RequestFormat.ONE_TO_ONE : format) {
            case ONE_TO_ONE -> "One-to-one only";
            case CIRCLE -> "In a mentoring circle only";
            case EITHER -> "One-to-one or in a mentoring circle";
        };
    }

    /**
     * A run's circle settings in words, for example "Also forms mentoring circles of 3 to 6 members, meeting 60
     * minutes every week, from 1 March 2027."; for a run of pairs only, "Pairs only: this run forms no circles.".
     */
    public static String runSettings(org.mentoring.matching.model.RunCircleSettings circles) {
        if (circles == null) {
            return "Pairs only: this run forms no mentoring circles.";
        }
        String size = circles.minSize() == circles.maxSize() ? circles.minSize() + " members"
                : circles.minSize() + " to " + circles.maxSize() + " members";
        return "Also forms mentoring circles of " + size + ", meeting " + circles.meetingMinutes()
                + " minutes every week, from " + org.mentoring.common.Days.inWords(circles.startDate()) + ".";
    }

    /** The three formats to choose from, in order, each in words. */
    public static List<Names.Choice> formats() {
        return Arrays.stream(RequestFormat.values()).map(f -> new Names.Choice(f.name(), format(f))).toList();
    }

    /** How many circles a mentor leads at once, in words. */
    public static String circles(int circles) {
        return switch (circles) {
            case 0 -> "None";
            case 1 -> "1 circle at once";
            default -> circles + " circles at once";
        };
    }
}
