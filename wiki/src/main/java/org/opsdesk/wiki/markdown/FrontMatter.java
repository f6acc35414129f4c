package org.opsdesk.wiki.markdown;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page's YAML front matter. The well-known keys have their own components; {@code all} holds
 * every key with its values (lists are flattened, quotes removed).
 *
 * @param title    {@code title}, or null
 * @param tags     {@code tags}
 * @param owner    {@code owner}, or null
 * @param reviewed {@code reviewed} as an ISO date ({@code 2024-05-31}), or null when absent or not a date
 * @param alerts   {@code alerts}: names of the alerts the page is the runbook for
 * @param services {@code services}
 * @param all      every key, in the order written
 */
public record FrontMatter(String title, List<String> tags, String owner, LocalDate reviewed, List<String> alerts,
                          List<String> services, Map<String, List<String>> all) {

    /** No front matter at all. */
    public static final FrontMatter EMPTY =
            new FrontMatter(null, List.of(), null, null, List.of(), List.of(), Map.of());

    /** Copies the collections; null collections become empty. */
    public FrontMatter {
        tags = tags == null ? List.of() : List.copyOf(tags);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        services = services == null ? List.of() : List.copyOf(services);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (all != null) {
            all.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        }
        all = Collections.unmodifiableMap(copy);
    }

    /** Front matter from clean key/values (as in {@link #all()}), picking out the well-known keys. */
    public static FrontMatter of(Map<String, List<String>> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        return new FrontMatter(first(values, "title"), values.get("tags"), first(values, "owner"),
                date(first(values, "reviewed")), values.get("alerts"), values.get("services"), values);
    }

    private static String first(Map<String, List<String>> values, String key) {
        List<String> list = values.get(key);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    private static LocalDate date(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
