/** JPA repositories: the only code that writes queries. */
package org.opsdesk.infrastructure.persistence;
