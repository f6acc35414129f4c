package org.opsdesk.application.internal;

import org.opsdesk.application.Caller;
import org.opsdesk.domain.DomainException;

/** The one check for admin-only operations. */
public final class Admins {

    private Admins() {
    }

    public static void require(Caller caller, String what) {
        if (caller == null || !caller.admin()) {
            throw DomainException.forbidden("admin_required", "Only an admin can " + what + ".");
        }
    }
}
