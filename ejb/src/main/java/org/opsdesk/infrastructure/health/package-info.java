/** MicroProfile Health checks of OpsDesk's own dependencies. */
package org.opsdesk.infrastructure.health;
