package org.mentoring.matching.circles;

/**
 * The weights of what only circles have, below the pair preferences by default.
 *
 * @param coherence per two members of a circle who share a research domain (the same taxonomy code)
 * @param mix per two members of a circle from another country, and again from another institution
 */
public record CircleWeights(int coherence, int mix) {

    public CircleWeights {
        if (coherence < 0 || mix < 0) {
            throw new IllegalArgumentException("circle weights must not be negative");
        }
    }

    public static CircleWeights defaults() {
        return new CircleWeights(2, 1);
    }
}
