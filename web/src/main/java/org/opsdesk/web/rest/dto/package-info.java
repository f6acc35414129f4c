/** Request bodies of the REST API (responses are the application's view records). */
package org.opsdesk.web.rest.dto;
