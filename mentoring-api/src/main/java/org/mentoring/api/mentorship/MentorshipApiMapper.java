package org.mentoring.api.mentorship;

import org.mapstruct.Mapper;
import org.mentoring.matching.model.Mentorship;
import org.springframework.data.domain.Page;

/** Between the core's mentorships and the API's JSON. */
@Mapper
interface MentorshipApiMapper {

    MentorshipResponse toResponse(Mentorship mentorship);

    default MentorshipPageResponse toPage(Page<Mentorship> page) {
        return new MentorshipPageResponse(page.getContent().stream().map(this::toResponse).toList(),
                page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
