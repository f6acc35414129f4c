package org.opsdesk.it.ui.pages;

import org.openqa.selenium.By;
import org.opsdesk.it.ui.Browser;

/** Hosts: the list, the form that adds a host by hand, and one host's page with its edit form. */
public class HostsPage extends Screen {

    public HostsPage(Browser browser) {
        super(browser);
    }

    public static HostsPage open(Browser browser) {
        browser.driver().get(browser.url("/hosts.xhtml"));
        return new HostsPage(browser);
    }

    /** Adds a host; on success the browser is on its page. */
    public HostsPage add(String name, String address) {
        type("add-host:name", name);
        type("add-host:address", address);
        clickAndWaitForPage(By.id("add-host:add"));
        return new HostsPage(browser);
    }

    /** The name the host page shows. */
    public String hostName() {
        return find(By.id("host-name")).getText();
    }

    /** On a host's page: sets its aliases (comma-separated) and saves the edit form. */
    public HostsPage saveAliases(String aliases) {
        type("host-edit:aliases", aliases);
        clickAndWaitForPage(By.id("host-edit:save-host"));
        return new HostsPage(browser);
    }

    /** On a host's page: deletes the host (confirming), which leads back to the list. */
    public HostsPage deleteHost() {
        browser.script("window.confirm = function () { return true; };");
        clickAndWaitForPage(By.id("host-edit:delete-host"));
        return new HostsPage(browser);
    }

    /** On a host's page: whether it offers to delete the host (only one no monitoring has reported on). */
    public boolean offersDelete() {
        return !findAll(By.id("host-edit:delete-host")).isEmpty();
    }

    public String addressField() {
        return find(By.id("host-edit:address")).getAttribute("value");
    }
}
