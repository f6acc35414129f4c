package org.opsdesk.web.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** RFC 6266 {@code Content-Disposition} for downloads. */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    /** {@code attachment} with an ASCII fallback name and the UTF-8 name. */
    public static String attachment(String filename) {
        return header("attachment", filename);
    }

    /** {@code inline} (images shown in a page) with the same names. */
    public static String inline(String filename) {
        return header("inline", filename);
    }

    private static String header(String type, String filename) {
        String ascii = filename.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
