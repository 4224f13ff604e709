package org.mentoring.cycles;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A cycle in the {@code cycles} collection; its code is its id, so two cycles cannot share one. */
@Document(CycleDocument.COLLECTION)
record CycleDocument(@Id String code, String name, @Indexed LocalDate requestsOpen, LocalDate requestsClose,
        LocalDate startsOn, LocalDate endsOn, Instant createdAt, String createdBy) {

    static final String COLLECTION = "cycles";

    static CycleDocument of(Cycle cycle, Instant at, String actor) {
        return new CycleDocument(cycle.code(), cycle.name(), cycle.requestsOpen(), cycle.requestsClose(),
                cycle.startsOn(), cycle.endsOn(), at, actor);
    }

    Cycle toCycle() {
        return new Cycle(code, name, requestsOpen, requestsClose, startsOn, endsOn);
    }
}
