package org.mentoring.taxonomy;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The shipped planetary-health taxonomy as a bean, unless the application defines its own. */
@AutoConfiguration
public class TaxonomyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Taxonomy taxonomy() {
        return Taxonomy.planetaryHealth();
    }
}
