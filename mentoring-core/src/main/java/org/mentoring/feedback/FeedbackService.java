package org.mentoring.feedback;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.NotFoundException;
import org.mentoring.matching.model.Mentorship;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.MatchingPersistenceMapper;
import org.mentoring.matching.persistence.MentorshipRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Feedback on mentorships: each side rates a mentorship from 1 to 5 with a comment, once at mid-term and once at the
 * end. Who may speak for which side is the caller's check.
 */
@Service
public class FeedbackService {

    static final int MAX_COMMENT = 4000;

    private final MongoTemplate mongo;
    private final MentorshipRepository mentorships;
    private final MatchingPersistenceMapper mapper;
    private final Clock clock = Clock.systemUTC();

    FeedbackService(MongoTemplate mongo, MentorshipRepository mentorships, MatchingPersistenceMapper mapper) {
        this.mongo = mongo;
        this.mentorships = mentorships;
        this.mapper = mapper;
    }

    /**
     * A mentorship by id, to check who may give or read its feedback.
     *
     * @throws NotFoundException if there is no such mentorship
     */
    public Mentorship mentorship(String mentorshipId) {
        return mentorships.findById(mentorshipId).map(mapper::toMentorship)
                .orElseThrow(() -> new NotFoundException("mentorship", mentorshipId));
    }

    /**
     * Records one side's feedback at one stage.
     *
     * @throws NotFoundException if there is no such mentorship
     * @throws InvalidInputException when the rating is not 1 to 5, the stage is missing or the comment too long
     * @throws ConflictException {@code feedback-given} when this side has given feedback at this stage
     */
    public Feedback give(String mentorshipId, Side side, FeedbackStage stage, Integer rating, String comment,
            String author) {
        mentorship(mentorshipId);
        if (stage == null) {
            throw new InvalidInputException("stage", "stage: MID or END");
        }
        if (rating == null || rating < 1 || rating > 5) {
            throw new InvalidInputException("rating", "rating: a whole number from 1 to 5");
        }
        String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "comment: at most " + MAX_COMMENT + " characters");
        }
        java.util.Optional<String> unreadable = org.mentoring.common.PlainText.multiLineProblem(text);
        if (unreadable.isPresent()) {
            throw new InvalidInputException("comment", "comment " + unreadable.get());
        }
        FeedbackDocument document = new FeedbackDocument(FeedbackDocument.idOf(mentorshipId, side, stage),
                mentorshipId, side, stage, rating, text, author, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try {
            return mongo.insert(document).toFeedback();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("feedback-given", "The " + side.name().toLowerCase(java.util.Locale.ROOT)
                    + " has already given " + stage + " feedback on mentorship " + mentorshipId);
        }
    }

    /** A mentorship's feedback, oldest first. */
    public List<Feedback> of(String mentorshipId) {
        return mongo.find(query(where("mentorshipId").is(mentorshipId)).with(Sort.by("createdAt", "_id")),
                FeedbackDocument.class).stream().map(FeedbackDocument::toFeedback).toList();
    }
}
