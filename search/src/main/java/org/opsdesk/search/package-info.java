/** The Lucene index over tickets and wiki pages behind an interface: plain Java, no other OpsDesk module. */
package org.opsdesk.search;
