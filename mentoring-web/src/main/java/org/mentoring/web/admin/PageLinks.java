package org.mentoring.web.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.data.domain.Page;

/** The numbered page links under a list, keeping its search and filters; a long list shows the pages near this one. */
final class PageLinks {

    /** The rows of a list page. */
    static final int PAGE_SIZE = 25;

    /** One link: its page number as shown (from 1), where it goes, and whether it is the page shown now. */
    record Link(String label, String href, boolean current) {
    }

    private PageLinks() {
    }

    static List<Link> of(Page<?> page, String path, Map<String, ?> params) {
        List<Link> links = new ArrayList<>();
        int total = page.getTotalPages();
        if (total <= 1) {
            return links;
        }
        int now = page.getNumber();
        for (int i = 0; i < total; i++) {
            boolean near = i == 0 || i == total - 1 || Math.abs(i - now) <= 2;
            if (near) {
                links.add(new Link(Integer.toString(i + 1), href(path, params, i), i == now));
            } else if (!links.isEmpty() && !links.get(links.size() - 1).label().equals("…")) {
                links.add(new Link("…", null, false));
            }
        }
        return links;
    }

    static String href(String path, Map<String, ?> params, int page) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        if (page > 0) {
            query.add("page=" + page);
        }
        return query.length() == 0 ? path : path + "?" + query;
    }
}
