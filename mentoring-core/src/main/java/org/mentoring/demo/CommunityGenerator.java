package org.mentoring.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.mentoring.people.CareerStage;
import org.mentoring.people.Mentor;
import org.mentoring.people.MentorshipRequest;
import org.mentoring.people.RequestFormat;
import org.mentoring.people.WeeklySlot;
import org.mentoring.taxonomy.Domain;
import org.mentoring.taxonomy.Taxonomy;

/**
 * Generates a realistic global and planetary health Community of Practice from a seed: mentors and requests spread
 * over 14 time zones on five continents, English with French, Spanish, Portuguese and Swahili beside it, research
 * interests clustered on the taxonomy with a few popular domains, working-hours availability with some evenings,
 * preferred and excluded mentors, and equity priority for researchers based in low- and middle-income countries.
 * The same seed always gives the same community; with a date, the same seed and date do, its mentors available
 * around that date and its requests starting soon after it.
 */
public final class CommunityGenerator {

    /** Where people are: zone, country, LMIC (World Bank low- and middle-income), local languages, institutions. */
    record Place(String zone, String country, boolean lmic, List<String> languages, List<String> institutions) {
    }

    static final List<Place> PLACES = List.of(
            new Place("America/Vancouver", "CA", false, List.of("en"),
                    List.of("University of British Columbia", "Simon Fraser University")),
            new Place("America/Toronto", "CA", false, List.of("en", "fr"),
                    List.of("University of Toronto", "McGill University", "Université de Montréal")),
            new Place("America/Mexico_City", "MX", true, List.of("es", "en"),
                    List.of("Instituto Nacional de Salud Pública", "UNAM")),
            new Place("America/Bogota", "CO", true, List.of("es", "en"), List.of("Universidad de los Andes")),
            new Place("America/Sao_Paulo", "BR", true, List.of("pt", "en", "es"),
                    List.of("Fiocruz", "Universidade de São Paulo")),
            new Place("Europe/London", "GB", false, List.of("en"),
                    List.of("London School of Hygiene & Tropical Medicine", "University of Oxford")),
            new Place("Europe/Paris", "FR", false, List.of("fr", "en"),
                    List.of("Institut Pasteur", "Université Paris Cité")),
            new Place("Africa/Lagos", "NG", true, List.of("en"), List.of("University of Ibadan", "University of Lagos")),
            new Place("Africa/Dakar", "SN", true, List.of("fr", "en"), List.of("Université Cheikh Anta Diop")),
            new Place("Africa/Nairobi", "KE", true, List.of("en", "sw"),
                    List.of("University of Nairobi", "KEMRI", "Aga Khan University")),
            new Place("Africa/Johannesburg", "ZA", true, List.of("en"),
                    List.of("University of the Witwatersrand", "University of Cape Town")),
            new Place("Asia/Kolkata", "IN", true, List.of("en"),
                    List.of("Public Health Foundation of India", "AIIMS New Delhi")),
            new Place("Asia/Dhaka", "BD", true, List.of("en"), List.of("icddr,b", "BRAC University")),
            new Place("Australia/Sydney", "AU", false, List.of("en"),
                    List.of("University of Sydney", "UNSW Sydney")));

    static final List<String> TOPICS = List.of("grant-writing", "publishing", "career-planning", "fieldwork",
            "methods-training", "policy-engagement", "networking", "leadership", "community-engagement",
            "work-life-balance", "teaching", "data-analysis");

    private static final String[] GIVEN = {"Amina", "Jomo", "Priya", "Arjun", "Lucía", "Mateus", "Chloé",
        "Oluwaseun", "Fatou", "Thandiwe", "Nasrin", "Rahim", "Emily", "Liam", "Sofía", "Diego", "Wanjiru",
        "Kwame", "Aroha", "Mei", "Ana", "Camille", "Tariq", "Zanele", "Ines", "Noah", "Aisha", "Kofi", "Leila",
        "Rohan", "Grace", "Juan", "Mariana", "Sipho", "Ngozi", "Anjali", "Olivia", "Ravi", "Hana", "Tomás"};
    private static final String[] FAMILY = {"Mwangi", "Okafor", "Singh", "Sharma", "García", "Silva", "Dubois",
        "Adeyemi", "Diop", "Ndlovu", "Rahman", "Hossain", "Smith", "Tremblay", "López", "Pereira", "Otieno",
        "Mensah", "Ngata", "Chen", "Costa", "Martin", "Khan", "Dlamini", "Moreau", "Brown", "Bello", "Asante",
        "Haddad", "Iyer", "Wilson", "Ramírez", "Santos", "Nkosi", "Eze", "Gupta", "Taylor", "Patel", "Sato",
        "Fernández"};

    private final Random random;
    private final List<Domain> leaves;
    private final List<Domain> branches;
    /** The earliest day mentors become available (plus up to 60 days). */
    private final LocalDate availableFrom;
    /** The latest day mentors' availability ends (minus up to 120 days), for the 70% whose availability ends. */
    private final LocalDate availableUntil;
    /** The earliest start a request asks for (plus 0 to 7 weeks). */
    private final LocalDate requestsStart;
    /**
     * Who leads a circle and which requests are open to circles, drawn apart from {@link #random} so that a
     * community with circles has the same people as one without.
     */
    private final Random circleRandom;
    private double circleMentorShare;
    private double circleRequestShare;

