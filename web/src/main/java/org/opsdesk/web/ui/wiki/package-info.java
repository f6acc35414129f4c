/** The wiki screens: page view, editor (live preview, conflicts), history and diffs, import, link reports. */
package org.opsdesk.web.ui.wiki;
