package org.opsdesk.wiki.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;

/**
 * Reads uploaded archives of Markdown trees and writes a wiki out as a zip.
 *
 * <p>Reading is safe for untrusted input: only regular files are returned; directories, symbolic
 * and hard links, entries with ".." segments, absolute paths or drive letters (zip-slip),
 * {@code __MACOSX} folders and dot-files are skipped; an archive that unpacks to more than 200 MB or
 * has more than 20,000 entries is refused. Nothing is written to disk.
 */
public final class MarkdownArchive {

    private static final int MAGIC_LENGTH = 4;

    private MarkdownArchive() {
    }

    /**
     * Reads a {@code .zip} or a gzip'd tar ({@code .tar.gz}, {@code .tgz}) archive, recognised by its
     * first bytes. The stream is read to its end but not closed.
     *
     * @return the regular files, in archive order
     * @throws IOException when the stream is neither kind of archive ("expected a .zip or .tar.gz
     *     archive"), is damaged, or exceeds the limits
     */
    public static List<ArchiveEntry> read(InputStream in) throws IOException {
        return read(in, EntryCollector.MAX_ENTRY_BYTES);
    }

    /**
     * As {@link #read(InputStream)}, keeping files of at most {@code maxEntryBytes}: a larger one is read past (its
     * bytes counted, not held) and returned {@linkplain ArchiveEntry#tooLarge() too large}, without its bytes.
     */
    public static List<ArchiveEntry> read(InputStream in, long maxEntryBytes) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(MAGIC_LENGTH);
        byte[] magic = buffered.readNBytes(MAGIC_LENGTH);
        buffered.reset();
        if (magic.length == MAGIC_LENGTH && magic[0] == 'P' && magic[1] == 'K'
                && (magic[2] == 3 && magic[3] == 4 || magic[2] == 5 && magic[3] == 6)) {
            return ZipReader.read(readArchive(buffered), maxEntryBytes);
        }
        if (magic.length >= 2 && (magic[0] & 0xFF) == 0x1f && (magic[1] & 0xFF) == 0x8b) {
            try {
                return TarReader.read(new GZIPInputStream(buffered), maxEntryBytes);
            } catch (ZipException corrupt) {
                throw new IOException("the .tar.gz archive is damaged: " + corrupt.getMessage(), corrupt);
            }
        }
        throw new IOException("expected a .zip or .tar.gz archive");
    }

    /** The whole zip file (its directory is at the end), refusing one larger than the unpack limit. */
    private static byte[] readArchive(InputStream in) throws IOException {
        byte[] archive = in.readNBytes((int) EntryCollector.MAX_TOTAL_BYTES + 1);
        if (archive.length > EntryCollector.MAX_TOTAL_BYTES) {
            throw new IOException(
                    "the archive is larger than " + EntryCollector.MAX_TOTAL_BYTES / (1024 * 1024) + " MB");
        }
        return archive;
    }

    /**
     * Writes files into a zip archive, in the map's order, with UTF-8 names. The stream is finished
     * but not closed.
     *
     * @param files content by relative '/'-separated path
     * @throws IllegalArgumentException when a path is not a clean relative path (absolute, with "."
     *     or ".." segments, empty segments or dot-files)
     */
    public static void writeZip(Map<String, byte[]> files, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String path = file.getKey();
            if (!path.equals(EntryCollector.safePath(path))) {
                throw new IllegalArgumentException("not a clean relative path for a zip entry: '" + path + "'");
            }
            zip.putNextEntry(new ZipEntry(path));
            zip.write(file.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }
}
