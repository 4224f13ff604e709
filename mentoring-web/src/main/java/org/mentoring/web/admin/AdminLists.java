package org.mentoring.web.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the coordinator's list pages share: reading a status picked from a list, and keeping filters in links. */
final class AdminLists {

    private AdminLists() {
    }

    /** The constant named, or null for none or an unknown name (the list then shows everyone). */
    static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The search, the domain and one more filter, as a list page's links keep them. */
    static Map<String, Object> params(String q, String domain, String filterName, Object filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("domain", domain);
        params.put(filterName, filter);
        return params;
    }

    /** An externalId as one segment of a path. */
    static String path(String externalId) {
        return URLEncoder.encode(externalId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Where to go back to after an action: a coordinator's page, never another site. */
    static String back(String back, String fallback) {
        return back != null && back.startsWith("/admin/") && !back.startsWith("/admin//") && !back.contains("\\")
                && back.chars().noneMatch(Character::isISOControl) ? back : fallback;
    }
}
