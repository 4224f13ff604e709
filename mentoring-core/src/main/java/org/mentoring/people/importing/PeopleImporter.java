package org.mentoring.people.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.mentoring.accounts.AccountInvitations;
import org.mentoring.accounts.AccountService.NewAccount;
import org.mentoring.accounts.Role;
import org.mentoring.audit.AuditService;
import org.mentoring.common.EmailAddress;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.InvalidInputException.FieldError;
import org.mentoring.cycles.Calendar;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.input.Checked;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.PeopleInputValidator;
import org.mentoring.people.input.RequestInput;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.people.persistence.StoredKeys;
import org.mentoring.people.persistence.UpsertCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports mentors and requests, upserting each by externalId. All or nothing: every record is checked first (its
 * fields, duplicates of externalId or email within the import, emails that belong to another stored record,
 * preferred and excluded mentors that exist in the import or the store, the cycle of each request); if any record
 * is rejected nothing is
 * written and an {@link ImportRejectedException} carries the report. Otherwise mentors are written, then requests,
 * each kind in one bulk upsert, between a journal entry that says the import started and one that says it ended
 * ({@link ImportJournal}), so that an import cut short is known afterwards. A dry run checks and reports without
 * writing. Every import that is not a dry run, accepted or rejected, is in the audit trail. Each person it brings
 * gets an account without a password when none has their email ({@link AccountInvitations#forImportedPeople}), for
 * the coordinator to invite.
 *
 * <p>A request goes into the cycle it names (one that has not ended); without one, a request already stored stays in
 * its cycle and a new one goes into the cycle open for requests today ({@code default} when the programme never
 * created a cycle; rejected, naming {@code cycle}, when cycles exist and none is open). A researcher's email is unique
 * per cycle: the same person may have a request in each cycle, in the store or in one import.
 */
@Service
public class PeopleImporter {

    private static final Logger log = LoggerFactory.getLogger(PeopleImporter.class);

    private final PeopleInputValidator validator;
    private final MentorService mentorService;
    private final RequestService requestService;
    private final ImportJournal journal;
    private final AuditService audit;
    private final AccountInvitations accounts;

    public PeopleImporter(PeopleInputValidator validator, MentorService mentorService,
            RequestService requestService, ImportJournal journal, AuditService audit, AccountInvitations accounts) {
        this.accounts = accounts;
        this.validator = validator;
        this.mentorService = mentorService;
        this.requestService = requestService;
        this.journal = journal;
        this.audit = audit;
    }

    /** {@link #importPeople(ImportBatch, boolean, String, String)} by the application itself. */
    public ImportReport importPeople(ImportBatch batch, boolean dryRun) {
        return importPeople(batch, dryRun, "system", "import");
    }

    /**
     * Checks the batch and, unless it is a dry run, writes it.
     *
     * @param actor who imports, for the journal and the audit trail
     * @param source what is imported (JSON, CSV upload, mentors.csv, ...), for the same
     * @return the report: records created and updated (or that would be, on a dry run)
     * @throws ImportRejectedException when any record is rejected; nothing was written
     * @throws InvalidInputException when the batch has no records at all
     */
    public ImportReport importPeople(ImportBatch batch, boolean dryRun, String actor, String source) {
        try {
            ImportReport report = checkAndWrite(batch, dryRun, actor, source);
            if (!dryRun) {
                audit.record(actor, "import", source, "created " + report.created() + ", updated "
                        + report.updated(), null);
            }
            return report;
        } catch (RuntimeException e) {
            if (!dryRun) {
                audit.record(actor, "import.rejected", source, e.getMessage(), null);
            }
            throw e;
        }
    }

    /**
     * Imports the records of a batch that pass every check and leaves out the rejected ones: the batch is checked,
     * its rejected records are taken out, and what is left is checked again (a request may name a mentor who was just
     * taken out), at most a few rounds, and then written as one import.
     *
     * @return the report of what was written, with the rejections of every round
     * @throws ImportRejectedException when no record is left to write (nothing was written)
     */
    public ImportReport importValid(ImportBatch batch, boolean dryRun, String actor, String source) {
        List<Rejection> rejected = new ArrayList<>(batch.unreadable());
        ImportBatch remaining = new ImportBatch(batch.mentors(), batch.requests(), List.of());
        for (int round = 0; round < 5 && !remaining.isEmpty(); round++) {
            try {
                ImportReport written = checkAndWrite(remaining, dryRun, actor, source + " (valid records only)");
                List<Rejection> all = new ArrayList<>(rejected);
                if (!dryRun) {
                    audit.record(actor, "import", source + " (valid records only)", "created " + written.created()
                            + ", updated " + written.updated() + ", left out " + rejected.size() + " rejections",
                            null);
                }
                return new ImportReport(written.dryRun(), written.created(), written.updated(),
                        rejectedRecords(all, "mentor") + rejectedRecords(all, "request"),
                        new ImportReport.Counts(written.mentors().created(), written.mentors().updated(),
                                rejectedRecords(all, "mentor")),
                        new ImportReport.Counts(written.requests().created(), written.requests().updated(),
                                rejectedRecords(all, "request")),
                        all);
            } catch (ImportRejectedException e) {
                rejected.addAll(e.report().rejections());
                Set<String> out = new HashSet<>();
                e.report().rejections().forEach(rejection -> out.add(rejection.location()));
                remaining = new ImportBatch(
                        remaining.mentors().stream().filter(entry -> !out.contains(entry.location())).toList(),
                        remaining.requests().stream().filter(entry -> !out.contains(entry.location())).toList(),
                        List.of());
            }
        }
        if (!dryRun) {
            audit.record(actor, "import.rejected", source + " (valid records only)", "every record was rejected",
                    null);
        }
        throw new ImportRejectedException(report(dryRun, UpsertCounts.NONE, UpsertCounts.NONE, rejected));
    }

    private ImportReport checkAndWrite(ImportBatch batch, boolean dryRun, String actor, String source) {
        if (batch.isEmpty()) {
            throw new InvalidInputException("mentors", "The import has no mentors and no requests");
        }
        List<Rejection> rejections = new ArrayList<>(batch.unreadable());
        PeopleInputValidator validator = this.validator.asNow();
        Checker<MentorInput, Mentor> mentors = new Checker<>("mentor", rejections, MentorInput::externalId,
                MentorInput::email, input -> "", validator::mentor, Mentor::externalId, Mentor::email, Mentor::email);
        mentors.check(batch.mentors());
        Calendar calendar = requestService.calendar();
        // the stored keys of each kind in one pass each (a request's cycle with them), checked in memory; a batch
        // without requests needs none of theirs
        StoredKeys storedMentors = mentorService.keys();
        StoredKeys storedRequests = batch.requests().isEmpty() ? StoredKeys.NONE : requestService.keys();
        Map<String, String> storedCycles = storedRequests.cycleByExternalId();
        Map<String, String> assigned = new HashMap<>();
        Checker<RequestInput, MentorshipRequest> requests = new Checker<>("request", rejections,
                RequestInput::externalId, RequestInput::email, input -> cycleOf(input, storedCycles, calendar),
                validator::request, MentorshipRequest::externalId, MentorshipRequest::email,
                r -> StoredKeys.inCycle(r.email(), assigned.get(r.externalId())));
        requests.check(batch.requests());
        assignCycles(requests, storedCycles, calendar, assigned, rejections);

        mentors.rejectEmailsOwnedElsewhere(storedMentors);
        requests.rejectEmailsOwnedElsewhere(storedRequests);
        rejectUnknownMentors(requests, mentors.seenIds.keySet(), storedMentors, rejections);
        rejectCapacitiesBelowPlacesHeld(mentors, rejections);
        rejectCirclesBelowCirclesLed(mentors, rejections);

        if (!rejections.isEmpty()) {
            ImportReport report = report(dryRun, UpsertCounts.NONE, UpsertCounts.NONE, rejections);
            log.info("Import rejected: {}", report.rejections().get(0).message());
            throw new ImportRejectedException(report);
        }
        UpsertCounts mentorCounts;
        UpsertCounts requestCounts;
        if (dryRun) {
            mentorCounts = predicted(mentors.ids(), storedMentors);
            requestCounts = predicted(requests.ids(), storedRequests);
        } else {
            String entry = journal.begin(actor, source, mentors.valid.size(), requests.valid.size());
            try {
                mentorCounts = mentorService.upsertAll(mentors.validValues(), storedMentors.externalIds());
                requestCounts = requestService.upsertAll(requests.validValues(), storedRequests.externalIds(),
                        assigned);
                accounts.forImportedPeople(people(mentors.validValues(), requests.validValues()), actor);
            } catch (RuntimeException | Error e) {
                // an Error too (out of memory): else this instance would keep the entry's heartbeat going forever
                journal.failed(entry, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                throw e;
            }
            journal.completed(entry, mentorCounts.created() + requestCounts.created(),
                    mentorCounts.updated() + requestCounts.updated());
            log.info("Imported {} mentors ({} new) and {} requests ({} new)",
                    mentors.valid.size(), mentorCounts.created(), requests.valid.size(), requestCounts.created());
        }
        return report(dryRun, mentorCounts, requestCounts, rejections);
    }

    /**
     * The cycle a request input goes into, as its duplicates within the import are counted: the one it names, else
     * its stored one, else the one open for requests today (blank when none is).
     */
    private static String cycleOf(RequestInput input, Map<String, String> storedCycles, Calendar calendar) {
        if (input.cycle() != null && !input.cycle().isBlank()) {
            return input.cycle().strip();
        }
        String stored = input.externalId() == null ? null : storedCycles.get(input.externalId().strip());
        return stored != null ? stored : calendar.openForRequests().map(cycle -> cycle.code()).orElse("");
    }

    /**
     * Puts each valid request in its cycle ({@code assigned}: externalId to cycle code), or rejects it naming
     * {@code cycle}.
     */
    private static void assignCycles(Checker<RequestInput, MentorshipRequest> requests,
            Map<String, String> storedCycles, Calendar calendar, Map<String, String> assigned,
            List<Rejection> rejections) {
        List<Valid<RequestInput, MentorshipRequest>> placed = new ArrayList<>();
        for (Valid<RequestInput, MentorshipRequest> valid : requests.valid) {
            MentorshipRequest request = valid.value();
            String named = valid.entry().record().cycle();
            named = named == null || named.isBlank() ? null : named.strip();
            String stored = storedCycles.get(request.externalId());
            try {
                String cycle = named == null && stored != null ? stored : calendar.forRequest(named, false);
                assigned.put(request.externalId(), cycle);
                placed.add(valid);
            } catch (InvalidInputException e) {
                rejections.add(new Rejection("request", request.externalId(), valid.entry().location(),
                        valid.entry().field("cycle"), e.getMessage()));
            }
        }
        requests.valid.clear();
        requests.valid.addAll(placed);
    }

    /** The people of an import, mentors first, for their accounts. */
    private static List<NewAccount> people(List<Mentor> mentors, List<MentorshipRequest> requests) {
        List<NewAccount> people = new ArrayList<>();
        mentors.forEach(m -> people.add(new NewAccount(m.email(), m.name(), Role.MENTOR, m.externalId())));
        requests.forEach(r -> people.add(new NewAccount(r.email(), r.name(), Role.RESEARCHER, r.externalId())));
        return people;
    }

    private static void rejectUnknownMentors(Checker<RequestInput, MentorshipRequest> requests,
            Set<String> importedMentorIds, StoredKeys storedMentors, List<Rejection> rejections) {
        Set<String> known = new HashSet<>(importedMentorIds);
        known.addAll(storedMentors.externalIds());
        for (Valid<RequestInput, MentorshipRequest> valid : requests.valid) {
            unknownMentors(valid, "preferredMentorIds", valid.entry().record().preferredMentorIds(), known,
                    rejections);
            unknownMentors(valid, "excludedMentorIds", valid.entry().record().excludedMentorIds(), known,
                    rejections);
        }
    }

    /** A mentor's capacity may not go below the places their offers and mentorships hold now. */
    private void rejectCapacitiesBelowPlacesHeld(Checker<MentorInput, Mentor> mentors, List<Rejection> rejections) {
        Map<String, Integer> held = mentorService.placesHeld(mentors.ids());
        for (Valid<MentorInput, Mentor> valid : mentors.valid) {
            Mentor mentor = valid.value();
            int taken = held.getOrDefault(mentor.externalId(), 0);
            if (mentor.capacity() < taken) {
                rejections.add(new Rejection("mentor", mentor.externalId(), valid.entry().location(),
                        valid.entry().field("capacity"), "capacity: " + mentor.capacity() + " is below the " + taken
                        + " places " + mentor.name() + " (" + mentor.externalId() + ") holds now (offers awaiting"
                        + " answers and active mentorships); give at least " + taken));
            }
        }
    }

    /** A mentor's circles may not go below the mentoring circles they lead now (by the ledger). */
    private void rejectCirclesBelowCirclesLed(Checker<MentorInput, Mentor> mentors, List<Rejection> rejections) {
        Map<String, Integer> led = mentorService.circlesHeld(mentors.ids());
        for (Valid<MentorInput, Mentor> valid : mentors.valid) {
            Mentor mentor = valid.value();
            int leads = led.getOrDefault(mentor.externalId(), 0);
            if (mentor.circles() < leads) {
                rejections.add(new Rejection("mentor", mentor.externalId(), valid.entry().location(),
                        valid.entry().field("circles"), org.mentoring.places.MentorPlaces.circlesTooFew(
                                mentor.name() + " (" + mentor.externalId() + ")", leads, mentor.circles())));
            }
        }
    }

    private static void unknownMentors(Valid<RequestInput, MentorshipRequest> valid, String field,
            List<String> ids, Set<String> known, List<Rejection> rejections) {
        if (ids == null) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i) == null ? null : ids.get(i).strip();
            if (id != null && !known.contains(id)) {
                String path = field + "[" + i + "]";
                rejections.add(new Rejection("request", valid.value().externalId(), valid.entry().location(),
                        valid.entry().field(path), path + ": no mentor has externalId " + id
                        + ", in this import or in the store"));
            }
        }
    }

    private static UpsertCounts predicted(Set<String> ids, StoredKeys stored) {
        int existing = (int) ids.stream().filter(stored::contains).count();
        return new UpsertCounts(ids.size() - existing, existing);
    }

    private static ImportReport report(boolean dryRun, UpsertCounts mentors, UpsertCounts requests,
            List<Rejection> rejections) {
        int rejectedMentors = rejectedRecords(rejections, "mentor");
        int rejectedRequests = rejectedRecords(rejections, "request");
        return new ImportReport(dryRun, mentors.created() + requests.created(), mentors.updated() + requests.updated(),
                rejectedMentors + rejectedRequests,
                new ImportReport.Counts(mentors.created(), mentors.updated(), rejectedMentors),
                new ImportReport.Counts(requests.created(), requests.updated(), rejectedRequests),
                rejections);
    }

    private static int rejectedRecords(List<Rejection> rejections, String kind) {
        return (int) rejections.stream()
                .filter(rejection -> rejection.kind().equals(kind))
                .map(Rejection::location)
                .distinct()
                .count();
    }

    /** A record that passed its own checks. */
    private record Valid<I, T>(ImportEntry<I> entry, T value) {
    }

    /** Checks the records of one kind and the duplicates among them. */
    private static final class Checker<I, T> {

        private final String kind;
        private final List<Rejection> rejections;
        private final Function<I, String> inputId;
        private final Function<I, String> inputEmail;
        private final Function<I, String> inputScope;
        private final Function<I, Checked<T>> check;
        private final Function<T, String> id;
        private final Function<T, String> email;
        private final Function<T, String> storedKey;
        private final Map<String, String> seenIds = new HashMap<>();
        private final Map<String, String> seenEmails = new HashMap<>();
        private final List<Valid<I, T>> valid = new ArrayList<>();

        /**
         * @param inputScope where an email must be unique (a request's cycle; the same for every mentor)
         * @param storedKey the record's key in the {@link StoredKeys} of its kind
         */
        Checker(String kind, List<Rejection> rejections, Function<I, String> inputId, Function<I, String> inputEmail,
                Function<I, String> inputScope, Function<I, Checked<T>> check, Function<T, String> id,
                Function<T, String> email, Function<T, String> storedKey) {
            this.inputScope = inputScope;
            this.storedKey = storedKey;
            this.kind = kind;
            this.rejections = rejections;
            this.inputId = inputId;
            this.inputEmail = inputEmail;
            this.check = check;
            this.id = id;
            this.email = email;
        }

        void check(List<ImportEntry<I>> entries) {
            for (ImportEntry<I> entry : entries) {
                if (entry.record() == null) {
                    rejections.add(new Rejection(kind, null, entry.location(), entry.location(),
                            "the record is empty"));
                    continue;
                }
                String externalId = PeopleInputValidator.shown(stripped(inputId.apply(entry.record())));
                int before = rejections.size();
                for (FieldError error : entry.readErrors()) {
                    reject(entry, externalId, error);
                }
                Checked<T> checked = check.apply(entry.record());
                for (FieldError error : checked.errors()) {
                    reject(entry, externalId, error);
                }
                boolean unique = firstTime(entry, externalId, "externalId", seenIds, externalId, externalId);
                String emailText = stripped(inputEmail.apply(entry.record()));
                String canonical = EmailAddress.canonical(emailText);
                String scope = inputScope.apply(entry.record());
                unique &= firstTime(entry, externalId, "email", seenEmails,
                        canonical == null || scope.isEmpty() ? canonical : StoredKeys.inCycle(canonical, scope),
                        canonical);
                if (unique && rejections.size() == before && checked.valid()) {
                    valid.add(new Valid<>(entry, checked.value()));
                }
            }
        }

        private boolean firstTime(ImportEntry<I> entry, String externalId, String field, Map<String, String> seen,
                String key, String value) {
            if (key == null) {
                return true;
            }
            String first = seen.putIfAbsent(key, entry.location());
            if (first == null) {
                return true;
            }
            rejections.add(new Rejection(kind, externalId, entry.location(), entry.field(field),
                    field + " '" + PeopleInputValidator.shown(value) + "' appears twice in this import: first at " + first));
            return false;
        }

        void rejectEmailsOwnedElsewhere(StoredKeys stored) {
            for (Valid<I, T> record : valid) {
                String owner = stored.ownerOf(storedKey.apply(record.value()));
                if (owner != null && !owner.equals(id.apply(record.value()))) {
                    String key = storedKey.apply(record.value());
                    rejections.add(new Rejection(kind, id.apply(record.value()), record.entry().location(),
                            record.entry().field("email"), "email " + email.apply(record.value())
                            + " already belongs to " + kind + " " + owner + " in the store"
                            + (key.equals(email.apply(record.value())) ? "" : key.substring(
                                    email.apply(record.value()).length()) + " (one request per researcher and cycle)")));
                }
            }
        }

        private void reject(ImportEntry<I> entry, String externalId, FieldError error) {
            rejections.add(new Rejection(kind, externalId, entry.location(), entry.field(error.field()),
                    error.message()));
        }

        Set<String> ids() {
            Set<String> ids = new LinkedHashSet<>();
            valid.forEach(record -> ids.add(id.apply(record.value())));
            return ids;
        }

        List<T> validValues() {
            return valid.stream().map(Valid::value).toList();
        }

        private static String stripped(String value) {
            if (value == null) {
                return null;
            }
            String stripped = value.strip();
            return stripped.isEmpty() ? null : stripped;
        }
    }
}
