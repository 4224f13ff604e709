package org.mentoring.mentorship;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.mentoring.audit.AuditService;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.PlainText;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The first steps the programme suggests to every new pair, sent in their introduction and shown on their pages. A
 * coordinator edits the text; until then {@link #DEFAULT_FIRST_STEPS} applies.
 */
@Service
public class IntroductionSettings {

    /** The audit action of a change. */
    public static final String ACTION = "settings.introduction";
    /** The longest text accepted, in characters. */
    public static final int MAX_FIRST_STEPS = 4000;
    public static final String DEFAULT_FIRST_STEPS = """
            1. Write to each other this week and agree on a first call at one of the times you share.
            2. In the first call, get to know each other and agree on what you want to achieve together, how often \
            you meet (every two to four weeks works for most pairs) and how you keep in touch between calls.
            3. Write your goals down in a few lines and share them: they help you both see progress at the mid-point \
            and at the end.
            4. If something gets in the way, tell each other early; the programme coordinators are there to help.""";

    private final MongoTemplate mongo;
    private final AuditService audit;
    private final Clock clock = Clock.systemUTC();

    IntroductionSettings(MongoTemplate mongo, AuditService audit) {
        this.mongo = mongo;
        this.audit = audit;
    }

    /** The first steps in force: the coordinator's text, or the default. */
    public String firstSteps() {
        return Optional.ofNullable(mongo.findById(IntroductionSettingsDocument.ID, IntroductionSettingsDocument.class))
                .map(IntroductionSettingsDocument::firstSteps).orElse(DEFAULT_FIRST_STEPS);
    }

    /**
     * Replaces the first steps (an ADMIN's change: the caller checks), and records it in the audit trail.
     *
     * @return the text as stored (trimmed)
     * @throws InvalidInputException on {@code firstSteps} when it is missing, empty, longer than
     *     {@value #MAX_FIRST_STEPS} characters or holds characters that cannot be shown
     */
    public String changeFirstSteps(String text, String actor, String address) {
        String stripped = text == null ? "" : text.strip().replace("\r\n", "\n");
        if (stripped.isEmpty()) {
            throw new InvalidInputException("firstSteps", "firstSteps: write the first steps the programme suggests"
                    + " to a new pair (a few lines of plain text)");
        }
        if (stripped.length() > MAX_FIRST_STEPS) {
            throw new InvalidInputException("firstSteps", "firstSteps: at most " + MAX_FIRST_STEPS
                    + " characters, not " + stripped.length());
        }
        Optional<String> unreadable = PlainText.multiLineProblem(stripped);
        if (unreadable.isPresent()) {
            throw new InvalidInputException("firstSteps", "firstSteps " + unreadable.get());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        mongo.save(new IntroductionSettingsDocument(IntroductionSettingsDocument.ID, stripped, actor, now));
        audit.record(actor, ACTION, IntroductionSettingsDocument.ID, "first steps changed (" + stripped.length()
                + " characters)", address);
        return stripped;
    }
}
