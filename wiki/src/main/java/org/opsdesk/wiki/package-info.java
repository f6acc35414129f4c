/**
 * The wiki's plain-Java core: page paths ({@link org.opsdesk.wiki.PagePaths}) and page templates
 * ({@link org.opsdesk.wiki.Templates}). Sub-packages render Markdown ({@code markdown}), compare and
 * merge revisions ({@code diff}) and import Markdown trees from archives ({@code archive}).
 * No dependency on other OpsDesk modules and none on Jakarta EE.
 */
package org.opsdesk.wiki;
