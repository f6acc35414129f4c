/**
 * The OpsDesk domain model: aggregates that change themselves by verbs, value objects and the rules
 * they enforce. Imports no JAX-RS, Faces, Jakarta Mail or infrastructure code.
 */
package org.opsdesk.domain;
