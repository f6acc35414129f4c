/** Test support for mail code: a fluent builder of MIME messages and the location of the shared test corpus. */
package org.opsdesk.mail.testing;
