/**
 * Comparing and merging page revisions, line by line: a side-by-side diff with changed words
 * highlighted ({@link org.opsdesk.wiki.diff.PageDiff}), a unified diff, and a three-way merge for
 * concurrent edits ({@link org.opsdesk.wiki.diff.ThreeWayMerge}). Built on java-diff-utils.
 */
package org.opsdesk.wiki.diff;
