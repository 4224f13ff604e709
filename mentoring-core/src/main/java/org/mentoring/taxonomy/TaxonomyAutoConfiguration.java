package org.mentoring.taxonomy;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The shipped planetary-health taxonomy and topic list as beans, unless the application defines its own. */
@AutoConfiguration
public class TaxonomyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Taxonomy taxonomy() {
        return Taxonomy.planetaryHealth();
    }

    @Bean
    @ConditionalOnMissingBean
    Topics topics() {
        return Topics.shipped();
    }
}
