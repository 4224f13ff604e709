package org.mentoring.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.common.ConflictException;
import org.mentoring.common.InvalidInputException;
import org.mentoring.common.NotFoundException;
import org.mentoring.matching.model.MentorshipStatus;
import org.mentoring.matching.model.Side;
import org.mentoring.matching.persistence.MentorshipDocument;
import org.mentoring.people.PeopleTestApplication;
import org.mentoring.people.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ContextConfiguration;

@StoreTest
@ContextConfiguration(classes = PeopleTestApplication.class)
class FeedbackServiceTest {

    @Autowired
    FeedbackService feedback;
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void store() {
        mongo.remove(new Query(), FeedbackDocument.class);
        mongo.remove(new Query(), MentorshipDocument.class);
        mongo.insert(new MentorshipDocument("ms-1", "r-1", "m-1", MentorshipStatus.ACTIVE, LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 8, 1), null, Instant.now(), null));
    }

    @Test
    void eachSideGivesFeedbackOncePerStage() {
        feedback.give("ms-1", Side.RESEARCHER, FeedbackStage.MID, 4, "  Helpful on grant writing. ", "r@x.org");
        feedback.give("ms-1", Side.MENTOR, FeedbackStage.MID, 5, null, "m@x.org");
        feedback.give("ms-1", Side.RESEARCHER, FeedbackStage.END, 5, "Great.", "r@x.org");

        assertThatThrownBy(() -> feedback.give("ms-1", Side.RESEARCHER, FeedbackStage.MID, 2, "again", "r@x.org"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("feedback-given"));
        assertThat(feedback.of("ms-1")).extracting(Feedback::side, Feedback::stage, Feedback::rating,
                Feedback::comment).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Side.RESEARCHER, FeedbackStage.MID, 4,
                                "Helpful on grant writing."),
                        org.assertj.core.groups.Tuple.tuple(Side.MENTOR, FeedbackStage.MID, 5, ""),
                        org.assertj.core.groups.Tuple.tuple(Side.RESEARCHER, FeedbackStage.END, 5, "Great."));
    }

    @Test
    void aRatingOutsideOneToFiveOrAMissingStageIsRefused() {
        for (Integer rating : new Integer[] {0, 6, null}) {
            assertThatThrownBy(() -> feedback.give("ms-1", Side.MENTOR, FeedbackStage.END, rating, "", "m@x.org"))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("rating"));
        }
        assertThatThrownBy(() -> feedback.give("ms-1", Side.MENTOR, null, 3, "", "m@x.org"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("stage"));
        assertThatThrownBy(() -> feedback.give("ms-none", Side.MENTOR, FeedbackStage.END, 3, "", "m@x.org"))
                .isInstanceOf(NotFoundException.class);
        assertThat(feedback.of("ms-1")).isEmpty();
    }

    @Test
    void aCommentWithControlOrBidirectionalCharactersIsRefusedButLineBreaksStay() {
        for (String comment : new String[] {"Fine\u0000", "Good \u202Etxet desrever"}) {
            assertThatThrownBy(() -> feedback.give("ms-1", Side.MENTOR, FeedbackStage.MID, 4, comment, "m@x.org"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.errors().get(0).field()).isEqualTo("comment");
                        assertThat(e.errors().get(0).message()).startsWith("comment contains a");
                    });
        }
        assertThat(feedback.of("ms-1")).isEmpty();

        feedback.give("ms-1", Side.MENTOR, FeedbackStage.MID, 4, "Good start.\r\nWe meet weekly.", "m@x.org");
        assertThat(feedback.of("ms-1")).extracting(Feedback::comment).containsExactly("Good start.\r\nWe meet weekly.");
    }
}