    public CommunityGenerator(long seed) {
        this(seed, Taxonomy.planetaryHealth());
    }

    /** A community of 2026: mentors available from January, requests starting in March and April. */
    public CommunityGenerator(long seed, Taxonomy taxonomy) {
        this(seed, taxonomy, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 3, 1));
    }

    /**
     * A community living around {@code today}: mentors available since well before it (a cycle ago) and until a
     * year after it at the earliest end, requests starting from {@code requestsStart}.
     */
    public CommunityGenerator(long seed, Taxonomy taxonomy, LocalDate today, LocalDate requestsStart) {
        this(seed, taxonomy, today.minusDays(300), today.plusDays(480), requestsStart);
    }

    private CommunityGenerator(long seed, Taxonomy taxonomy, LocalDate availableFrom, LocalDate availableUntil,
            LocalDate requestsStart) {
        this.random = new Random(seed);
        this.leaves = taxonomy.domains().stream().filter(d -> d.depth() == 3).toList();
        this.branches = taxonomy.domains().stream().filter(d -> d.depth() == 2).toList();
        this.availableFrom = availableFrom;
        this.availableUntil = availableUntil;
        this.requestsStart = requestsStart;
        this.circleRandom = new Random(seed ^ 0x5DEECE66DL);
    }

    /**
     * Mentoring circles in the communities this generator makes from now on: about {@code mentorShare} of the mentors
     * lead one circle, and about {@code requestShare} of the requests are open to circles, half of them CIRCLE and
     * half EITHER. The people are the same as without circles (the choice is drawn from its own seeded sequence);
     * without this call, every mentor leads none and every request is ONE_TO_ONE.
     *
     * @return this generator
     */
    public CommunityGenerator withCircles(double mentorShare, double requestShare) {
        if (mentorShare < 0 || mentorShare > 1 || requestShare < 0 || requestShare > 1) {
            throw new IllegalArgumentException("shares are between 0 and 1");
        }
        this.circleMentorShare = mentorShare;
        this.circleRequestShare = requestShare;
        return this;
    }

    /** A generated community. */
    public record Community(List<Mentor> mentors, List<MentorshipRequest> requests) {
    }

    /**
     * @param minCapacity least mentees per mentor
     * @param maxCapacity most mentees per mentor
     */
    public Community generate(int requestCount, int mentorCount, int minCapacity, int maxCapacity) {
        List<Mentor> mentors = new ArrayList<>(mentorCount);
        for (int i = 1; i <= mentorCount; i++) {
            mentors.add(withCircles(mentor(String.format("m-%04d", i), minCapacity, maxCapacity)));
        }
        List<MentorshipRequest> requests = new ArrayList<>(requestCount);
        int openToCircles = 0;
        for (int i = 1; i <= requestCount; i++) {
            MentorshipRequest request = request(String.format("r-%05d", i), mentors);
            if (circleRequestShare > 0 && circleRandom.nextDouble() < circleRequestShare) {
                // alternately, so that exactly half (rounded) of those open to circles accept only a circle
                RequestFormat format = openToCircles++ % 2 == 0 ? RequestFormat.CIRCLE : RequestFormat.EITHER;
                request = withFormat(request, format);
            }
            requests.add(request);
        }
        return new Community(mentors, requests);
    }

    /** A community with 1 to 4 places per mentor, about 2.5 on average. */
    public Community generate(int requestCount, int mentorCount) {
        return generate(requestCount, mentorCount, 1, 4);
    }

    private Mentor withCircles(Mentor m) {
        if (circleMentorShare <= 0 || circleRandom.nextDouble() >= circleMentorShare) {
            return m;
        }
        return new Mentor(m.externalId(), m.name(), m.email(), m.institution(), m.country(), m.timeZone(),
                m.languages(), m.domains(), m.topics(), m.capacity(), m.availableFrom(), m.availableUntil(),
                m.weeklyAvailability(), 1);
    }

    private static MentorshipRequest withFormat(MentorshipRequest r, RequestFormat format) {
        return new MentorshipRequest(r.externalId(), r.name(), r.email(), r.institution(), r.country(), r.timeZone(),
                r.careerStage(), r.languages(), r.domains(), r.goals(), r.startDate(), r.durationMonths(),
                r.minOverlapMinutes(), r.weeklyAvailability(), r.preferredMentorIds(), r.excludedMentorIds(),
                r.priority(), format);
    }

    private Mentor mentor(String id, int minCapacity, int maxCapacity) {
        Place place = pick(PLACES);
        String name = personName();
        Set<String> languages = languages(place);
        Domain branch = popularBranch();
        Set<String> domains = new LinkedHashSet<>();
        int count = 2 + random.nextInt(3);
        while (domains.size() < count) {
            Domain from = random.nextDouble() < 0.7 ? branch : popularBranch();
            domains.add(leafUnder(from).code());
        }
        if (random.nextDouble() < 0.15) {
            domains.add(pick(branches).code());
        }
        Set<String> topics = new LinkedHashSet<>();
        int topicCount = 2 + random.nextInt(4);
        while (topics.size() < topicCount) {
            topics.add(pick(TOPICS));
        }
        LocalDate from = availableFrom.plusDays(random.nextInt(60));
        LocalDate until = random.nextDouble() < 0.7 ? availableUntil.minusDays(random.nextInt(120)) : null;
        return new Mentor(id, "Dr. " + name, email(name, id), pick(place.institutions()), place.country(),
                ZoneId.of(place.zone()), languages, List.copyOf(domains), topics,
                minCapacity + random.nextInt(maxCapacity - minCapacity + 1), from, until,
                availability(3 + random.nextInt(3), 0.15));
    }

    private MentorshipRequest request(String id, List<Mentor> mentors) {
        Place place = pick(PLACES);
        String name = personName();
        Domain branch = popularBranch();
        List<String> domains = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        while (domains.size() < count) {
            String code = random.nextDouble() < 0.75 ? leafUnder(branch).code() : leafUnder(popularBranch()).code();
            if (random.nextDouble() < 0.08) {
                code = branch.code();
            }
            if (!domains.contains(code)) {
                domains.add(code);
            }
        }
        Set<String> goals = new LinkedHashSet<>();
        int goalCount = 1 + random.nextInt(3);
        while (goals.size() < goalCount) {
            goals.add(pick(TOPICS));
        }
        List<String> preferred = new ArrayList<>();
        if (random.nextDouble() < 0.25) {
            int wanted = 1 + random.nextInt(3);
            for (int tries = 0; tries < 40 && preferred.size() < wanted; tries++) {
                Mentor candidate = pick(mentors);
                if (Taxonomy.affinity(domains, candidate.domains()) > 0 && !preferred.contains(candidate.externalId())) {
                    preferred.add(candidate.externalId());
                }
            }
        }
        Set<String> excluded = new LinkedHashSet<>();
        if (random.nextDouble() < 0.05) {
            String candidate = pick(mentors).externalId();
            if (!preferred.contains(candidate)) {
                excluded.add(candidate);
            }
        }
        CareerStage stage = CareerStage.values()[random.nextInt(CareerStage.values().length)];
        boolean waitingSinceLastCycle = random.nextDouble() < 0.05;
        return new MentorshipRequest(id, name, email(name, id), pick(place.institutions()), place.country(),
                ZoneId.of(place.zone()), stage, languages(place), domains, goals,
                requestsStart.plusDays(7L * random.nextInt(8)), 6 + 6 * random.nextInt(2),
                random.nextDouble() < 0.2 ? 90 : 60, availability(2 + random.nextInt(3), 0.3),
                preferred, excluded, place.lmic() || waitingSinceLastCycle);
    }

    private Set<String> languages(Place place) {
        Set<String> languages = new LinkedHashSet<>();
        languages.add(place.languages().get(0));
        for (int i = 1; i < place.languages().size(); i++) {
            if (random.nextDouble() < 0.6) {
                languages.add(place.languages().get(i));
            }
        }
        if (!languages.contains("en") && random.nextDouble() < 0.5) {
            languages.add("en");
        }
        return languages;
    }

    /** Slots in local working hours (a share of evenings), one to two hours each, on distinct days. */
    private List<WeeklySlot> availability(int slots, double eveningShare) {
        List<WeeklySlot> result = new ArrayList<>();
        Set<DayOfWeek> used = new LinkedHashSet<>();
        while (result.size() < slots) {
            DayOfWeek day = DayOfWeek.of(1 + random.nextInt(random.nextDouble() < 0.1 ? 7 : 5));
            if (!used.add(day)) {
                continue;
            }
            int startHour = random.nextDouble() < eveningShare ? 18 + random.nextInt(3) : 7 + random.nextInt(10);
            int startMinute = random.nextBoolean() ? 0 : 30;
            int length = 60 + 30 * random.nextInt(5);
            LocalTime start = LocalTime.of(startHour, startMinute);
            int endMinute = Math.min(24 * 60, startHour * 60 + startMinute + length);
            LocalTime end = endMinute == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.of(endMinute / 60, endMinute % 60);
            result.add(new WeeklySlot(day, start, end));
        }
        result.sort((a, b) -> a.day() != b.day() ? a.day().compareTo(b.day()) : a.start().compareTo(b.start()));
        return result;
    }

    /** Branches weighted so that climate and environmental health are the most asked for. */
    private Domain popularBranch() {
        int index = (int) Math.floor(Math.pow(random.nextDouble(), 1.6) * branches.size());
        return branches.get(Math.min(index, branches.size() - 1));
    }

    private Domain leafUnder(Domain branch) {
        List<Domain> under = leaves.stream().filter(l -> l.parentCode().equals(branch.code())).toList();
        int index = (int) Math.floor(Math.pow(random.nextDouble(), 1.4) * under.size());
        return under.get(Math.min(index, under.size() - 1));
    }

    private String personName() {
        return GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)];
    }

    private static String email(String name, String id) {
        String local = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".");
        return local + "." + id + "@example.org";
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
