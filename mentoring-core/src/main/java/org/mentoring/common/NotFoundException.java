package org.mentoring.common;

/** A named thing does not exist (the API answers 404). */
public class NotFoundException extends RuntimeException {

    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        super("No " + kind + " with id " + id);
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
