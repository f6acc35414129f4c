/** ExceptionMappers: every API error becomes {"error", "message"} with a fitting status. */
package org.opsdesk.web.rest.error;
