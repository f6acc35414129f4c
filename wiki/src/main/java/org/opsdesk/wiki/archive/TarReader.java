package org.opsdesk.wiki.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a tar stream: POSIX ustar (with the 155-byte name prefix), GNU long names ('L' records)
 * and pax extended headers ('x' records: {@code path} and {@code size}). Regular files are kept;
 * directories, hard and symbolic links, devices and other records are skipped, as are global pax
 * headers and GNU long link names.
 */
final class TarReader {

    private static final int BLOCK = 512;
    private static final int MAX_META_BYTES = 1024 * 1024;

    private final InputStream in;
    private final EntryCollector collector;
    private final byte[] header = new byte[BLOCK];
    private String longName;
    private Map<String, String> pax = Map.of();

    private TarReader(InputStream in, long maxEntryBytes) {
        this.in = in;
        this.collector = new EntryCollector(maxEntryBytes);
    }

    static List<ArchiveEntry> read(InputStream in, long maxEntryBytes) throws IOException {
        TarReader reader = new TarReader(in, maxEntryBytes);
        while (reader.nextHeader()) {
            reader.entry();
        }
        return reader.collector.entries();
    }

    /** Reads the next header; false at the end of the archive (a zero block or the end of the stream). */
    private boolean nextHeader() throws IOException {
        int read = in.readNBytes(header, 0, BLOCK);
        if (read == 0 || read == BLOCK && isZeroBlock()) {
            return false;
        }
        if (read < BLOCK) {
            throw new IOException("the tar archive is truncated");
        }
        if (!checksumMatches()) {
            throw new IOException("the gzip file does not hold a tar archive (bad header checksum)");
        }
        collector.countEntry();
        return true;
    }

    private void entry() throws IOException {
        char type = (char) header[156];
        switch (type) {
            case 'L' -> longName = cString(metadata(size()));
            case 'x' -> pax = paxRecords(metadata(size()));
            case 'g', 'K' -> metadata(size());
            default -> {
                long size = pax.containsKey("size") ? parseLong(pax.get("size")) : size();
                if (type == '0' || type == '\0' || type == '7') {
                    collector.addFile(name(), new BoundedStream(size));
                } else {
                    collector.skip(new BoundedStream(size));
                }
                skipPadding(size);
                longName = null;
                pax = Map.of();
            }
        }
    }

    private String name() {
        if (pax.containsKey("path")) {
            return pax.get("path");
        }
        if (longName != null) {
            return longName;
        }
        String name = cString(header, 0, 100);
        boolean posixUstar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r' && header[262] == 0;
        String prefix = posixUstar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private byte[] metadata(long size) throws IOException {
        if (size > MAX_META_BYTES) {
            throw new IOException("the tar archive has a header record of " + size + " bytes");
        }
        byte[] data = new byte[(int) size];
        if (in.readNBytes(data, 0, data.length) < data.length) {
            throw new IOException("the tar archive is truncated");
        }
        collector.countBytes(size);
        skipPadding(size);
        return data;
    }

    /** Pax records: {@code "<length> <key>=<value>\n"}, repeated. */
    private static Map<String, String> paxRecords(byte[] data) throws IOException {
        Map<String, String> records = new HashMap<>();
        int position = 0;
        while (position < data.length) {
            int space = indexOf(data, (byte) ' ', position);
            if (space < 0) {
                break;
            }
            long declared = parseLong(new String(data, position, space - position, StandardCharsets.US_ASCII));
            // at least the digits, the space and the final newline, at most what is left
            if (declared < space - position + 2 || declared > data.length - position) {
                throw new IOException("the tar archive has a malformed pax header");
            }
            int length = (int) declared;
            String record = new String(data, space + 1, position + length - space - 2, StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            if (equals > 0) {
                records.put(record.substring(0, equals), record.substring(equals + 1));
            }
            position += length;
        }
        return records;
    }

    private long size() throws IOException {
        if ((header[124] & 0x80) != 0) {
            // 88 bits after the flag byte: the first 3 bytes and the top bit of the 4th must be 0 for a long
            if (header[125] != 0 || header[126] != 0 || header[127] != 0 || (header[128] & 0x80) != 0) {
                throw new IOException("the tar archive has a malformed entry size");
            }
            long size = 0;
            for (int i = 128; i < 136; i++) {
                size = size << 8 | header[i] & 0xFF;
            }
            return size;
        }
        return parseOctal(124, 12);
    }

    private boolean checksumMatches() throws IOException {
        long expected = parseOctal(148, 8);
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i >= 148 && i < 156 ? (byte) ' ' : header[i];
            unsigned += b & 0xFF;
            signed += b;
        }
        return expected == unsigned || expected == signed;
    }

    private long parseOctal(int offset, int length) throws IOException {
        String digits = cString(header, offset, length).trim();
        if (digits.isEmpty()) {
            return 0;
        }
        try {
            long number = Long.parseLong(digits, 8);
            if (number < 0 || digits.charAt(0) == '+') {
                throw new NumberFormatException("signed");
            }
            return number;
        } catch (NumberFormatException notOctal) {
            throw new IOException("the gzip file does not hold a tar archive (bad number in header)");
        }
    }

    private static long parseLong(String value) throws IOException {
        try {
            long number = Long.parseLong(value.trim());
            if (number < 0) {
                throw new IOException("the tar archive has a malformed pax header");
            }
            return number;
        } catch (NumberFormatException notANumber) {
            throw new IOException("the tar archive has a malformed pax header");
        }
    }

    private boolean isZeroBlock() {
        for (byte b : header) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private void skipPadding(long size) throws IOException {
        int padding = (int) ((BLOCK - size % BLOCK) % BLOCK);
        try {
            in.skipNBytes(padding);
        } catch (EOFException truncated) {
            throw new IOException("the tar archive is truncated", truncated);
        }
    }

    private static String cString(byte[] bytes) {
        return cString(bytes, 0, bytes.length);
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** The next {@code size} bytes of the archive: one entry's content. */
    private final class BoundedStream extends InputStream {
        private long remaining;

        BoundedStream(long size) {
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read < 0) {
                throw new IOException("the tar archive is truncated");
            }
            remaining -= read;
            return read;
        }
    }
}
