/** Small HTTP helpers shared by the API and the agent UI. */
package org.opsdesk.web.http;
