package org.opsdesk.wiki.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Builds gzip'd tar archives for tests, record by record. */
final class TarBuilder {

    private static final byte[] POSIX_MAGIC = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GNU_MAGIC = "ustar  \u0000".getBytes(StandardCharsets.US_ASCII);

    private final ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    private final GZIPOutputStream tar;

    TarBuilder() {
        try {
            tar = new GZIPOutputStream(gzipped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A regular file in a POSIX ustar header (name up to 100 bytes). */
    TarBuilder file(String name, String content) {
        return record(name, "", '0', content.getBytes(StandardCharsets.UTF_8), POSIX_MAGIC);
    }

    /** A regular file whose path is split into the ustar prefix and name fields. */
    TarBuilder fileWithPrefix(String prefix, String name, String content) {
        return record(name, prefix, '0', content.getBytes(StandardCharsets.UTF_8), POSIX_MAGIC);
    }

    /** A regular file with a long path, as GNU tar writes it: an 'L' record, then a truncated name. */
    TarBuilder gnuLongName(String path, String content) {
        record("././@LongLink", "", 'L', (path + "\0").getBytes(StandardCharsets.UTF_8), GNU_MAGIC);
        return record(path.substring(0, 100), "", '0', content.getBytes(StandardCharsets.UTF_8), GNU_MAGIC);
    }

    /** A regular file whose path comes from a pax extended header. */
    TarBuilder paxPath(String path, String content) {
        record("PaxHeaders/x", "", 'x', paxRecord("path", path), POSIX_MAGIC);
        return record("truncated-name", "", '0', content.getBytes(StandardCharsets.UTF_8), POSIX_MAGIC);
    }

    /** A pax extended header holding these bytes as they are (well formed or not), then a regular file. */
    TarBuilder rawPax(String records, String name, String content) {
        record("PaxHeaders/x", "", 'x', records.getBytes(StandardCharsets.UTF_8), POSIX_MAGIC);
        return file(name, content);
    }

    /** A regular file record whose size field is these 12 bytes (a base-256 size starts with 0x80), no content. */
    TarBuilder sizeField(String name, byte[] size) {
        byte[] header = header(name, "", '0', 0, POSIX_MAGIC, "");
        System.arraycopy(size, 0, header, 124, 12);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xFF;
        }
        byte[] checksum = (String.format("%06o", sum) + "\0 ").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(checksum, 0, header, 148, checksum.length);
        write(header);
        return this;
    }

    TarBuilder directory(String name) {
        return record(name, "", '5', new byte[0], POSIX_MAGIC);
    }

    /** A directory record followed by {@code size} bytes of zeros as its content. */
    TarBuilder directoryWithContent(String name, long size) {
        write(header(name, "", '5', size, POSIX_MAGIC, ""));
        byte[] zeros = new byte[1024 * 1024];
        for (long left = size; left > 0; left -= zeros.length) {
            write(left >= zeros.length ? zeros : new byte[(int) left]);
        }
        write(new byte[(int) ((512 - size % 512) % 512)]);
        return this;
    }

    TarBuilder symlink(String name, String target) {
        return record(name, "", '2', new byte[0], POSIX_MAGIC, target);
    }

    TarBuilder hardLink(String name, String target) {
        return record(name, "", '1', new byte[0], POSIX_MAGIC, target);
    }

    /** The archive with its two closing zero blocks, gzip'd. Call once, at the end. */
    byte[] gzipped() {
        write(new byte[1024]);
        try {
            tar.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gzipped.toByteArray();
    }

    private TarBuilder record(String name, String prefix, char type, byte[] content, byte[] magic) {
        return record(name, prefix, type, content, magic, "");
    }

    private TarBuilder record(String name, String prefix, char type, byte[] content, byte[] magic, String link) {
        write(header(name, prefix, type, content.length, magic, link));
        write(content);
        write(new byte[(512 - content.length % 512) % 512]);
        return this;
    }

    private void write(byte[] bytes) {
        try {
            tar.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] header(String name, String prefix, char type, long size, byte[] magic, String link) {
        byte[] header = new byte[512];
        put(header, 0, 100, name);
        put(header, 100, 8, "0000644");
        put(header, 108, 8, "0000000");
        put(header, 116, 8, "0000000");
        put(header, 124, 12, String.format("%011o", size));
        put(header, 136, 12, String.format("%011o", 0));
        header[156] = (byte) type;
        put(header, 157, 100, link);
        System.arraycopy(magic, 0, header, 257, magic.length);
        put(header, 345, 155, prefix);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xFF;
        }
        put(header, 148, 8, String.format("%06o", sum) + "\0 ");
        return header;
    }

    private static byte[] paxRecord(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        int total = length + String.valueOf(length).length();
        if (String.valueOf(total).length() != String.valueOf(length).length()) {
            total++;
        }
        return (total + body).getBytes(StandardCharsets.UTF_8);
    }

    private static void put(byte[] header, int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > length) {
            throw new IllegalArgumentException("field too long: " + value);
        }
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
