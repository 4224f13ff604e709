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
        List<RejectionResponse> rejections) {

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
        return Mappers.getMapper(ImportReportMapper.class).toResponse(report);
    }
}
