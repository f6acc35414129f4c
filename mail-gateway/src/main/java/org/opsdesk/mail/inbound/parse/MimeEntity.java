package org.opsdesk.mail.inbound.parse;

import java.util.Arrays;
import java.util.List;

/**
 * One MIME entity (a message or a body part) as read from bytes: its headers, its body still in transfer
 * encoding, and the defects found while splitting the two. The body is a range of the message's bytes, so
 * that nested multiparts are not copied once per level.
 *
 * @param source    the bytes the entity was read from
 * @param bodyStart where the body starts in {@code source}
 * @param bodyEnd   where the body ends in {@code source} (exclusive)
 */
record MimeEntity(Headers headers, byte[] source, int bodyStart, int bodyEnd, List<String> defects) {

    MimeEntity {
        defects = List.copyOf(defects);
    }

    /** A copy of the body. */
    byte[] body() {
        return Arrays.copyOfRange(source, bodyStart, bodyEnd);
    }

    boolean hasBlankBody() {
        return Bytes.isBlank(source, bodyStart, bodyEnd);
    }

    StructuredField disposition() {
        return StructuredField.parse(headers.first("content-disposition"));
    }

    String transferEncoding() {
        return headers.first("content-transfer-encoding");
    }

    /** The Content-ID without angle brackets, or null. */
    String contentId() {
        String id = headers.first("content-id");
        if (id == null) {
            return null;
        }
        id = id.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1).strip();
        }
        return id.isEmpty() ? null : id;
    }

    /** The file name from Content-Disposition or, failing that, Content-Type's {@code name}; decoded; or null. */
    String filename(MediaType type) {
        String name = disposition().param("filename");
        if (name == null || name.isBlank()) {
            name = type.param("name");
        }
        name = name == null ? null : EncodedWords.decode(name).strip();
        return name == null || name.isEmpty() ? null : name;
    }
}
