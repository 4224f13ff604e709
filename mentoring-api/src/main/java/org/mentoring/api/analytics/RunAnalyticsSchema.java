package org.mentoring.api.analytics;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Describes the stability report's fields of a run's analytics ({@code RunAnalytics}, a core record that carries no
 * OpenAPI annotations) in the OpenAPI description.
 */
@Component
class RunAnalyticsSchema implements OpenApiCustomizer {

    static final String SCHEMA = "RunAnalytics";

    static final Map<String, String> DESCRIPTIONS = Map.of(
            "blockingPairs", "The stability report: how many blocking pairs the run's answer has. A blocking pair is"
                    + " an open request and a mentor the hard rules allow together (time together, dates, conflicts,"
                    + " language) who would both gain by leaving their assignment for each other, under the run's"
                    + " pair values (the weighted preferences the engine adds up, with the run's weights): the"
                    + " request gains when the pair is worth more than its own or it has none; the mentor when they"
                    + " have a free place, or when the pair is worth more than their pair with their weakest mentee"
                    + " of the run. Ties are no gain; accepted mentorships the run kept hold their places and are"
                    + " never given up. 0: no one would rather be elsewhere. The engine maximises the programme's"
                    + " total, so an optimal run may have some.",
            "worstOffAffinity", "The stability report: the research-domain affinity points of the worst-off matched"
                    + " mentee, the lowest of any proposed pair (3, 2 or 1 per requested domain for the same domain,"
                    + " the same parent or the same root, times 3, 2, 1 by the domain's rank: a first choice matched"
                    + " exactly is 9). Every matched mentee gets at least this. Null when the run proposes no pair.");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Schema<?> schema = openApi.getComponents().getSchemas().get(SCHEMA);
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        DESCRIPTIONS.forEach((field, description) -> {
            Schema<?> property = schema.getProperties().get(field);
            if (property != null) {
                property.setDescription(description);
            }
        });
    }
}
