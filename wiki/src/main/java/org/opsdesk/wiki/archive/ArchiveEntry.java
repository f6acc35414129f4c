package org.opsdesk.wiki.archive;

/**
 * A file read from an archive or a folder.
 *
 * @param path    the path relative to the archive's root, '/'-separated, without "." or ".." segments
 * @param content the file's bytes
 */
public record ArchiveEntry(String path, byte[] content) {
}
