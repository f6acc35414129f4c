package org.opsdesk.it.support;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The real EAR that `run` deploys, built by the ear module. */
public final class Deployments {

    private Deployments() {
    }

    public static EnterpriseArchive opsdesk() {
        File ear = new File(System.getProperty("opsdesk.ear.file", "../ear/target/opsdesk.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("No EAR at " + ear.getAbsolutePath() + ": build the ear module first");
        }
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
