/** Page objects: one per screen of the agent UI, so tests speak of what an agent does, not of selectors. */
package org.opsdesk.it.ui.pages;
