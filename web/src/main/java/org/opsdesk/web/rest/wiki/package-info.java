/** The wiki's REST API under {@code /api/wiki}: pages (paths with slashes), revisions, diffs, moves, import/export. */
package org.opsdesk.web.rest.wiki;
