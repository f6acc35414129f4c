package org.opsdesk.web.http;

import java.util.List;

/**
 * Rows of comma-separated values (RFC 4180) for spreadsheets: fields with a comma, quote or line break quoted, and
 * text that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return first: OWASP's CSV injection) led by an apostrophe. Numbers are written as they are.
 */
public final class Csv {

    private final StringBuilder out = new StringBuilder();

    /** A header row, or any row of text. */
    public Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object f = fields.get(i);
            out.append(f instanceof Number n ? n.toString() : field(f == null ? "" : f.toString()));
        }
        out.append("\r\n");
        return this;
    }

    static String field(String text) {
        String t = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (t.indexOf(',') < 0 && t.indexOf('"') < 0 && t.indexOf('\n') < 0 && t.indexOf('\r') < 0) {
            return t;
        }
        return '"' + t.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
