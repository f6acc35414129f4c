/**
 * The agent UI (Jakarta Faces): what every screen shares (the current agent, formatting, messages).
 * One backing bean per screen lives in a sub-package named after the screen; views are under
 * {@code src/main/webapp}.
 */
package org.opsdesk.web.ui;
