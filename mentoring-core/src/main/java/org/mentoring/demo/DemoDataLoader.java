package org.mentoring.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mentoring.accounts.AccountService;
import org.mentoring.accounts.Role;
import org.mentoring.cycles.CycleService;
import org.mentoring.feedback.FeedbackService;
import org.mentoring.feedback.FeedbackStage;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.people.RequestStatus;
import org.mentoring.people.importing.ImportBatch;
import org.mentoring.people.importing.ImportReport;
import org.mentoring.people.importing.PeopleImporter;
import org.mentoring.people.input.MentorInput;
import org.mentoring.people.input.RequestInput;
import org.mentoring.people.persistence.MentorService;
import org.mentoring.people.persistence.RequestService;
import org.mentoring.taxonomy.TaxonomySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the demo Community of Practice into an empty store at start, through the same import as an admin's file,
 * so that a newcomer can run a matching at once. A store with any mentor or request is left alone.
 * {@code MENTORING_DEMO_DATA} (true or false) decides; unset, the demo loads only on the embedded store, never on a
 * real MongoDB (MONGODB_URI), so a production start never creates the demo accounts and their published password.
 *
 * <p>The community lives in two cycles dated from the day it loads ({@link DemoCycles}): the previous one, whose
 * mentorships have ended (COMPLETED, some with feedback), and the current one, open for requests, with the 180 open
 * requests; mentors are available through the current cycle.
 */
@Component
class DemoDataLoader implements org.springframework.beans.factory.SmartInitializingSingleton {

    /** MENTORING_DEMO_DATA: true, false, or unset (blank). */
    static final String PROPERTY = "mentoring.demo-data";
    /** Any of these set means a real MongoDB, as in StoreAutoConfiguration. */
    private static final List<String> EXTERNAL_STORE = List.of(
            "mentoring.mongodb-uri", "spring.data.mongodb.uri", "spring.data.mongodb.host");

    static final long SEED = 2026;
    static final int REQUESTS = 180;
    static final int MENTORS = 48;
    /** About a quarter of the demo mentors lead one mentoring circle. */
    static final double CIRCLE_MENTOR_SHARE = 0.25;
    /** About 30 % of the demo requests are open to circles, half CIRCLE and half EITHER. */
    static final double CIRCLE_REQUEST_SHARE = 0.3;
    /** Demo only: every demo person's password, written in the README. */
    public static final String DEMO_PASSWORD = "demo-mentoring-2026";
    /** Demo only: the demo coordinator, an ADMIN. */
    public static final String DEMO_ADMIN_EMAIL = "coordinator@demo.example.org";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final PeopleImporter importer;
    private final MentorService mentors;
    private final RequestService requests;
    private final TaxonomySource taxonomy;
    private final AccountService accounts;
    private final CycleService cycles;
    private final FeedbackService feedback;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final boolean wanted;
    private final boolean externalStore;

    DemoDataLoader(PeopleImporter importer, MentorService mentors, RequestService requests, TaxonomySource taxonomy,
            AccountService accounts, Environment environment, CycleService cycles, FeedbackService feedback,
            MongoTemplate mongo, Optional<Clock> clock) {
        this.cycles = cycles;
        this.feedback = feedback;
        this.mongo = mongo;
        this.clock = clock.orElse(Clock.systemUTC());
        this.importer = importer;
        this.mentors = mentors;
        this.requests = requests;
        this.taxonomy = taxonomy;
        this.accounts = accounts;
        this.externalStore = externalStore(environment);
        this.wanted = wanted(environment.getProperty(PROPERTY), externalStore);
    }

