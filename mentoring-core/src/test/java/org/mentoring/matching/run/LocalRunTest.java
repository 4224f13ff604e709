package org.mentoring.matching.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalRunTest {

    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger stops = new AtomicInteger();
    private final LocalRun run = new LocalRun("r1");

    private boolean start() {
        return run.startSolver(starts::incrementAndGet, stops::incrementAndGet);
    }

    @Test
    void aCancelBeforeTheSolverStartsMeansItNeverStarts() {
        run.requestCancel("cancelled by an admin");

        assertThat(start()).isFalse();
        assertThat(starts).hasValue(0);
        assertThat(run.cancelReason()).isEqualTo("cancelled by an admin");
    }

    @Test
    void aCancelWhileSolvingStopsTheSolverOnceAndKeepsTheFirstReason() {
        assertThat(start()).isTrue();

        run.requestCancel("the application shut down");
        run.requestCancel("cancelled by an admin");

        assertThat(stops).as("a repeated cancel (a heartbeat repeats one from another instance) stops it once")
                .hasValue(1);
        assertThat(run.cancelReason()).isEqualTo("the application shut down");
    }

    @Test
    void waitingForTheEndReturnsOnceItIsMarked() {
        assertThat(run.awaitEnd(Duration.ZERO)).isFalse();

        run.markEnded();

        assertThat(run.isEnded()).isTrue();
        assertThat(run.awaitEnd(Duration.ofSeconds(1))).isTrue();
    }
}
