package org.opsdesk.search;

/**
 * Proof of a started full rebuild: documents indexed since then carry {@code generation}.
 *
 * @param generation the generation of documents written by and after the rebuild
 */
public record RebuildToken(long generation) {}
