package org.mentoring.matching.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One mentoring circle a run forms. Ids follow {@link ProposalDocument}'s scheme ({@code <runId>-000001}), so that a
 * run's circles are read through the unique id index.
 *
 * @param members the requests' externalIds, in the order of the run's input
 * @param meetingStart the weekly meeting's start in UTC minutes of the week (0 is Monday 00:00 UTC)
 * @param startDate the day the circle starts, whose zone offsets turned each week into UTC
 * @param explanation why each member is in this circle, as an admin reads it (a few lines per member)
 * @param memberExplanations why, as each member reads it, by the member's request externalId
 * @param minSize the run's fewest members of a circle (null in circles saved before it was kept: the default)
 * @param maxSize the run's most members of a circle (null: the default)
 */
@Document(RunCircleDocument.COLLECTION)
public record RunCircleDocument(
        @Id String id,
        @Indexed String runId,
        String mentorExternalId,
        List<String> members,
        int meetingStart,
        int meetingMinutes,
        LocalDate startDate,
        List<String> explanation,
        Map<String, List<String>> memberExplanations,
        Integer minSize,
        Integer maxSize) {

    public static final String COLLECTION = "runCircles";

    @org.springframework.data.annotation.PersistenceCreator
    public RunCircleDocument {
        members = List.copyOf(members);
        explanation = explanation == null ? List.of() : List.copyOf(explanation);
        memberExplanations = memberExplanations == null ? Map.of() : Map.copyOf(memberExplanations);
    }

    /** A circle without its run's sizes (they read as the defaults). */
    public RunCircleDocument(String id, String runId, String mentorExternalId, List<String> members, int meetingStart,
            int meetingMinutes, LocalDate startDate, List<String> explanation,
            Map<String, List<String>> memberExplanations) {
        this(id, runId, mentorExternalId, members, meetingStart, meetingMinutes, startDate, explanation,
                memberExplanations, null, null);
    }
}
