/** The search results screen with facets, and the search box's suggestions. */
package org.opsdesk.web.ui.search;
