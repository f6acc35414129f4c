package org.opsdesk.wiki.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the archive readers share: the entries kept so far, the limits on the number of entries
 * and on the bytes unpacked (skipped entries count too), and the rules for which names are kept.
 */
final class EntryCollector {

    static final long MAX_TOTAL_BYTES = 200L * 1024 * 1024;
    /**
     * The largest file kept unless the caller says otherwise: no page (a million characters) nor attachment (25 MB by
     * default) is larger. A larger one is read past, its bytes counted but not held: a small archive of one huge file
     * of zeros otherwise took up to 200 MB of the heap for a file that was then skipped.
     */
    static final long MAX_ENTRY_BYTES = 25L * 1024 * 1024;
    static final int MAX_ENTRIES = 20_000;

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");

    private final List<ArchiveEntry> entries = new ArrayList<>();
    private final long maxEntryBytes;
    private int seen;
    private long totalBytes;

    EntryCollector(long maxEntryBytes) {
        this.maxEntryBytes = maxEntryBytes;
    }

    /** Counts an entry of any kind against the entry limit. */
    void countEntry() throws IOException {
        if (++seen > MAX_ENTRIES) {
            throw new IOException("the archive has more than " + MAX_ENTRIES + " entries");
        }
    }

    /** Reads a file entry's content and keeps it when its name is acceptable (see {@link #safePath}). */
    void addFile(String rawName, InputStream content) throws IOException {
        String path = safePath(rawName);
        if (path == null) {
            skip(content);
            return;
        }
        LimitedBuffer buffer = new LimitedBuffer();
        content.transferTo(buffer);
        entries.add(buffer.overflowed ? new ArchiveEntry(path, new byte[0], true)
                : new ArchiveEntry(path, buffer.toByteArray()));
    }

    /** Reads and drops an entry that is not kept (a directory or a link), counting its bytes. */
    void skip(InputStream content) throws IOException {
        content.transferTo(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                countBytes(1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                countBytes(length);
            }
        });
    }

    List<ArchiveEntry> entries() {
        return entries;
    }

    /** Counts bytes unpacked for an entry that is not kept, such as a tar header record. */
    void countBytes(long bytes) throws IOException {
        totalBytes += bytes;
        if (totalBytes > MAX_TOTAL_BYTES) {
            throw new IOException("the archive unpacks to more than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MB");
        }
    }

    /**
     * The clean relative path of an entry name ('\' read as '/', "." segments and repeated '/'
     * dropped), or null when the entry must be skipped: absolute paths, drive letters, ".."
     * segments (zip-slip), {@code __MACOSX} folders, dot-files and dot-folders.
     */
    static String safePath(String rawName) {
        String name = rawName.replace('\\', '/');
        if (name.startsWith("/") || DRIVE_LETTER.matcher(name).matches() || name.indexOf('\0') >= 0) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.startsWith(".") || segment.toUpperCase(Locale.ROOT).equals("__MACOSX")) {
                return null;
            }
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(segment);
        }
        return path.length() == 0 ? null : path.toString();
    }

    /**
     * Collects bytes, counting them against the size limit as they arrive; past the largest file kept it drops
     * what it held and only counts.
     */
    private final class LimitedBuffer extends OutputStream {
        private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private long size;
        boolean overflowed;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            countBytes(length);
            size += length;
            if (size > maxEntryBytes) {
                overflowed = true;
                buffer = null;
            } else {
                buffer.write(bytes, offset, length);
            }
        }

        byte[] toByteArray() {
            return buffer.toByteArray();
        }
    }
}
