package org.opsdesk.search;

import java.util.List;
import java.util.OptionalLong;

import org.opsdesk.search.query.UserQueryParser;

/** Small facts about query texts that callers act on before searching. */
public final class QuerySyntax {

    private static final int MAX_DIGITS = 18;

    private QuerySyntax() {}

    /**
     * The ticket number a query consists of: {@code "123"} or {@code "#123"} (surrounding blanks
     * ignored) give 123; anything else, zero included, gives empty.
     */
    public static OptionalLong ticketNumber(String query) {
        if (query == null) {
            return OptionalLong.empty();
        }
        String digits = query.strip();
        if (digits.startsWith("#")) {
            digits = digits.substring(1);
        }
        if (digits.isEmpty() || digits.length() > MAX_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long number = Long.parseLong(digits);
        return number > 0 ? OptionalLong.of(number) : OptionalLong.empty();
    }

    /**
     * The filters of a query that name a known key with a value it does not take ({@code
     * created:yesterday}), each with what the key takes; they are searched as words.
     */
    public static List<String> misreadFilters(String query) {
        return UserQueryParser.misreadFilters(query);
    }
}
