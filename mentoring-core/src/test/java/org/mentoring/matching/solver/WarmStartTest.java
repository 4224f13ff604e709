package org.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The certificate's next solve, warm-started from the last answer and its dual prices
 * ({@link MinCostMatching#warmStart}), reaches the optimum a solve from nothing reaches on the same pairs: random
 * runs solve on part of their pairs, then gain the rest (as the certificate adds left-out pairs) and solve again both
 * ways.
 */
class WarmStartTest {

    /** A random run: per request its allowed mentors and values (some negative), each mentor's room. */
    private record Run(int[] room, long loadWeight, List<int[]> mentors, List<long[]> values) {

        static Run random(Random random) {
            int requests = 1 + random.nextInt(60);
            int mentorCount = 1 + random.nextInt(15);
            int[] room = new int[mentorCount];
            for (int j = 0; j < mentorCount; j++) {
                room[j] = random.nextInt(4);
            }
            long loadWeight = random.nextInt(3) == 0 ? 0 : random.nextInt(6);
            List<int[]> mentors = new ArrayList<>();
            List<long[]> values = new ArrayList<>();
            for (int r = 0; r < requests; r++) {
                List<Integer> all = new ArrayList<>();
                for (int j = 0; j < mentorCount; j++) {
                    all.add(j);
                }
                Collections.shuffle(all, random);
                int count = random.nextInt(Math.min(mentorCount, 8) + 1);
                int[] chosen = new int[count];
                long[] value = new long[count];
                for (int k = 0; k < count; k++) {
                    chosen[k] = all.get(k);
                    value[k] = random.nextInt(40) - 8;
                }
                mentors.add(chosen);
                values.add(value);
            }
            return new Run(room, loadWeight, mentors, values);
        }

        /** The model on the first {@code kept[r]} pairs of each request. */
        MatchingModel model(int[] kept) {
            int n = mentors.size();
            int[] start = new int[n + 1];
            for (int r = 0; r < n; r++) {
                start[r + 1] = start[r] + kept[r];
            }
            int[] pairMentor = new int[start[n]];
            long[] pairValue = new long[start[n]];
            for (int r = 0; r < n; r++) {
                System.arraycopy(mentors.get(r), 0, pairMentor, start[r], kept[r]);
                System.arraycopy(values.get(r), 0, pairValue, start[r], kept[r]);
            }
            return MatchingModel.of(n, room.clone(), start, pairMentor, pairValue, loadWeight);
        }
    }

    @Test
    void aWarmStartAfterPairsAreAddedReachesTheOptimumOfASolveFromNothing() {
        Random random = new Random(20261201);
        int improved = 0;
        int warmStarted = 0;
        for (int instance = 0; instance < 400; instance++) {
            Run run = Run.random(random);
            int n = run.mentors().size();
            // three rounds, as the certificate may solve three times: some pairs, more pairs, all pairs
            int[] first = new int[n];
            int[] second = new int[n];
            int[] all = new int[n];
            for (int r = 0; r < n; r++) {
                all[r] = run.mentors().get(r).length;
                first[r] = all[r] == 0 ? 0 : random.nextInt(all[r] + 1);
                second[r] = first[r] + (all[r] == first[r] ? 0 : random.nextInt(all[r] - first[r] + 1));
            }
            MinCostMatching previous = solved(run.model(first));
            long before = previous.objectiveValue();
            int matchedBefore = previous.matchedCount();
            for (int[] kept : new int[][] {second, all}) {
                MatchingModel model = run.model(kept);
                MinCostMatching cold = solved(model);
                long[] distances = previous.distancesToSink();
                assertThat(distances).as("the certificate's dual prices of instance %d", instance).isNotNull();
                MinCostMatching warm = MinCostMatching.warmStart(model, previous, distances);
                assertThat(warm).as("the warm start of instance %d", instance).isNotNull();
                warmStarted++;
                assertThat(warm.matchedCount()).as("matched in instance %d", instance)
                        .isEqualTo(cold.matchedCount());
                assertThat(warm.objectiveValue()).as("value in instance %d", instance)
                        .isEqualTo(cold.objectiveValue());
                assertThat(warm.distancesToSink()).as("the warm answer's own certificate in instance %d", instance)
                        .isNotNull();
                assertWithinRoom(model, warm);
                previous = warm;
            }
            if (previous.matchedCount() > matchedBefore || previous.objectiveValue() > before) {
                improved++;
            }
        }
        // the added pairs changed the optimum in many of them: the warm start had to move requests, not keep all
        assertThat(improved).isGreaterThan(100);
        assertThat(warmStarted).isEqualTo(800);
    }

    @Test
    void aRequestMovesToAnAddedMentorAndItsPlaceGoesToTheNextBest() {
        // two requests, one mentor with one place at first: request 0 takes it (value 10 against 5)
        int[] room = {1, 1};
        MatchingModel before = MatchingModel.of(2, room.clone(), new int[] {0, 1, 2}, new int[] {0, 0},
                new long[] {10, 5}, 0);
        MinCostMatching first = solved(before);
        assertThat(first.mentorOf(0)).isEqualTo(0);
        assertThat(first.mentorOf(1)).isEqualTo(-1);
        // request 0 gains mentor 1 (value 9): both can now be placed, 0 with mentor 1 and 1 with mentor 0 (9 + 5)
        // beats 0 staying (10) whatever the values, as two matches come first
        MatchingModel after = MatchingModel.of(2, room.clone(), new int[] {0, 2, 3}, new int[] {0, 1, 0},
                new long[] {10, 9, 5}, 0);
        MinCostMatching warm = MinCostMatching.warmStart(after, first, first.distancesToSink());
        assertThat(warm).isNotNull();
        assertThat(warm.mentorOf(0)).isEqualTo(1);
        assertThat(warm.mentorOf(1)).isEqualTo(0);
        assertThat(warm.objectiveValue()).isEqualTo(14);
        assertThat(warm.distancesToSink()).isNotNull();
    }

    private static MinCostMatching solved(MatchingModel model) {
        MinCostMatching matching = new MinCostMatching(model);
        matching.solve();
        return matching;
    }

    private static void assertWithinRoom(MatchingModel model, MinCostMatching matching) {
        int[] load = new int[model.mentorCount()];
        for (int r = 0; r < model.requestCount(); r++) {
            if (matching.mentorOf(r) >= 0) {
                load[matching.mentorOf(r)]++;
            }
        }
        for (int j = 0; j < load.length; j++) {
            assertThat(load[j]).isLessThanOrEqualTo(model.room[j]);
        }
    }
}
