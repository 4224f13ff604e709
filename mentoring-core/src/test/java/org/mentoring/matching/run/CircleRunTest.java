package org.mentoring.matching.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.common.InvalidInputException;
import org.mentoring.demo.CommunityGenerator;
import org.mentoring.matching.EmbeddedMongoTestConfiguration;
import org.mentoring.matching.circles.CircleChecker;
import org.mentoring.matching.circles.CircleInputs;
import org.mentoring.matching.circles.CircleProblem;
import org.mentoring.matching.circles.CircleResult;
import org.mentoring.matching.circles.CircleSettings;
import org.mentoring.matching.circles.CircleWeights;
import org.mentoring.matching.domain.MatchingWeights;
import org.mentoring.matching.model.InputSnapshot;
import org.mentoring.matching.model.MatchingRun;
import org.mentoring.matching.model.Proposal;
import org.mentoring.matching.model.RunStatus;
import org.mentoring.matching.model.UnmatchedRequest;
import org.mentoring.matching.persistence.MatchingPersistenceMapperImpl;
import org.mentoring.matching.persistence.MatchingRunDocument;
import org.mentoring.matching.persistence.MatchingRunLock;
import org.mentoring.matching.persistence.ProposalDocument;
import org.mentoring.matching.persistence.RunCircleDocument;
import org.mentoring.matching.persistence.RunCircleStore;
import org.mentoring.matching.persistence.RunInputStore;
import org.mentoring.matching.persistence.RunInputsDocument;
import org.mentoring.matching.persistence.RunLeases;
import org.mentoring.matching.persistence.RunResultStore;
import org.mentoring.matching.persistence.UnmatchedDocument;
import org.mentoring.matching.solver.MatchingEngine;
import org.mentoring.matching.solver.MatchingProblem;
import org.mentoring.matching.solver.MatchingResult;
import org.mentoring.people.CareerStage;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFormat;
import org.mentoring.people.WeeklySlot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** Runs that form mentoring circles, and runs without them exactly as before. */
@DataMongoTest(properties = "spring.data.mongodb.auto-index-creation=true")
@Import({EmbeddedMongoTestConfiguration.class, CircleRunTest.Beans.class, MatchingRunService.class,
    RunStore.class, RunInstance.class, RunReader.class, RunEndings.class, RunRecovery.class, RunCancellation.class,
    RunLeaseKeeper.class, RunShutdown.class, MatchingRunConfiguration.class, MatchingRunLock.class, RunLeases.class, RunResultStore.class, RunInputStore.class,
    RunCircleStore.class, MatchingPersistenceMapperImpl.class})
class CircleRunTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        FakeMatchingInputs matchingInputs() {
            return new FakeMatchingInputs();
        }
    }

    static final LocalDate START = LocalDate.of(2026, 6, 1);

    @Autowired
    private MatchingRunService service;
    @Autowired
    private RunReader reader;
    @Autowired
    private RunCancellation cancellation;
    @Autowired
    private FakeMatchingInputs inputs;
    @Autowired
    private MongoTemplate mongo;

    @BeforeEach
    void emptyStore() {
        for (Class<?> type : List.of(MatchingRunDocument.class, ProposalDocument.class, UnmatchedDocument.class,
                RunInputsDocument.class, RunCircleDocument.class)) {
            mongo.remove(new Query(), type);
        }
        mongo.remove(new Query(), "matchingRunLock");
    }

    private MatchingRun run(RunSettings settings) {
        String id = service.start(settings).id();
        await().atMost(Duration.ofSeconds(90)).until(() -> !reader.get(id).status().isActive());
        return reader.get(id);
    }

    @Test
    void withoutCirclesARunIsTheExactFlowAsBefore() {
        CommunityGenerator.Community community = new CommunityGenerator(7).generate(60, 15);
        inputs.use(new InputSnapshot(community.mentors(), community.requests(), Map.of()));
        MatchingRun run = run(new RunSettings(5, null, 11L));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.provenOptimal()).isTrue();
        assertThat(service.circles(run.id())).isEmpty();
        MatchingResult exact;
        try (MatchingEngine engine = new MatchingEngine()) {
            exact = engine.solve(MatchingProblem.of(community.requests(), community.mentors(),
                    MatchingWeights.defaults(), Duration.ofSeconds(5), 11L));
        }
        assertThat(run.score()).isEqualTo(exact.score());
        assertThat(reader.proposals(run.id()).proposals().stream()
                .map(p -> p.requestExternalId() + ">" + p.mentorExternalId()).collect(Collectors.toSet()))
                .isEqualTo(exact.proposals().stream().map(p -> p.requestExternalId() + ">" + p.mentorExternalId())
                        .collect(Collectors.toSet()));
    }

    @Test
    void aRunWithCirclesPlacesPairsAndCirclesKeepingEveryHardRule() {
        CommunityGenerator.Community community = new CommunityGenerator(7).generate(60, 15);
        List<MentorshipRequest> requests = new ArrayList<>();
        for (int i = 0; i < community.requests().size(); i++) {
            RequestFormat format = i % 3 == 0 ? RequestFormat.CIRCLE
                    : i % 3 == 1 ? RequestFormat.EITHER : RequestFormat.ONE_TO_ONE;
            requests.add(withFormat(community.requests().get(i), format));
        }
        List<Mentor> mentors = community.mentors().stream().map(m -> withCircles(m, 1)).toList();
        // one settled mentorship keeps its place: its mentor offers one one-to-one place fewer
        MentorshipRequest settled = withFormat(community.requests().get(0), RequestFormat.ONE_TO_ONE);
        settled = new MentorshipRequest("settled-1", settled.name(), settled.email(), settled.institution(),
                settled.country(), settled.timeZone(), settled.careerStage(), settled.languages(), settled.domains(),
                settled.goals(), settled.startDate(), settled.durationMonths(), settled.minOverlapMinutes(),
                settled.weeklyAvailability(), settled.preferredMentorIds(), settled.excludedMentorIds(),
                settled.priority(), RequestFormat.ONE_TO_ONE);
        Mentor busy = mentors.get(0);
        inputs.use(new InputSnapshot(mentors, requests, Map.of(settled, busy.externalId())));

        MatchingRun run = run(new RunSettings(4, null, 5L, null, new RunCircles(3, 5, 60, START)));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.provenOptimal()).isFalse();
        List<RunCircle> circles = service.circles(run.id());
        assertThat(circles).isNotEmpty();
        RunProposals proposals = reader.proposals(run.id());
        int seats = circles.stream().mapToInt(c -> c.members().size()).sum();
        assertThat(run.matchedCount()).isEqualTo(proposals.proposals().size() + seats);
        assertThat(run.requestCount()).isEqualTo(requests.size());
        assertThat(proposals.proposals().size() + seats + proposals.unmatched().size()).isEqualTo(requests.size());

        // every hard rule, checked from scratch
        CircleSettings settings = new CircleSettings(3, 5, 60, START);
        CircleProblem problem = new CircleProblem(CircleInputs.requests(requests), CircleInputs.mentors(mentors),
                settings, MatchingWeights.defaults(), CircleWeights.defaults(), Duration.ofSeconds(1), 5L);
        List<CircleResult.Pair> pairs = proposals.proposals().stream()
                .map(p -> new CircleResult.Pair(p.requestExternalId(), p.mentorExternalId())).toList();
        Map<String, Integer> number = new HashMap<>();
        List<CircleResult.CircleOut> outs = circles.stream().map(c -> new CircleResult.CircleOut(c.mentorExternalId(),
                number.merge(c.mentorExternalId(), 1, Integer::sum), c.members(), c.meetingStart(),
                c.meetingMinutes())).toList();
        CircleResult answer = new CircleResult("0hard/0medium/0soft", true, requests.size(), 0, pairs, outs,
                List.of(), Duration.ZERO, false);
        assertThat(CircleChecker.check(problem, answer).broken()).isEmpty();
        // the settled mentorship still holds its place
        long onBusy = proposals.proposals().stream().filter(p -> p.mentorExternalId().equals(busy.externalId()))
                .count();
        assertThat(onBusy + 1).isLessThanOrEqualTo(busy.capacity());

        // each member's explanation: domains, the meeting in their own zone, the language
        RunCircle first = circles.get(0);
        assertThat(first.explanation()).hasSize(first.members().size());
        String member = first.members().get(0);
        assertThat(first.explanation().get(0)).contains(member).contains("in their zone").contains("speaks");
        assertThat(first.memberExplanations().get(member)).anyMatch(l -> l.startsWith("Research domains"))
                .anyMatch(l -> l.contains("your time (")).anyMatch(l -> l.startsWith("Everyone in the circle speaks"));
        assertThat(first.end()).isEqualTo(first.start().plusMinutes(60));
    }

    @Test
    void aRequestNoCircleCanTakeIsUnmatchedWithTheCircleReason() {
        List<WeeklySlot> tuesday = List.of(WeeklySlot.parse("TUE 14:00-16:00"));
        Mentor mentor = new Mentor("m-1", "Mentor One", "m1@uni.example", "Uni", "KE", ZoneId.of("UTC"),
                Set.of("en"), List.of("planetary-health/climate-health"), Set.of(), 0, START.minusMonths(1), null,
                tuesday, 1);
        List<MentorshipRequest> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requests.add(request("r-" + i, Set.of("en"), tuesday, RequestFormat.CIRCLE));
        }
        requests.add(request("r-icelandic", Set.of("is"), tuesday, RequestFormat.CIRCLE));
        requests.add(request("r-friday", Set.of("en"), List.of(WeeklySlot.parse("FRI 08:00-09:00")),
                RequestFormat.EITHER));
        inputs.use(new InputSnapshot(List.of(mentor), requests, Map.of()));

        MatchingRun run = run(new RunSettings(2, null, 1L, null, new RunCircles(null, null, null, START)));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        List<RunCircle> circles = service.circles(run.id());
        assertThat(circles).singleElement().satisfies(c -> {
            assertThat(c.members()).containsExactlyInAnyOrder("r-0", "r-1", "r-2");
            assertThat(c.day()).isEqualTo(java.time.DayOfWeek.TUESDAY);
        });
        Map<String, List<String>> unmatched = reader.proposals(run.id()).unmatched().stream()
                .collect(Collectors.toMap(UnmatchedRequest::requestExternalId, UnmatchedRequest::reasons));
        assertThat(unmatched.keySet()).containsExactlyInAnyOrder("r-icelandic", "r-friday");
        assertThat(unmatched.get("r-icelandic")).containsExactly(CircleRunStep.NO_LANGUAGE);
        assertThat(unmatched.get("r-friday")).contains(CircleRunStep.NO_TIME).hasSizeGreaterThan(1);
    }

    @Test
    void withoutCirclesARequestThatAcceptsOnlyACircleIsNeverPairedAndToldWhy() {
        List<WeeklySlot> tuesday = List.of(WeeklySlot.parse("TUE 14:00-16:00"));
        Mentor mentor = new Mentor("m-1", "Mentor One", "m1@uni.example", "Uni", "KE", ZoneId.of("UTC"),
                Set.of("en"), List.of("planetary-health/climate-health"), Set.of(), 2, START.minusMonths(1), null,
                tuesday, 1);
        inputs.use(new InputSnapshot(List.of(mentor), List.of(request("r-circle", Set.of("en"), tuesday,
                RequestFormat.CIRCLE), request("r-pair", Set.of("en"), tuesday, RequestFormat.ONE_TO_ONE)), Map.of()));

        MatchingRun run = run(new RunSettings(2, null, 1L));

        assertThat(run.provenOptimal()).isTrue();
        assertThat(run.requestCount()).isEqualTo(2);
        RunProposals proposals = reader.proposals(run.id());
        assertThat(proposals.proposals()).extracting(p -> p.requestExternalId()).containsExactly("r-pair");
        assertThat(proposals.unmatched()).singleElement().satisfies(u -> {
            assertThat(u.requestExternalId()).isEqualTo("r-circle");
            assertThat(u.reasons()).containsExactly(CircleRunStep.NO_CIRCLES);
            // the run's summary counts it under circles, not "other reasons"
            assertThat(org.mentoring.analytics.UnmatchedCategory.primary(u.reasons()))
                    .isEqualTo(org.mentoring.analytics.UnmatchedCategory.CIRCLE);
        });
    }

    @Test
    void cancellingDuringTheCirclePhaseStopsTheCircleSearchPromptly() {
        CommunityGenerator.Community community = new CommunityGenerator(7).generate(60, 15);
        List<MentorshipRequest> requests = new ArrayList<>();
        for (int i = 0; i < community.requests().size(); i++) {
            requests.add(withFormat(community.requests().get(i), i % 2 == 0 ? RequestFormat.CIRCLE
                    : RequestFormat.EITHER));
        }
        inputs.use(new InputSnapshot(community.mentors().stream().map(m -> withCircles(m, 2)).toList(), requests,
                Map.of()));
        // 90 s: the circles' search alone may take 60 s
        String id = service.start(new RunSettings(90, null, 3L, null, new RunCircles(3, 5, 60, START))).id();
        await().atMost(Duration.ofSeconds(60)).until(() -> reader.get(id).status() == RunStatus.SOLVING);
        long cancelled = System.nanoTime();
        cancellation.cancel(id);
        await().atMost(Duration.ofSeconds(90)).until(() -> !reader.get(id).status().isActive());
        Duration took = Duration.ofNanos(System.nanoTime() - cancelled);

        MatchingRun run = reader.get(id);
        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(run.reason()).isEqualTo(MatchingRunService.CANCELLED_WHILE_CIRCLES_REASON);
        // far less than the search's 60 s (a busy machine's solver build included)
        assertThat(took).isLessThan(Duration.ofSeconds(25));
        assertThat(service.circles(id)).isEmpty();
        // the run keeps the circle settings it was started with
        assertThat(run.circles()).isEqualTo(new org.mentoring.matching.model.RunCircleSettings(3, 5, 60, START));
    }

    @Test
    void circleSettingsOutOfBoundsAreRefusedNamingEachField() {
        RunSettings wrong = new RunSettings(0, null, null, null, new RunCircles(1, 20, 50, null));
        assertThatThrownBy(() -> service.start(wrong))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactlyInAnyOrder("timeLimitSeconds", "circles.minSize", "circles.maxSize",
                                "circles.meetingMinutes"));
        RunSettings upsideDown = new RunSettings(null, null, null, null, new RunCircles(5, 4, null, null));
        assertThatThrownBy(() -> service.start(upsideDown))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(f -> {
                            assertThat(f.field()).isEqualTo("circles.maxSize");
                            assertThat(f.message()).contains("cannot be smaller than the smallest");
                        }));
        assertThat(mongo.count(new Query(), MatchingRunDocument.class)).isZero();
        CircleSettings defaults = RunCircles.defaults().settings(START);
        assertThat(defaults).isEqualTo(new CircleSettings(3, 6, 60, START));
    }

    static MentorshipRequest request(String id, Set<String> languages, List<WeeklySlot> slots, RequestFormat format) {
        return new MentorshipRequest(id, "Researcher " + id, id + "@lab.example", "Lab " + id, "GH",
                ZoneId.of("UTC"), CareerStage.POSTDOC, languages, List.of("planetary-health/climate-health"),
                Set.of(), START, 6, 60, slots, List.of(), Set.of(), false, format);
    }

    static MentorshipRequest withFormat(MentorshipRequest r, RequestFormat format) {
        return new MentorshipRequest(r.externalId(), r.name(), r.email(), r.institution(), r.country(), r.timeZone(),
                r.careerStage(), r.languages(), r.domains(), r.goals(), r.startDate(), r.durationMonths(),
                r.minOverlapMinutes(), r.weeklyAvailability(), r.preferredMentorIds(), r.excludedMentorIds(),
                r.priority(), format);
    }

    static Mentor withCircles(Mentor m, int circles) {
        return new Mentor(m.externalId(), m.name(), m.email(), m.institution(), m.country(), m.timeZone(),
                m.languages(), m.domains(), m.topics(), m.capacity(), m.availableFrom(), m.availableUntil(),
                m.weeklyAvailability(), circles);
    }
}
