/** The dashboard: counts and trends drawn as server-rendered SVG (no script). */
package org.opsdesk.web.ui.dashboard;
