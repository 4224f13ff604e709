package org.mentoring.benchmark;

import java.time.Duration;
import java.util.List;
import org.mentoring.demo.CommunityGenerator;

/**
 * One benchmark instance: a generated community of a given size and mentor capacity, the engine's time limit on it,
 * and the share of the exact optimum's affinity the engine has to reach.
 */
record Instance(String name, int requests, int mentors, int minCapacity, int maxCapacity, long seed,
        Duration timeLimit, double affinityTarget) {

    static final List<Instance> ALL = List.of(
            new Instance("small", 200, 50, 1, 4, 1, Duration.ofSeconds(5), 0.99),
            new Instance("medium", 2_000, 400, 1, 4, 2, Duration.ofSeconds(10), 0.99),
            new Instance("medium-roomy", 2_000, 400, 3, 8, 3, Duration.ofSeconds(10), 0.99),
            new Instance("large", 10_000, 2_000, 1, 4, 4, Duration.ofSeconds(60), 0.98),
            new Instance("large-roomy", 10_000, 2_000, 3, 8, 5, Duration.ofSeconds(60), 0.98));

    CommunityGenerator.Community generate() {
        return new CommunityGenerator(seed).generate(requests, mentors, minCapacity, maxCapacity);
    }

    String describe() {
        return String.format("%s: %,d requests x %,d mentors, capacity %d-%d, seed %d, time limit %ds", name,
                requests, mentors, minCapacity, maxCapacity, seed, timeLimit.toSeconds());
    }
}
