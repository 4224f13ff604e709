package org.mentoring.api.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How JSON bodies are read beyond Spring Boot's defaults: a number with a fraction is never truncated into a whole
 * number field ({@code "capacity": 3.9} is refused, not read as 3), and a {@link StrictBody} refuses the properties
 * it does not know. {@link ApiProblemHandler} turns both into problems naming the field.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer wholeNumbersAndStrictBodies() {
        return builder -> builder.featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .postConfigurer(mapper -> mapper.addHandler(new UnknownPropertyRefusal()));
    }

    /** Refuses an unknown property of a {@link StrictBody}; others keep Spring Boot's default of ignoring it. */
    static final class UnknownPropertyRefusal extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
            Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
            if (!type.isAnnotationPresent(StrictBody.class)) {
                return false;
            }
            UnrecognizedPropertyException unknown = UnrecognizedPropertyException.from(parser, beanOrClass,
                    propertyName, deserializer.getKnownPropertyNames());
            // read the value first, so that a body that is also malformed (or too deep) says so
            parser.skipChildren();
            throw unknown;
        }
    }
}
