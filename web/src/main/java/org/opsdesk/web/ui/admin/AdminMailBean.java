package org.opsdesk.web.ui.admin;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.LostRaces;
import org.opsdesk.application.Page;
import org.opsdesk.application.mail.BlockedSenderService;
import org.opsdesk.application.mail.BlockedSenderService.BlockedSenderView;
import org.opsdesk.application.mail.InboundMailService;
import org.opsdesk.application.mail.InboundMailService.StoredMail;
import org.opsdesk.application.mail.MailGateway;
import org.opsdesk.application.mail.MailOutcome;
import org.opsdesk.application.mail.OutboxService;
import org.opsdesk.application.mail.OutboxService.OutboxEntry;
import org.opsdesk.web.ui.AsShown;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.PerRequest;
import org.opsdesk.web.ui.Redirects;

/**
 * Mail ({@code admin/mail.xhtml}): what the gateway stored, by state, and the quarantine, each mail with its reason,
 * its raw bytes to look at, processing it again (once its queue exists, say) and deleting it. What the API's
 * {@code /api/mail/quarantine} offers, for the admin who has no script at hand.
 */
@Named("adminMail")
@ViewScoped
public class AdminMailBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 50;

    @EJB
    InboundMailService inbound;

    @EJB
    MailGateway gateway;

    @EJB
    OutboxService outbox;

    @EJB
    BlockedSenderService blocked;

    @Inject
    CurrentAgent me;

    /** The Block form: an address or a domain, and why. */
    private String blockPattern;
    private String blockNote;

    private int offset;
    private final AsShown<Page<StoredMail>> shown = new AsShown<>();

    /** The quarantine from {@link #getOffset()}, newest first; at a click, as the page showed it. */
    public Page<StoredMail> getQuarantine() {
        return shown.get(() -> inbound.quarantined(offset, PAGE, me.caller()));
    }

    /** Outbound mail waiting for the mail server, or given up: what did not go out, with why. */
    public Page<OutboxEntry> getWaiting() {
        return PerRequest.once("opsdesk.outbox.queued", () -> outbox.list("queued", null, 0, PAGE, me.caller()));
    }

    public Page<OutboxEntry> getFailed() {
        return PerRequest.once("opsdesk.outbox.failed", () -> outbox.list("failed", null, 0, PAGE, me.caller()));
    }

    public Map<String, Long> getStats() {
        return inbound.stats(me.caller());
    }

    public String reprocess(long id) {
        MailOutcome outcome;
        try {
            inbound.checkReprocessable(id, me.caller());
            outcome = gateway.reprocess(id);
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        if ("quarantined".equals(outcome.disposition())) {
            Messages.error("Mail " + id + " is quarantined again: " + outcome.reason());
        } else {
            Messages.info("Mail " + id + " processed: " + outcome.disposition()
                    + (outcome.ticket() == null ? "." : ", ticket #" + outcome.ticket() + "."));
        }
        return Redirects.to(at(offset));
    }

    public String delete(long id) {
        try {
            inbound.delete(id, me.caller());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("Mail " + id + " deleted.");
        return Redirects.to(at(offset));
    }

    /** How much of the ignored mail the page lists: the newest (the API pages through the rest). */
    static final int IGNORED = 20;

    /** Mail kept and ignored, newest first: what a block or a loop guard kept off the tickets. */
    public Page<StoredMail> getIgnored() {
        return PerRequest.once("opsdesk.mail.ignored", () -> inbound.ignored(0, IGNORED, me.caller()));
    }

    /** Senders whose mail is kept and ignored, by pattern. */
    public List<BlockedSenderView> getBlocked() {
        return PerRequest.once("opsdesk.mail.blocked", () -> blocked.list(me.caller()));
    }

    public String block() {
        BlockedSenderView b;
        try {
            b = LostRaces.retried(3, () -> blocked.block(blockPattern, blockNote,
                    me.caller()));
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("Mail from " + b.pattern() + " is kept and ignored from now on.");
        return Redirects.to(at(offset));
    }

    public String unblock(long id, String pattern) {
        try {
            blocked.unblock(id, me.caller());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("Mail from " + pattern + " is processed again from now on.");
        return Redirects.to(at(offset));
    }

    public String getBlockPattern() {
        return blockPattern;
    }

    public void setBlockPattern(String blockPattern) {
        this.blockPattern = blockPattern;
    }

    public String getBlockNote() {
        return blockNote;
    }

    public void setBlockNote(String blockNote) {
        this.blockNote = blockNote;
    }

    /** The page's address from {@code from} on. */
    private static String at(int from) {
        return "/admin/mail.xhtml" + (from > 0 ? "?offset=" + from : "");
    }

    public String getNextUrl() {
        Page<StoredMail> page = getQuarantine();
        return offset + page.items().size() < page.total() ? at(offset + PAGE) : null;
    }

    public String getPreviousUrl() {
        return offset > 0 ? at(Math.max(0, offset - PAGE)) : null;
    }

    public int getOffset() {
        return offset;
    }

    public void setOffset(int offset) {
        this.offset = Math.max(0, offset);
    }
}
