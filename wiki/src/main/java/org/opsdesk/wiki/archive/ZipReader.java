package org.opsdesk.wiki.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a zip archive held in memory. File names are read as UTF-8, or as IBM437 (what zip tools
 * without UTF-8 support write) when they are not valid UTF-8. Symbolic links, which only the
 * central directory marks, are skipped.
 */
final class ZipReader {

    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int END_RECORD_SIZE = 22;
    private static final int UNIX_HOST = 3;
    private static final int FILE_TYPE_MASK = 0xF000;
    private static final int SYMLINK_TYPE = 0xA000;
    private static final int UTF8_FLAG = 0x800;

    private ZipReader() {
    }

    static List<ArchiveEntry> read(byte[] archive, long maxEntryBytes) throws IOException {
        try {
            return read(archive, StandardCharsets.UTF_8, maxEntryBytes);
        } catch (IllegalArgumentException notUtf8) {
            return read(archive, Charset.forName("IBM437"), maxEntryBytes);
        }
    }

    private static List<ArchiveEntry> read(byte[] archive, Charset names, long maxEntryBytes) throws IOException {
        Set<String> symlinks = symlinks(archive, names);
        EntryCollector collector = new EntryCollector(maxEntryBytes);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), names)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                collector.countEntry();
                if (entry.isDirectory() || symlinks.contains(entry.getName())) {
                    collector.skip(zip);
                } else {
                    collector.addFile(entry.getName(), zip);
                }
            }
        } catch (ZipException corrupt) {
            throw new IOException("the zip archive is damaged: " + corrupt.getMessage(), corrupt);
        }
        return collector.entries();
    }

    /** Names of the entries the central directory marks as Unix symbolic links. */
    private static Set<String> symlinks(byte[] zip, Charset names) {
        Set<String> links = new HashSet<>();
        int end = endOfCentralDirectory(zip);
        if (end < 0) {
            return links;
        }
        int count = u16(zip, end + 10);
        long offset = u32(zip, end + 16);
        int position = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int i = 0; i < count && position + 46 <= zip.length && u32(zip, position) == CENTRAL_HEADER; i++) {
            int madeBy = u16(zip, position + 4);
            int flags = u16(zip, position + 8);
            int nameLength = u16(zip, position + 28);
            int next = position + 46 + nameLength + u16(zip, position + 30) + u16(zip, position + 32);
            long external = u32(zip, position + 38);
            if (position + 46 + nameLength > zip.length) {
                break;
            }
            if (madeBy >> 8 == UNIX_HOST && (external >> 16 & FILE_TYPE_MASK) == SYMLINK_TYPE) {
                Charset charset = (flags & UTF8_FLAG) != 0 ? StandardCharsets.UTF_8 : names;
                links.add(new String(zip, position + 46, nameLength, charset));
            }
            position = next;
        }
        return links;
    }

    private static int endOfCentralDirectory(byte[] zip) {
        int lowest = Math.max(0, zip.length - END_RECORD_SIZE - 0xFFFF);
        for (int i = zip.length - END_RECORD_SIZE; i >= lowest; i--) {
            if (u32(zip, i) == END_OF_CENTRAL_DIRECTORY) {
                return i;
            }
        }
        return -1;
    }

    private static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] bytes, int at) {
        return (u16(bytes, at) | (long) u16(bytes, at + 2) << 16) & 0xFFFFFFFFL;
    }
}
