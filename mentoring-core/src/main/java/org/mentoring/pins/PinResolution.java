package org.mentoring.pins;

import java.util.Map;

/**
 * What a run makes of the pins when it reads its inputs.
 *
 * @param kept each request the run keeps with its pinned mentor: request externalId to mentor externalId
 * @param dropped each pin the run can no longer keep: request externalId to the reason, in plain words
 */
public record PinResolution(Map<String, String> kept, Map<String, String> dropped) {

    public PinResolution {
        kept = Map.copyOf(kept);
        dropped = Map.copyOf(dropped);
    }

    /** No pins at all. */
    public static PinResolution none() {
        return new PinResolution(Map.of(), Map.of());
    }
}
