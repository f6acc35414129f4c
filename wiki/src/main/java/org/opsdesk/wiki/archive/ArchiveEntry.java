package org.opsdesk.wiki.archive;

/**
 * A file read from an archive or a folder.
 *
 * @param path     the path relative to the archive's root, '/'-separated, without "." or ".." segments
 * @param content  the file's bytes (empty when it was too large to keep)
 * @param tooLarge the file was larger than any page or attachment may be, so its bytes were counted, not kept
 */
public record ArchiveEntry(String path, byte[] content, boolean tooLarge) {

    public ArchiveEntry(String path, byte[] content) {
        this(path, content, false);
    }
}
