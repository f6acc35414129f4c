/** Markdown rendering (Flexmark), wiki links and diffs: plain Java, no dependency on other OpsDesk modules. */
package org.opsdesk.wiki;
