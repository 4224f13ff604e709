package org.mentoring.taxonomy;

/**
 * Where the taxonomy and the topic list in force come from: the programme's own, kept in the store
 * ({@link ProgrammeTaxonomy}), or fixed values for tests and tools ({@link #fixed}). Callers ask each time they need
 * them, so that a change another instance made is seen.
 */
public interface TaxonomySource {

    /** The research-domain taxonomy in force. */
    Taxonomy current();

    /** The list of goals and mentoring topics in force. */
    Topics topics();

    /** A source that never changes, for tests and tools (for example the shipped defaults). */
    static TaxonomySource fixed(Taxonomy taxonomy, Topics topics) {
        return new TaxonomySource() {
            @Override
            public Taxonomy current() {
                return taxonomy;
            }

            @Override
            public Topics topics() {
                return topics;
            }
        };
    }

    /** The shipped taxonomy and topics, fixed. */
    static TaxonomySource shipped() {
        return fixed(Taxonomy.planetaryHealth(), Topics.shipped());
    }
}
