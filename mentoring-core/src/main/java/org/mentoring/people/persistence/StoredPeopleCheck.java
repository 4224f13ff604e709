package org.mentoring.people.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.mentoring.common.EmailAddress;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.PeopleInputValidator;
import org.mentoring.people.input.RequestInput;
import org.mentoring.people.input.SlotInput;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.stereotype.Component;

/**
 * Checks a mentor or request document as it would be stored (a line of a backup) with the rules an import or a form
 * applies ({@link PeopleInputValidator}), so that nothing is restored that the app could not have written: a negative
 * capacity, a domain the taxonomy does not know or a time zone that does not exist are refused, and the email must
 * be in its canonical form. The document must already read as its document class.
 */
@Component
public class StoredPeopleCheck {

    private final MongoConverter converter;
    private final PeopleInputValidator validator;

    public StoredPeopleCheck(MongoConverter converter, PeopleInputValidator validator) {
        this.converter = converter;
        this.validator = validator;
    }

    /** The same check against another taxonomy and topic list (those of the backup being restored). */
    public StoredPeopleCheck against(org.mentoring.taxonomy.TaxonomySource codes) {
        return new StoredPeopleCheck(converter, new PeopleInputValidator(codes));
    }

    /** Every wrong field of a document of the {@value MentorDocument#COLLECTION} collection. */
    public List<FieldError> mentor(Document stored) {
        MentorDocument mentor = converter.read(MentorDocument.class, stored);
        List<FieldError> errors = new ArrayList<>(validator.mentor(new MentorInput(mentor.getExternalId(),
                mentor.getName(), mentor.getEmail(), mentor.getInstitution(), mentor.getCountry(),
                mentor.getTimeZone(), mentor.getLanguages(), mentor.getDomains(), mentor.getTopics(),
                Integer.toString(mentor.getCapacity()), text(mentor.getAvailableFrom()),
                text(mentor.getAvailableUntil()), slots(mentor.getWeeklyAvailability()),
                Integer.toString(mentor.getCircles()))).errors());
        canonical(mentor.getEmail(), errors);
        return errors;
    }

    /** Every wrong field of a document of the {@value MentorshipRequestDocument#COLLECTION} collection. */
    public List<FieldError> request(Document stored) {
        MentorshipRequestDocument request = converter.read(MentorshipRequestDocument.class, stored);
        List<FieldError> errors = new ArrayList<>(validator.request(new RequestInput(request.getExternalId(),
                request.getName(), request.getEmail(), request.getInstitution(), request.getCountry(),
                request.getTimeZone(), request.getCareerStage() == null ? null : request.getCareerStage().name(),
                request.getLanguages(), request.getDomains(), request.getGoals(), text(request.getStartDate()),
                Integer.toString(request.getDurationMonths()), Integer.toString(request.getMinOverlapMinutes()),
                slots(request.getWeeklyAvailability()), request.getPreferredMentorIds(),
                request.getExcludedMentorIds(), Boolean.toString(request.isPriority()), null,
                request.getFormat() == null ? null : request.getFormat().name())).errors());
        canonical(request.getEmail(), errors);
        return errors;
    }

    private static void canonical(String email, List<FieldError> errors) {
        if (email != null && errors.stream().noneMatch(error -> error.field().equals("email"))
                && !EmailAddress.canonical(email).equals(email)) {
            errors.add(new FieldError("email", "email '" + PeopleInputValidator.shown(email)
                    + "' is not stored in its canonical form (trimmed, lower case)"));
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static List<SlotInput> slots(List<SlotDocument> slots) {
        return slots == null ? null : slots.stream()
                .map(slot -> slot == null ? null : new SlotInput(slot.day() == null ? null : slot.day().name(),
                        slot.start(), slot.end()))
                .toList();
    }
}
