package org.mentoring.taxonomy;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The programme's taxonomy and topic list, kept in the store ({@link ProgrammeTaxonomy}), unless the application
 * defines its own source. Nothing injects a fixed {@link Taxonomy} or {@link Topics}: they change while the
 * application runs, so callers ask the source each time.
 */
@AutoConfiguration(after = MongoDataAutoConfiguration.class)
public class TaxonomyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(TaxonomySource.class)
    @ConditionalOnBean(MongoTemplate.class)
    ProgrammeTaxonomy programmeTaxonomy(MongoTemplate mongo) {
        return new ProgrammeTaxonomy(mongo);
    }
}
