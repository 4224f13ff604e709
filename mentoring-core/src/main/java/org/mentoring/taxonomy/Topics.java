package org.mentoring.taxonomy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The programme's list of goals and mentoring topics (a researcher's goals and a mentor's topics come from it), in
 * the order people see it.
 */
public final class Topics {

    public static final String DEFAULT_RESOURCE = "/taxonomy/topics.json";

    private final Map<String, Topic> byCode;

    public Topics(List<Topic> topics) {
        Map<String, Topic> map = new LinkedHashMap<>();
        for (Topic topic : topics) {
            if (map.put(topic.code(), topic) != null) {
                throw new IllegalArgumentException("topic " + topic.code() + " appears twice");
            }
        }
        this.byCode = java.util.Collections.unmodifiableMap(map);
    }

    /** The topics shipped with the product, the defaults of a new store. */
    public static Topics shipped() {
        try (InputStream in = Topics.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return new Topics(new ObjectMapper().readValue(in, new TypeReference<List<Topic>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Topic> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Topic> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public boolean contains(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** The name people read for a code; the code itself when the list does not have it. */
    public String nameOf(String code) {
        return find(code).map(Topic::name).orElse(code);
    }
}
