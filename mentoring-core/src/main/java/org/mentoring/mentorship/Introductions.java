package org.mentoring.mentorship;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mentoring.common.ZoneNames;
import org.mentoring.matching.model.Mentorship;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.MatchingPersistenceMapper;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.notification.NotificationService;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.StoredMentor;
import org.mentoring.people.StoredRequest;
import org.mentoring.people.WeeklySlot;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.time.WeeklyOverlap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Introduces the two people of a new mentorship to each other: each gets the other's name, email, institution and
 * time zone, the weekly times they share in their own local time, and the first steps the programme suggests
 * ({@link IntroductionSettings}), by email once and on their page. The shared times are worked out as the matching
 * does (each zone's offset at 12:00 UTC on the start date, on a circular week), from both people's availability as
 * it is now.
 */
@Service
public class Introductions {

    private static final int DAY = 24 * 60;
    private static final int WEEK = WeeklyOverlap.MINUTES_PER_WEEK;
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private final MongoTemplate mongo;
    private final RequestService requests;
    private final MentorService mentors;
    private final NotificationService notifications;
    private final IntroductionSettings settings;
    private final MatchingPersistenceMapper mapper;
    private final String publicUrl;

    Introductions(MongoTemplate mongo, RequestService requests, MentorService mentors,
            NotificationService notifications, IntroductionSettings settings, MatchingPersistenceMapper mapper,
            @Value("${mentoring.public-url:http://localhost:8080}") String publicUrl) {
        this.mongo = mongo;
        this.requests = requests;
        this.mentors = mentors;
        this.notifications = notifications;
        this.settings = settings;
        this.mapper = mapper;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * Emails each side of a mentorship its introduction to the other, once per mentorship and side whoever calls
     * it again (after a crash, say). Does nothing for an unknown mentorship or one whose people are gone.
     */
    public void introduce(String mentorshipId) {
        MentorshipDocument document = mongo.findById(mentorshipId, MentorshipDocument.class);
        if (document == null) {
            return;
        }
        Mentorship mentorship = mapper.toMentorship(document);
        for (Side side : Side.values()) {
            of(mentorship, side).ifPresent(introduction -> notifications.sendOnce(
                    mentorshipId + ":introduction:" + side.name().toLowerCase(Locale.ROOT), emailOf(mentorship, side),
                    "Your mentorship starts: meet " + introduction.otherName(), text(introduction)));
        }
    }

    /**
     * The introduction one side of a mentorship reads; empty when the request or the mentor is no longer stored.
     * Who may read it is the caller's check: only that side and coordinators.
     */
    public Optional<Introduction> of(Mentorship mentorship, Side reader) {
        Optional<MentorshipRequest> request = requests.find(mentorship.requestExternalId())
                .map(StoredRequest::request);
        Optional<Mentor> mentor = mentors.find(mentorship.mentorExternalId()).map(StoredMentor::mentor);
        if (request.isEmpty() || mentor.isEmpty()) {
            return Optional.empty();
        }
        MentorshipRequest r = request.get();
        Mentor m = mentor.get();
        LocalDate start = mentorship.startDate() != null ? mentorship.startDate() : r.startDate();
        LocalDate end = mentorship.endDate() != null ? mentorship.endDate() : start.plusMonths(r.durationMonths());
        boolean researcher = reader == Side.RESEARCHER;
        ZoneId myZone = researcher ? r.timeZone() : m.timeZone();
        List<String> shared = researcher
                ? sharedTimes(r.weeklyAvailability(), r.timeZone(), m.weeklyAvailability(), m.timeZone(), start)
                : sharedTimes(m.weeklyAvailability(), m.timeZone(), r.weeklyAvailability(), r.timeZone(), start);
        boolean clocksChange = changesClocks(r.timeZone(), start, end) || changesClocks(m.timeZone(), start, end);
        return Optional.of(new Introduction(mentorship.id(), reader, researcher ? r.name() : m.name(),
                ZoneNames.of(myZone, start), researcher ? m.name() : r.name(), researcher ? m.email() : r.email(),
                researcher ? m.institution() : r.institution(),
                ZoneNames.of(researcher ? m.timeZone() : r.timeZone(), start),
                shared, clocksChange, settings.firstSteps(), start, end, mentorship.status()));
    }

    /** The introduction as an email to its reader. */
    String text(Introduction introduction) {
        StringBuilder text = new StringBuilder();
        text.append("Hello ").append(introduction.readerName()).append(",\n\n")
                .append("You and ").append(introduction.otherName()).append(" both accepted: your mentorship runs from ")
                .append(DATE.format(introduction.startDate())).append(" to ").append(DATE.format(introduction.endDate()))
                .append(". Here is how to reach each other.\n\n")
                .append(introduction.otherRole()).append(": ").append(introduction.otherName()).append('\n')
                .append("Email: ").append(introduction.otherEmail()).append('\n')
                .append("Institution: ").append(blankAs(introduction.otherInstitution(), "not given")).append('\n')
                .append("Time zone: ").append(introduction.otherTimeZone()).append("\n\n");
        if (introduction.sharedTimes().isEmpty()) {
            text.append("Your weekly availabilities have no time in common: agree on a time by email.\n");
        } else {
            text.append("The weekly times you are both available:\n");
            introduction.sharedTimes().forEach(line -> text.append("- ").append(line).append('\n'));
            if (introduction.clocksChange()) {
                text.append("These are the times on your start date; when clocks change for summer or winter time,"
                        + " they may move by an hour.\n");
            }
        }
        text.append("\nFirst steps the programme suggests:\n").append(introduction.firstSteps()).append("\n\n")
                .append("You find this introduction on your page too: ").append(publicUrl)
                .append(introduction.reader() == Side.RESEARCHER ? "/my-request" : "/mentor").append('\n');
        return text.toString();
    }

    private String emailOf(Mentorship mentorship, Side side) {
        return side == Side.RESEARCHER
                ? requests.get(mentorship.requestExternalId()).request().email()
                : mentors.find(mentorship.mentorExternalId()).map(stored -> stored.mentor().email()).orElseThrow();
    }

    /**
     * The weekly times two people share, each written in the first one's local time, for example
     * {@code Tuesdays 14:00-15:00 (your time: Nairobi, Eastern Africa Time, UTC+03:00)}; both converted with their zone's offset at 12:00 UTC
     * on {@code date}, on a circular week, as the matching does.
     */
    public static List<String> sharedTimes(List<WeeklySlot> mine, ZoneId myZone, List<WeeklySlot> theirs,
            ZoneId theirZone, LocalDate date) {
        ZoneOffset myOffset = WeeklyOverlap.offsetOn(myZone, date);
        int[] shared = WeeklyOverlap.intersectionIntervals(WeeklyOverlap.toUtcWeek(mine, myOffset),
                WeeklyOverlap.toUtcWeek(theirs, WeeklyOverlap.offsetOn(theirZone, date)));
        int shift = myOffset.getTotalSeconds() / 60;
        List<int[]> local = new ArrayList<>();
        for (int i = 0; i < shared.length; i += 2) {
            int start = Math.floorMod(shared[i] + shift, WEEK);
            int end = start + shared[i + 1] - shared[i];
            if (end <= WEEK) {
                local.add(new int[] {start, end});
            } else {
                local.add(new int[] {start, WEEK});
                local.add(new int[] {0, end - WEEK});
            }
        }
        local.sort((x, y) -> Integer.compare(x[0], y[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] interval : local) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1)[1] >= interval[0]) {
                int[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], interval[1]);
            } else {
                merged.add(interval);
            }
        }
        // a time that runs over Sunday midnight into Monday is one time, written from its Sunday start
        if (merged.size() > 1 && merged.get(0)[0] == 0 && merged.get(merged.size() - 1)[1] == WEEK) {
            int[] first = merged.remove(0);
            merged.get(merged.size() - 1)[1] = WEEK + first[1];
        }
        String suffix = " (your time: " + ZoneNames.flat(myZone, date) + ")";
        return merged.stream().map(interval -> describe(interval[0], interval[1]) + suffix).toList();
    }

    /** A local interval of minutes of the week (its end may run past the week's end) in words. */
    private static String describe(int start, int end) {
        int startDay = start / DAY;
        boolean sameDay = end - startDay * DAY <= DAY;
        if (sameDay) {
            return days(startDay) + " " + time(start % DAY) + "-" + time(end - startDay * DAY);
        }
        return days(startDay) + " " + time(start % DAY) + " to " + days((end / DAY) % 7) + " " + time(end % DAY);
    }

    private static String days(int day) {
        String name = java.time.DayOfWeek.of(day % 7 + 1).getDisplayName(java.time.format.TextStyle.FULL,
                Locale.ENGLISH);
        return name + "s";
    }

    private static String time(int minuteOfDay) {
        return String.format(Locale.ROOT, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }

    private static boolean changesClocks(ZoneId zone, LocalDate start, LocalDate end) {
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            return false;
        }
        ZoneOffsetTransition next = rules.nextTransition(start.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        return next != null && next.getInstant().isBefore(end.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    private static String blankAs(String text, String otherwise) {
        return text == null || text.isBlank() ? otherwise : text;
    }
}
