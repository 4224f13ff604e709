package org.mentoring.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MongoUrisTest {

    @ParameterizedTest
    @CsvSource({
        "mongodb://mongo:27017, mongodb://mongo:27017/mentoring",
        "mongodb://mongo:27017/, mongodb://mongo:27017/mentoring",
        "mongodb://mongo:27017/?replicaSet=rs0, mongodb://mongo:27017/mentoring?replicaSet=rs0",
        "mongodb://mongo:27017?replicaSet=rs0, mongodb://mongo:27017/mentoring?replicaSet=rs0",
        "'mongodb://u:p@a:1,b:2/cop?w=majority', 'mongodb://u:p@a:1,b:2/cop?w=majority'"
    })
    void addsTheDefaultDatabaseOnlyWhenTheUriNamesNone(String uri, String expected) {
        assertThat(MongoUris.withDefaultDatabase(uri, "mentoring").getConnectionString()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void rejectsWhatIsNotAMongodbUri() {
        assertThatThrownBy(() -> MongoUris.withDefaultDatabase("http://mongo", "mentoring"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
