package org.mentoring.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;

/**
 * The rules of an offer's deadline. Every offer (a run's, when it is published, or a direct ask) has an
 * {@code answerBy}: the moment it was offered plus the days both sides were given (14 unless the coordinator gives
 * 1 to 90), to the millisecond, so that a deadline means the same moment in every time zone; people read it in their
 * own. Three days before it, whichever side has not answered is reminded once ({@link OfferExpiry}), unless the offer
 * was given three days or less; at it, an offer not answered by both sides is EXPIRED.
 */
public final class OfferDeadlines {

    /** The days to answer when the coordinator gives none. */
    public static final int DEFAULT_DAYS = 14;
    /** The fewest days to answer a coordinator may give. */
    public static final int MIN_DAYS = 1;
    /** The most days to answer a coordinator may give. */
    public static final int MAX_DAYS = 90;
    /** How long before its deadline the sides who have not answered are reminded. */
    public static final Duration REMINDER_BEFORE = Duration.ofDays(3);
    /** The field of the publish body, named in a refusal. */
    public static final String FIELD = "answerWithinDays";
    /** The problem code of an answer to an offer whose deadline has passed. */
    public static final String EXPIRED_CODE = "offer-expired";

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm",
            Locale.ENGLISH);

    private OfferDeadlines() {
    }

    /**
     * The days to answer a coordinator asked for, checked.
     *
     * @param answerWithinDays null for the default ({@value #DEFAULT_DAYS})
     * @throws InvalidInputException on {@value #FIELD} unless it is from {@value #MIN_DAYS} to {@value #MAX_DAYS}
     */
    public static int days(Integer answerWithinDays) {
        if (answerWithinDays == null) {
            return DEFAULT_DAYS;
        }
        if (answerWithinDays < MIN_DAYS || answerWithinDays > MAX_DAYS) {
            throw new InvalidInputException(FIELD, FIELD + ": give both sides from " + MIN_DAYS + " to " + MAX_DAYS
                    + " days to answer (" + answerWithinDays + " is " + (answerWithinDays < MIN_DAYS
                            ? "no time at all: the deadline would have passed before anyone could answer"
                            : "longer than a programme keeps a mentor's place waiting") + "); leave it out for "
                    + DEFAULT_DAYS + " days");
        }
        return answerWithinDays;
    }

    /** The deadline of an offer made at {@code offeredAt} with {@code days} to answer. */
    public static Instant answerBy(Instant offeredAt, int days) {
        return offeredAt.plus(Duration.ofDays(days));
    }

    /** Whether an offer gets a reminder: it was given more than {@link #REMINDER_BEFORE} to answer. */
    public static boolean remindable(Instant offeredAt, Instant answerBy) {
        return answerBy != null && (offeredAt == null || answerBy.minus(REMINDER_BEFORE).isAfter(offeredAt));
    }

    /** Whether the deadline has passed at {@code now}; an offer without a deadline never expires. */
    public static boolean passed(Instant answerBy, Instant now) {
        return answerBy != null && !now.isBefore(answerBy);
    }

    /** A moment in words in a time zone, "15 December 2026, 14:30"; in UTC when the zone is null. */
    public static String inWords(Instant at, ZoneId timeZone) {
        return DAY_AND_TIME.withZone(zone(timeZone)).format(at);
    }

    /** A moment in words with its zone, "15 December 2026, 14:30 (Europe/Berlin time)", for an email. */
    public static String inWordsWithZone(Instant at, ZoneId timeZone) {
        ZoneId zone = zone(timeZone);
        return DAY_AND_TIME.withZone(zone).format(at) + " (" + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId()
                + " time") + ")";
    }

    /** The refusal of an answer to an offer whose deadline passed: when it expired, in words. */
    static ConflictException expired(String proposalId, Instant answerBy) {
        String when = answerBy == null ? "" : " on " + inWordsWithZone(answerBy, null);
        return new ConflictException(EXPIRED_CODE, "This offer expired" + when + " before both sides had answered,"
                + " so it can no longer be accepted or declined (offer " + proposalId + "); the request is open again"
                + " and a later run may propose the pair again");
    }

    private static ZoneId zone(ZoneId timeZone) {
        return timeZone == null ? ZoneOffset.UTC : timeZone;
    }
}
