package org.mentoring.mentorship;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The programme's introduction settings, one document of the {@code settings} collection with the id
 * {@value #ID}: the first steps every new pair is sent. Absent until a coordinator first changes them.
 */
@Document(IntroductionSettingsDocument.COLLECTION)
record IntroductionSettingsDocument(@Id String id, String firstSteps, String updatedBy, Instant updatedAt) {

    static final String COLLECTION = "settings";
    static final String ID = "introduction";
}
