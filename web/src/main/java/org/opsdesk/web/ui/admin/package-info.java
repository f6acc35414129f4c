/** Administration screens (admins only; {@code /admin/*} is constrained to the admin role): queues, agents. */
package org.opsdesk.web.ui.admin;
