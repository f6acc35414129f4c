/** Infrastructure: persistence, configuration, security primitives, schema migration, health. */
package org.opsdesk.infrastructure;
