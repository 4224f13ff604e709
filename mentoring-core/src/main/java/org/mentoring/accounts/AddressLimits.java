package org.mentoring.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many mail-sending requests (sign-ups, password resets) one network address may make in an hour: the limits per
 * email address stop one inbox from being flooded, this one stops a single client from making the app write to many
 * inboxes. Kept in memory: each instance counts its own requests, and a restart forgets them, which is enough to
 * slow a script down without a store write on every public request.
 */
@Component
public class AddressLimits {

    static final Duration WINDOW = Duration.ofHours(1);
    /** More addresses than this and the oldest are forgotten, so a flood of addresses cannot fill the memory. */
    static final int MAX_ADDRESSES = 10_000;

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int perHour;

    /**
     * @param perHour requests of one kind from one address in an hour (mentoring.security.mail-requests-per-address,
     *     20 by default: a family or an office behind one address stays under it)
     */
    AddressLimits(Optional<Clock> clock,
            @Value("${mentoring.security.mail-requests-per-address:20}") int perHour) {
        this.clock = clock.orElse(Clock.systemUTC());
        this.perHour = perHour;
    }

    /** How many requests of one kind one address may make in an hour. */
    public int perHour() {
        return perHour;
    }

    /**
     * Counts one request of this kind from this address.
     *
     * @return true when it is within the limit; false (and not counted) when the address made {@link #perHour()}
     *     such requests in the last hour
     */
    public boolean allow(String kind, String address) {
        Instant now = clock.instant();
        if (recent.size() > MAX_ADDRESSES) {
            recent.clear();
        }
        Deque<Instant> times = recent.computeIfAbsent(kind + " " + address, key -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= perHour) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
