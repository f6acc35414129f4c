package org.opsdesk.wiki.markdown;

import com.vladsch.flexmark.ext.yaml.front.matter.AbstractYamlFrontMatterVisitor;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the front matter block Flexmark parsed and cleans its values: flow lists
 * ({@code [a, "b c"]}) are split, quotes and trailing {@code # comments} removed, empty values dropped.
 */
final class FrontMatterReader {

    private FrontMatterReader() {
    }

    static FrontMatter read(Document document) {
        Node first = document.getFirstChild();
        if (!(first instanceof YamlFrontMatterBlock)) {
            return FrontMatter.EMPTY;
        }
        AbstractYamlFrontMatterVisitor visitor = new AbstractYamlFrontMatterVisitor();
        visitor.visit(first);
        Map<String, List<String>> values = new LinkedHashMap<>();
        visitor.getData().forEach((key, raw) -> values.put(key.strip(), clean(raw)));
        return FrontMatter.of(values);
    }

    private static List<String> clean(List<String> raw) {
        List<String> values = new ArrayList<>();
        for (String value : raw) {
            String trimmed = value.strip();
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                splitFlowList(trimmed.substring(1, trimmed.length() - 1)).forEach(item -> add(values, item));
            } else {
                add(values, trimmed);
            }
        }
        return values;
    }

    private static void add(List<String> values, String scalar) {
        String value = scalar(scalar.strip());
        if (!value.isEmpty()) {
            values.add(value);
        }
    }

    /** Splits at commas outside quotes. */
    private static List<String> splitFlowList(String list) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (quote == 0 && c == ',') {
                items.add(item.toString());
                item.setLength(0);
                continue;
            }
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
            item.append(c);
        }
        items.add(item.toString());
        return items;
    }

    private static String scalar(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        int comment = value.indexOf(" #");
        return (comment < 0 ? value : value.substring(0, comment)).strip();
    }
}
