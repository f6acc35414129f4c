/** Reports for agents: time worked over a period, on screen and as a spreadsheet. */
package org.opsdesk.web.ui.report;
