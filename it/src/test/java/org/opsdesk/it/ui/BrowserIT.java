package org.opsdesk.it.ui;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opsdesk.it.support.Deployments;

/**
 * What every browser test shares: the deployed EAR, one headless Chromium per test class, and after every test
 * no alert dialog and a console without CSP violations or errors.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class BrowserIT {

    protected static Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.opsdesk();
    }

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @AfterEach
    void consoleIsClean() {
        browser.assertNoAlert();
        browser.assertCleanConsole();
    }
}
