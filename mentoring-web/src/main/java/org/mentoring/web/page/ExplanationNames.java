package org.mentoring.web.page;

import org.mentoring.matching.solver.Explanations;
import org.mentoring.matching.solver.Naming;
import org.mentoring.taxonomy.Taxonomy;
import org.mentoring.taxonomy.Topics;
import org.springframework.stereotype.Component;

/**
 * Gives the explanations the programme's names for domains and topics, looked up when a sentence is written, so
 * that a proposal explains itself with "Heat and health" and "Grant writing" rather than their codes.
 */
@Component
class ExplanationNames implements Naming {

    private final Taxonomy taxonomy;
    private final Topics topics;

    ExplanationNames(Taxonomy taxonomy, Topics topics) {
        this.taxonomy = taxonomy;
        this.topics = topics;
        Explanations.useNaming(this);
    }

    @Override
    public String domain(String code) {
        return taxonomy.find(code).map(domain -> domain.name()).orElseGet(() -> CODES.domain(code));
    }

    @Override
    public String topic(String code) {
        return topics.nameOf(code);
    }
}
