package org.mentoring.people.input;

import java.util.ArrayList;
import java.util.List;
import org.mentoring.common.ConflictException;
import org.mentoring.common.EmailAddress;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.StoredRequest;

/**
 * What a participant may change of their own record, unlike a programme coordinator: only an ADMIN sets a request's
 * {@code priority} (the programme's equity flag) and anyone's {@code email} (where offers are sent) or
 * {@code externalId}. A mentor sets their own {@code capacity} from 0 to {@link #SELF_MAX_CAPACITY} (it is their
 * time), and may keep or lower a higher one a coordinator set. A value equal to the stored one (for a new request: to
 * the default, priority false and the researcher's own account email) is accepted, so that a client that sends back
 * what it read still works; any other is refused, each field named (the API answers 403).
 */
public final class ParticipantEdits {

    /** The most mentees at once a mentor may give themself; a coordinator may set up to the validator's maximum. */
    public static final int SELF_MAX_CAPACITY = 20;

    private ParticipantEdits() {
    }

    /**
     * The fields a researcher may not set on their own request.
     *
     * @param accountEmail the researcher's canonical account email
     * @param stored the request as stored, or null for a new one
     * @param email the email sent (any letter case), or null when absent
     * @param priority the priority sent, or null when absent (the stored one is kept)
     */
    public static List<FieldError> request(String accountEmail, MentorshipRequest stored, String email,
            Boolean priority) {
        List<FieldError> errors = new ArrayList<>();
        String expectedEmail = stored == null ? accountEmail : stored.email();
        if (email != null && !EmailAddress.canonical(email).equals(expectedEmail)) {
            errors.add(new FieldError("email", "email: only a programme coordinator changes the email of a request; "
                    + "send " + expectedEmail + " (your account's) or ask the coordinator"));
        }
        boolean expectedPriority = stored != null && stored.priority();
        if (priority != null && priority != expectedPriority) {
            errors.add(new FieldError("priority", "priority: only a programme coordinator flags a request for equity "
                    + "priority; send " + expectedPriority + " (the value it has) or leave it out"));
        }
        return errors;
    }

    /**
     * The fields a mentor may not set on their own profile.
     *
     * @param stored the profile as stored
     * @param email the email sent (any letter case), or null when absent
     * @param capacity the capacity sent, or null when absent
     */
    public static List<FieldError> mentorProfile(Mentor stored, String email, Integer capacity) {
        List<FieldError> errors = new ArrayList<>();
        if (email != null && !EmailAddress.canonical(email).equals(stored.email())) {
            errors.add(new FieldError("email", "email: only a programme coordinator changes a mentor's email (where "
                    + "offers are sent); send " + stored.email() + " or ask the coordinator"));
        }
        if (capacity != null && capacity > Math.max(SELF_MAX_CAPACITY, stored.capacity())) {
            errors.add(new FieldError("capacity", "capacity: you can take up to " + SELF_MAX_CAPACITY
                    + " mentees at once; ask the programme coordinator for more"));
        }
        return errors;
    }

    /**
     * Refuses a researcher's change or deletion of a request that has an offer waiting for answers or an active
     * mentorship (it would leave the offer or the mentorship pointing at a request that changed or is gone), saying
     * what to do instead.
     *
     * @param action what the researcher tried, for the message: "change" or "delete"
     * @throws ConflictException {@code request-in-progress}
     */
    public static void requireEditableByResearcher(StoredRequest stored, String action) {
        String what = switch (stored.status()) {
            case PROPOSED -> "has an offer waiting for answers: decline the offer on your page first (the request is "
                    + "then open again), or ask the programme coordinator";
            case MATCHED -> "is matched with a mentor: end the mentorship first, or ask the programme coordinator";
            default -> null;
        };
        if (what != null) {
            throw new ConflictException("request-in-progress", "You cannot " + action + " request "
                    + stored.request().externalId() + " now: it " + what + ".");
        }
    }
}
