package org.opsdesk.web.ui;

import java.util.Arrays;
import java.util.List;

/** Words typed into one field (tags): separated by spaces or commas; none for null or blank. The one place for it. */
public final class TypedWords {

    private TypedWords() {
    }

    public static List<String> of(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("[\\s,]+")).filter(w -> !w.isBlank()).toList();
    }
}
