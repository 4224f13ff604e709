package org.mentoring.web;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;

/**
 * Records the shape of every query the app sends to MongoDB (find, count, distinct, aggregate's leading $match,
 * findAndModify, and each update's and delete's filter): the collection, the fields it filters on by equality
 * ({@code x: v}, {@code $eq}, {@code $in}) and by range ({@code $gt}...), its {@code $or} branches and its sort, with
 * the app's code that sent it. {@link #unindexed} then names the shapes no declared index serves.
 */
final class QueryRecorder implements CommandListener {

    /** One kind of query, as an index sees it. */
    record Shape(String collection, Set<String> equality, Set<String> range, List<Shape> branches,
            List<String> sort) {

        @Override
        public String toString() {
            return collection + " equality " + equality + (range.isEmpty() ? "" : " range " + range)
                    + (branches.isEmpty() ? "" : " or " + branches.stream().map(b -> b.equality + "/" + b.range)
                            .toList())
                    + (sort.isEmpty() ? "" : " sort " + sort);
        }
    }

    private final Map<Shape, String> shapes = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        switch (name) {
            case "find" -> record(command.getString("find").getValue(), command.getDocument("filter", null),
                    command.getDocument("sort", null));
            case "count", "distinct" -> record(command.getString(name).getValue(),
                    command.getDocument("query", null), null);
            case "findAndModify", "findandmodify" -> record(command.getString(name).getValue(),
                    command.getDocument("query", null), command.getDocument("sort", null));
            case "aggregate" -> {
                if (command.isString("aggregate") && command.isArray("pipeline")) {
                    BsonArray pipeline = command.getArray("pipeline");
                    BsonDocument match = null;
                    BsonDocument sort = null;
                    for (BsonValue stage : pipeline) {
                        BsonDocument s = stage.asDocument();
                        if (s.containsKey("$match") && match == null && sort == null) {
                            match = s.getDocument("$match");
                        } else if (s.containsKey("$sort") && sort == null) {
                            sort = s.getDocument("$sort");
                        } else {
                            break;
                        }
                    }
                    record(command.getString("aggregate").getValue(), match, sort);
                }
            }
            case "update" -> each(command, "update", "updates");
            case "delete" -> each(command, "delete", "deletes");
            default -> {
                // inserts, getMore, index and server commands carry no filter
            }
        }
    }

    private void each(BsonDocument command, String name, String list) {
        if (command.isArray(list)) {
            for (BsonValue statement : command.getArray(list)) {
                record(command.getString(name).getValue(), statement.asDocument().getDocument("q", null), null);
            }
        }
    }

    private void record(String collection, BsonDocument filter, BsonDocument sort) {
        Shape shape = shape(collection, filter == null ? new BsonDocument() : filter);
        List<String> sortFields = sort == null ? List.of() : List.copyOf(sort.keySet());
        shape = new Shape(shape.collection(), shape.equality(), shape.range(), shape.branches(), sortFields);
        shapes.putIfAbsent(shape, caller());
    }

    private static Shape shape(String collection, BsonDocument filter) {
        Set<String> equality = new LinkedHashSet<>();
        Set<String> range = new LinkedHashSet<>();
        List<Shape> branches = new ArrayList<>();
        walk(collection, filter, equality, range, branches);
        return new Shape(collection, equality, range, branches, List.of());
    }

    private static void walk(String collection, BsonDocument filter, Set<String> equality, Set<String> range,
            List<Shape> branches) {
        filter.forEach((key, value) -> {
            switch (key) {
                case "$and" -> value.asArray().forEach(part -> walk(collection, part.asDocument(), equality, range,
                        branches));
                case "$or" -> value.asArray().forEach(part -> branches.add(shape(collection, part.asDocument())));
                default -> {
                    if (key.startsWith("$") || key.equals("_class")) {
                        return; // $expr, $nor, $comment; Spring Data's type restriction: filtered after the index
                    }
                    if (value.isDocument() && !value.asDocument().isEmpty()
                            && value.asDocument().getFirstKey().startsWith("$")) {
                        for (String operator : value.asDocument().keySet()) {
                            switch (operator) {
                                case "$eq", "$in" -> equality.add(key);
                                case "$gt", "$gte", "$lt", "$lte", "$regex" -> range.add(key);
                                default -> {
                                    // $ne, $nin, $exists, $not: filtered after the index, never served by it
                                }
                            }
                        }
                    } else {
                        equality.add(key);
                    }
                }
            }
        });
    }

    /** The first frame of the app's own code that sent the command. */
    private static String caller() {
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("org.mentoring.") && !type.startsWith("org.mentoring.web.QueryRecorder")) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName() + ":"
                        + frame.getLineNumber();
            }
        }
        return "Spring Data";
    }

    Map<Shape, String> shapes() {
        return new LinkedHashMap<>(shapes);
    }

    /**
     * The recorded shapes no index of their collection serves, each with the code that sent it. An index serves a
     * shape when its leading fields are exactly the equality fields (the prefix rule; a unique index all of whose
     * fields are equality fields also does), followed by the first sort field when the query sorts; with no
     * equality field, when it leads with a range field or the sort field; each {@code $or} branch of a query with
     * nothing else must be served on its own (unless a branch cannot use any index: {@code $ne}, {@code $exists}). A query on {@code _id} is served by the _id index; one with no filter
     * and no sort reads the whole collection on purpose.
     */
    static List<String> unindexed(Map<Shape, String> shapes, Map<String, List<IndexInfo>> indexesByCollection) {
        List<String> missing = new ArrayList<>();
        shapes.forEach((shape, caller) -> {
            List<List<String>> indexes = new ArrayList<>();
            List<List<String>> unique = new ArrayList<>();
            for (IndexInfo index : indexesByCollection.getOrDefault(shape.collection(), List.of())) {
                List<String> keys = index.getIndexFields().stream().map(IndexField::getKey).toList();
                indexes.add(keys);
                if (index.isUnique()) {
                    unique.add(keys);
                }
            }
            if (!served(shape, indexes, unique)) {
                missing.add(shape + "  (from " + caller + ")");
            }
        });
        return missing;
    }

    private static boolean served(Shape shape, Collection<List<String>> indexes, Collection<List<String>> unique) {
        Set<String> equality = shape.equality();
        if (equality.contains("_id") || shape.range().contains("_id")) {
            return true;
        }
        if (unique.stream().anyMatch(keys -> !equality.isEmpty() && equality.containsAll(keys))) {
            return true;
        }
        String sort = shape.sort().isEmpty() || shape.sort().get(0).equals("_id")
                || equality.contains(shape.sort().get(0)) ? null : shape.sort().get(0);
        if (!equality.isEmpty()) {
            return indexes.stream().anyMatch(keys -> keys.size() >= equality.size()
                    && Set.copyOf(keys.subList(0, equality.size())).equals(equality)
                    && (sort == null || keys.size() > equality.size() && keys.get(equality.size()).equals(sort)));
        }
        if (indexes.stream().anyMatch(keys -> shape.range().contains(keys.get(0)) || keys.get(0).equals(sort))) {
            return true; // a range over the index, or the collection read in the index's order
        }
        if (!shape.range().isEmpty()) {
            return false;
        }
        // an $or is served when each branch is; one with a branch no index can serve ($ne, $exists) reads the
        // whole collection by nature, which only its sort can order
        boolean indexable = shape.branches().stream().allMatch(b -> !b.equality().isEmpty() || !b.range().isEmpty());
        if (!shape.branches().isEmpty() && indexable) {
            return shape.branches().stream().allMatch(branch -> served(branch, indexes, unique));
        }
        return sort == null;
    }
}
