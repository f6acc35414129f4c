package org.opsdesk.application.mail;

import java.time.Instant;
import java.util.List;

import org.opsdesk.application.Caller;

/**
 * Senders whose mail the gateway stores and ignores (Zammad's postmaster filter "ignore", Znuny's X-OTRS-Ignore):
 * an address, or a domain with its subdomains. Admins only.
 */
public interface BlockedSenderService {

    record BlockedSenderView(long id, String pattern, String note, Instant createdAt, String createdBy) {
    }

    List<BlockedSenderView> list(Caller caller);

    /**
     * Blocks {@code pattern} ({@code spam@example.com}, {@code @example.com}, {@code example.com}); 409
     * {@code already_blocked} when that rule exists, 400 {@code invalid_pattern} for neither an address nor a domain.
     */
    BlockedSenderView block(String pattern, String note, Caller caller);

    /** Ends a block (404 {@code blocked_sender_not_found}); mail stored while it held stays as it was: kept, ignored. */
    void unblock(long id, Caller caller);
}
