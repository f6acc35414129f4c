package org.opsdesk.mail.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.opsdesk.application.LostRaces;
import org.opsdesk.application.mail.InboundMailService;
import org.opsdesk.application.mail.InboundMailService.Stored;
import org.opsdesk.application.mail.MailGateway;
import org.opsdesk.application.mail.MailOutcome;
import org.opsdesk.domain.DomainException;
import org.opsdesk.mail.inbound.parse.UnparseableMailException;

/**
 * The one entrance for inbound mail (pipe and pollers): store the raw bytes first in their own
 * transaction, then process them in another. Whatever processing throws, the stored mail ends
 * quarantined with the reason: never lost, never half-delivered.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailGatewayBean implements MailGateway {

    private static final Logger LOG = Logger.getLogger(MailGatewayBean.class.getName());
    /** How often a mail is processed at most when its ticket keeps changing under it. */
    private static final int ATTEMPTS = 10;

    @EJB
    InboundMailService inbound;

    @EJB
    MailProcessor processor;

    @Override
    public MailOutcome ingest(byte[] raw, String source, String queue, String action, String alertSource) {
        Stored stored = inbound.store(raw, HeaderSniffer.messageId(raw), source, queue, action, alertSource);
        if (stored.duplicate()) {
            MailOutcome earlier = stored.earlier();
            if ("received".equals(earlier.disposition())) {
                // stored by an earlier attempt that never finished (a crash, a retry): finish it now
                return process(stored.id());
            }
            return earlier.asDuplicate();
        }
        return process(stored.id());
    }

    @Override
    public MailOutcome reprocess(long inboundId) {
        return process(inboundId);
    }

    /**
     * Processes a stored mail in its own transaction. When it loses a race to another transaction ({@link
     * LostRaces}: two replies of one thread changing the ticket at once, an agent's change, the same new attachment
     * bytes or host link stored first, a deadlock), the transaction is rolled back and the mail is processed again on
     * the fresh state (up to {@value #ATTEMPTS} times, a few random milliseconds apart)
     * rather than quarantined.
     */
    private MailOutcome process(long id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return processor.process(id);
            } catch (UnparseableMailException e) {
                return inbound.quarantine(id, "unparseable: " + e.getMessage());
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS && LostRaces.isLostRace(e)) {
                    LOG.fine(() -> "Mail " + id + " lost a race with another transaction: processing it again");
                    LostRaces.pauseBeforeAttemptAfter(attempt);
                    continue;
                }
                return quarantine(id, e);
            }
        }
    }

    private MailOutcome quarantine(long id, RuntimeException e) {
        Throwable cause = rootCause(e);
        String reason = describe(cause);
        MailOutcome outcome = inbound.quarantine(id, reason);
        if (!"quarantined".equals(outcome.disposition())) {
            // a copy of the mail processed at the same time delivered it: this copy's failure changes nothing
            LOG.log(Level.INFO, "Mail " + id + " failed (" + reason + ") but a copy of it was delivered", cause);
        } else if (cause instanceof DomainException) {
            LOG.info(() -> "Mail " + id + " quarantined: " + reason);
        } else {
            LOG.log(Level.WARNING, "Mail " + id + " quarantined: " + reason, cause);
        }
        return outcome;
    }

    /** What a quarantine reports: the refusal of a domain rule if one is in the chain, else the root cause. */
    private static Throwable rootCause(Throwable e) {
        List<Throwable> chain = chain(e);
        return chain.stream().filter(DomainException.class::isInstance).findFirst()
                .orElse(chain.get(chain.size() - 1));
    }

    /** The exception and its causes, outermost first. */
    private static List<Throwable> chain(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String describe(Throwable t) {
        String what = t instanceof DomainException ? "refused" : t.getClass().getSimpleName();
        return what + ": " + (t.getMessage() == null ? "no detail" : t.getMessage());
    }
}
