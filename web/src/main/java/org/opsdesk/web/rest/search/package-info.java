/** The search API under {@code /api/search}: one ranked list of tickets and pages, suggestions, index admin. */
package org.opsdesk.web.rest.search;
