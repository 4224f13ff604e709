package org.mentoring.people;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.context.annotation.Import;

/** A store slice on the embedded server in memory, with the people services. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataMongoTest(properties = {"mentoring.embedded-in-memory=true", "spring.data.mongodb.auto-index-creation=true"})
@Import(PeopleComponents.class)
public @interface StoreTest {
}
