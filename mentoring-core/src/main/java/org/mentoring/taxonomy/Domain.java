package org.mentoring.taxonomy;

import java.util.Objects;

/**
 * A node of the research-domain taxonomy. Its code is the path from its root, for example
 * {@code planetary-health/climate-health/heat-health}: a root, a branch, a leaf.
 */
public record Domain(String code, String name, String parentCode) {

    public Domain {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }

    /** 1 for a root, 2 for a branch, 3 for a leaf. */
    public int depth() {
        return code.split("/").length;
    }

    /** The last segment of the code, the short name used in explanations (for example heat-health). */
    public String shortCode() {
        return code.substring(code.lastIndexOf('/') + 1);
    }
}
