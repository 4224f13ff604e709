package org.mentoring.matching.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentoring.matching.model.ScorePoint;
import org.mockito.ArgumentCaptor;

class ScoreHistoryRecorderTest {

    private final List<ScorePoint> written = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000);
    private final ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
    private final ArgumentCaptor<Runnable> scheduled = ArgumentCaptor.forClass(Runnable.class);
    private ScoreHistoryRecorder recorder;

    @BeforeEach
    void setUp() {
        when(scheduler.schedule(scheduled.capture(), anyLong(), eq(TimeUnit.MILLISECONDS)))
                .thenAnswer(invocation -> mock(ScheduledFuture.class));
        recorder = new ScoreHistoryRecorder(written::add, scheduler, now::get);
    }

    private static ScorePoint point(long elapsed, int matched) {
        return new ScorePoint(elapsed, "0hard/-" + (60 - matched) + "medium/0soft", true, matched);
    }

    @Test
    void theFirstScoreIsWrittenAtOnce() {
        recorder.offer(point(10, 50));

        assertThat(written).containsExactly(point(10, 50));
    }

    @Test
    void scoresComingFasterThanTheIntervalAreReplacedByTheLatest() {
        recorder.offer(point(10, 50));
        now.addAndGet(100);
        recorder.offer(point(110, 51));
        now.addAndGet(100);
        recorder.offer(point(210, 52));

        assertThat(written).containsExactly(point(10, 50));

        now.addAndGet(100);
        recorder.offer(point(310, 53));

        assertThat(written).containsExactly(point(10, 50), point(310, 53));
    }

    @Test
    void aWaitingScoreIsWrittenWhenTheIntervalEndsEvenIfNoOtherComes() {
        recorder.offer(point(10, 50));
        now.addAndGet(100);
        recorder.offer(point(110, 51));

        now.addAndGet(150);
        scheduled.getValue().run();

        assertThat(written).containsExactly(point(10, 50), point(110, 51));
    }

    @Test
    void closingWritesTheLastScoreAndIgnoresLaterOnes() {
        recorder.offer(point(10, 50));
        now.addAndGet(10);
        recorder.offer(point(20, 51));

        recorder.close();
        recorder.offer(point(30, 52));
        recorder.close();

        assertThat(written).containsExactly(point(10, 50), point(20, 51));
    }

    @Test
    void theIntervalGrowsWithTheTimeSolved() {
        assertThat(ScoreHistoryRecorder.intervalMillis(1_000)).isEqualTo(250);
        assertThat(ScoreHistoryRecorder.intervalMillis(60_000)).isEqualTo(600);
        assertThat(ScoreHistoryRecorder.intervalMillis(3_600_000)).isEqualTo(36_000);
    }

    @Test
    void aScheduledFlushAfterCloseWritesNothingTwice() {
        recorder.offer(point(10, 50));
        now.addAndGet(10);
        recorder.offer(point(20, 51));
        recorder.close();

        scheduled.getValue().run();

        assertThat(written).containsExactly(point(10, 50), point(20, 51));
        assertThat(scheduled.getAllValues()).hasSize(1);
    }
}
