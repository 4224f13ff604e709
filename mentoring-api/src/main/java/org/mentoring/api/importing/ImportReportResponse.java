package org.mentoring.api.importing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.mapstruct.factory.Mappers;
import org.mentoring.people.importing.ImportReport;

/** What an import did, or would do on a dry run. */
@Schema(description = "What an import did (or, on a dry run, would do). A rejected import writes nothing: its "
        + "created and updated are 0 and rejections says what is wrong with each record.")
public record ImportReportResponse(
        @Schema(description = "True when only checked, nothing written") boolean dryRun,
        @Schema(description = "Records created, mentors and requests together") int created,
        @Schema(description = "Records updated by externalId") int updated,
        @Schema(description = "Records (or unreadable files) rejected") int rejected,
        KindCounts mentors,
        KindCounts requests,
        @Schema(description = "The first 1,000 reasons, in the order of the import")
        List<RejectionResponse> rejections,
        @Schema(description = "How many more reasons there are than rejections lists") int rejectionsOmitted) {

    /** The most reasons an answer lists, so that a huge broken import gets a reasonable answer. */
    public static final int MAX_LISTED = 1000;

    /** Counts for one kind of record. */
    public record KindCounts(int created, int updated, int rejected) {
    }

    /** Why one record, or a whole file, cannot be imported. */
    @Schema(description = "One reason a record (or a whole CSV file) cannot be imported")
    public record RejectionResponse(
            @Schema(description = "mentor or request") String kind,
            @Schema(description = "The record's externalId, absent for a whole file", example = "m-017")
            String externalId,
            @Schema(description = "The record: JSON index or CSV file and line", example = "mentors.csv line 5")
            String location,
            @Schema(description = "The wrong field", example = "mentors.csv line 5: timeZone") String field,
            @Schema(description = "What is wrong", example = "timeZone 'Mars/Olympus' is not an IANA time zone "
                    + "such as Africa/Nairobi")
            String reason,
            @Schema(description = "The reason with the record it belongs to") String message) {
    }

    public static ImportReportResponse of(ImportReport report) {
        ImportReportResponse all = Mappers.getMapper(ImportReportMapper.class).toResponse(report);
        if (all.rejections().size() <= MAX_LISTED) {
            return all;
        }
        return new ImportReportResponse(all.dryRun(), all.created(), all.updated(), all.rejected(), all.mentors(),
                all.requests(), all.rejections().subList(0, MAX_LISTED), all.rejections().size() - MAX_LISTED);
    }
}
