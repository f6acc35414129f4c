/** JAX-RS resources of the JSON API under /api: thin adapters over the application services. */
package org.opsdesk.web.rest;
