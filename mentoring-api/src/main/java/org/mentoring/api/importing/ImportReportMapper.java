package org.mentoring.api.importing;

import org.mapstruct.Mapper;
import org.mapstruct.MappingConstants;
import org.mapstruct.Mapping;
import org.mentoring.people.importing.ImportReport;
import org.mentoring.people.importing.Rejection;

/** Maps the core's import report to its response; a plain mapper, so that the problem handler can use it too. */
@Mapper(componentModel = MappingConstants.ComponentModel.DEFAULT)
interface ImportReportMapper {

    @Mapping(target = "rejectionsOmitted", ignore = true)
    ImportReportResponse toResponse(ImportReport report);

    @Mapping(target = "message", expression = "java(rejection.message())")
    ImportReportResponse.RejectionResponse toResponse(Rejection rejection);
}
