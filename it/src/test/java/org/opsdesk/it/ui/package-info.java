/**
 * Browser tests of the agent UI: Selenium with Debian's headless Chromium against the deployed EAR.
 * Each test makes its own data through the REST API; screens are saved under
 * {@code target/screenshots/}.
 */
package org.opsdesk.it.ui;
