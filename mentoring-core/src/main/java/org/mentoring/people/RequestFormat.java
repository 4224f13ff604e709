package org.mentoring.people;

/** How a request accepts to be mentored: one-to-one (the default), in a circle, or either. */
public enum RequestFormat {
    ONE_TO_ONE,
    CIRCLE,
    EITHER;

    public boolean acceptsPair() {
        return this != CIRCLE;
    }

    public boolean acceptsCircle() {
        return this != ONE_TO_ONE;
    }
}
