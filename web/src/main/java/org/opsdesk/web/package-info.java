/** The web module: REST API (JAX-RS) and agent UI (Jakarta Faces); uses only the ejb module's application API. */
package org.opsdesk.web;