    /**
     * Whether to load the demo: as MENTORING_DEMO_DATA says when it is given, else only on the embedded store.
     *
     * @throws IllegalArgumentException when MENTORING_DEMO_DATA is neither true nor false (the app does not start)
     */
    static boolean wanted(String demoData, boolean externalStore) {
        if (demoData == null || demoData.isBlank()) {
            return !externalStore;
        }
        if (demoData.trim().equalsIgnoreCase("true")) {
            return true;
        }
        if (demoData.trim().equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("MENTORING_DEMO_DATA must be true or false (or unset), not \"" + demoData
                + "\"");
    }

    static boolean externalStore(Environment environment) {
        return EXTERNAL_STORE.stream().map(environment::getProperty).anyMatch(v -> v != null && !v.isBlank());
    }

    /**
     * Loads the demo once every bean is made and before the web server starts (it starts with the context's
     * lifecycle, after this), so that the app answers only once the demo accounts can sign in; an ApplicationRunner
     * ran after the first requests were answered.
     */
    @Override
    public void afterSingletonsInstantiated() {
        run(null);
    }

    public void run(ApplicationArguments args) {
        if (!wanted) {
            log.info(externalStore
                    ? "A MongoDB is configured (MONGODB_URI): no demo data loaded; MENTORING_DEMO_DATA=true would load"
                            + " the demo community and its demo accounts into an empty store"
                    : "MENTORING_DEMO_DATA=false: no demo data loaded");
            return;
        }
        if (mentors.count() > 0 || requests.count() > 0) {
            log.info("The store holds people already: no demo data loaded");
            return;
        }
        DemoCycles dates = new DemoCycles(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        CommunityGenerator.Community community = new CommunityGenerator(SEED, taxonomy.current(), dates.today,
                dates.currentStart()).withCircles(CIRCLE_MENTOR_SHARE, CIRCLE_REQUEST_SHARE).generate(REQUESTS, MENTORS);
        if (cycles.calendar().created().isEmpty()) {
            cycles.create(dates.previous, "system");
            cycles.create(dates.current, "system");
        }
        String hash = accounts.hash(DEMO_PASSWORD);
        List<AccountService.NewAccount> people = new ArrayList<>();
        people.add(new AccountService.NewAccount(DEMO_ADMIN_EMAIL, "Demo coordinator", Role.ADMIN, null));
        community.mentors().forEach(m -> people.add(
                new AccountService.NewAccount(m.email(), m.name(), Role.MENTOR, m.externalId())));
        community.requests().forEach(r -> people.add(
                new AccountService.NewAccount(r.email(), r.name(), Role.RESEARCHER, null)));
        // accounts first: the import then finds them and creates no password-less ones for the demo people
        accounts.createAllWithHash(people, hash);
        ImportReport report = importer.importPeople(ImportBatch.ofJson(
                community.mentors().stream().map(MentorInput::of).toList(),
                community.requests().stream().map(RequestInput::of).toList()), false, "system", "demo community");
        previousCycle(community, dates);
        log.info("Demo accounts (demo only, passwords in the README): {} and every demo mentor and researcher",
                DEMO_ADMIN_EMAIL);
        log.info("Loaded the demo community: {} mentors and {} requests (MENTORING_DEMO_DATA=false turns this off)",
                report.mentors().created(), report.requests().created());
    }

    private static final String[] COMMENTS = {"Regular calls kept my grant on track.",
        "We met less often than planned, but each call helped.", "A generous mentor; I now have a paper under review.",
        "Good conversations about fieldwork across time zones.", ""};

    /** The previous cycle's requests, matched then, their mentorships completed, and some feedback on them. */
    private void previousCycle(CommunityGenerator.Community community, DemoCycles dates) {
        List<DemoCycles.PastPair> pairs = dates.previousPairs(community.requests(), community.mentors());
        Map<String, String> inPrevious = new HashMap<>();
        pairs.forEach(pair -> inPrevious.put(pair.request().externalId(), dates.previous.code()));
        requests.upsertAll(pairs.stream().map(DemoCycles.PastPair::request).toList(), Set.of(), inPrevious);
        requests.changeStatus(inPrevious.keySet(), RequestStatus.OPEN, RequestStatus.MATCHED);
        LocalDate start = LocalDate.parse(dates.previous.startsOn());
        LocalDate end = LocalDate.parse(dates.previous.endsOn());
        for (int i = 0; i < pairs.size(); i++) {
            DemoCycles.PastPair pair = pairs.get(i);
            String id = "ms-prev-" + pair.request().externalId().substring("r-prev-".length());
            mongo.insert(new MentorshipDocument(id, pair.request().externalId(), pair.mentor().externalId(),
                    MentorshipStatus.COMPLETED, start, end, null, start.atStartOfDay().toInstant(ZoneOffset.UTC),
                    null));
            if (i % 2 == 0) {
                feedback.give(id, Side.RESEARCHER, FeedbackStage.END, 3 + i % 3, COMMENTS[i % COMMENTS.length],
                        pair.request().email());
            }
            if (i % 3 == 0) {
                feedback.give(id, Side.MENTOR, FeedbackStage.MID, 4 + i % 2, "", pair.mentor().email());
            }
        }
        log.info("Demo cycles: {} ({} completed mentorships) and {}, open for requests", dates.previous.name(),
                pairs.size(), dates.current.name());
    }
}
