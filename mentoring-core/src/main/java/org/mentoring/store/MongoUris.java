package org.mentoring.store;

import com.mongodb.ConnectionString;

/** Connection-string helpers. */
final class MongoUris {

    private MongoUris() {
    }

    /**
     * The URI as given when it names a database, else the same URI naming {@code database}; options and hosts are
     * kept as written.
     *
     * @throws IllegalArgumentException when the URI is not a MongoDB connection string
     */
    static ConnectionString withDefaultDatabase(String uri, String database) {
        ConnectionString parsed = new ConnectionString(uri);
        if (parsed.getDatabase() != null && !parsed.getDatabase().isEmpty()) {
            return parsed;
        }
        int hostsStart = uri.indexOf("://") + 3;
        int slash = uri.indexOf('/', hostsStart);
        int query = uri.indexOf('?', hostsStart);
        String withDatabase;
        if (slash >= 0 && (query < 0 || slash < query)) {
            withDatabase = uri.substring(0, slash + 1) + database + uri.substring(slash + 1);
        } else if (query >= 0) {
            withDatabase = uri.substring(0, query) + "/" + database + uri.substring(query);
        } else {
            withDatabase = uri + "/" + database;
        }
        return new ConnectionString(withDatabase);
    }
}
