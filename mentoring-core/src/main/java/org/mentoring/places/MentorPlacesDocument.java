package org.mentoring.places;

import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One mentor's line in the ledger of places. It changes only through conditional atomic updates of this one document
 * ({@link MentorPlaces}), never by a read followed by a write.
 *
 * @param id the mentor's externalId
 * @param held places held now: offers awaiting answers plus active mentorships
 * @param capacity the mentor's capacity, copied here so that one update can check {@code held < capacity}
 * @param drafts per unpublished run, the proposals of that run an admin may still move onto this mentor: counted
 *     against the capacity only by overrides within that run (a draft holds no place)
 * @param version raised by every change
 * @param heldCircles mentoring circles the mentor leads now through published runs (null: none), apart from the
 *     places; never more than their {@code circles}
 * @param circleIds the circles counted in {@code heldCircles}, so that each is taken and given back once
 * @param circles the circles the mentor may lead at once, copied here by every change of it so that one update can
 *     check {@code heldCircles < circles} (null: never changed since the line was built; the profile's number holds)
 */
@Document(MentorPlacesDocument.COLLECTION)
public record MentorPlacesDocument(@Id String id, int held, int capacity, Map<String, Integer> drafts, long version,
        @org.springframework.data.mongodb.core.index.Indexed(sparse = true) Integer heldCircles,
        Map<String, Boolean> circleIds, Integer circles) {

    @org.springframework.data.annotation.PersistenceCreator
    public MentorPlacesDocument {
    }

    /** A line without circles. */
    public MentorPlacesDocument(String id, int held, int capacity, Map<String, Integer> drafts, long version) {
        this(id, held, capacity, drafts, version, null, null, null);
    }

    /** The circles held now, 0 when none. */
    public int circlesHeld() {
        return heldCircles == null ? 0 : heldCircles;
    }

    public static final String COLLECTION = "mentorPlaces";
}
