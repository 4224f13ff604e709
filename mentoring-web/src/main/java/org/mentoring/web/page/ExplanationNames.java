package org.mentoring.web.page;

import org.mentoring.matching.solver.Explanations;
import org.mentoring.matching.solver.Naming;
import org.mentoring.taxonomy.TaxonomySource;
import org.springframework.stereotype.Component;

/**
 * Gives the explanations the programme's names for domains and topics, looked up when a sentence is written, so
 * that a proposal explains itself with "Heat and health" and "Grant writing" rather than their codes.
 */
@Component
class ExplanationNames implements Naming {

    private final TaxonomySource taxonomy;

    ExplanationNames(TaxonomySource taxonomy) {
        this.taxonomy = taxonomy;
        Explanations.useNaming(this);
    }

    @Override
    public String domain(String code) {
        return taxonomy.current().find(code).map(domain -> domain.name()).orElseGet(() -> CODES.domain(code));
    }

    @Override
    public String topic(String code) {
        return taxonomy.topics().nameOf(code);
    }
}
