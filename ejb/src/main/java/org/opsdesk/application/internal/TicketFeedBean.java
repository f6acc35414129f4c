package org.opsdesk.application.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.opsdesk.application.TicketFeed;
import org.opsdesk.domain.ticket.TicketChanged;

/** Hands every committed {@link TicketChanged} to the listeners of {@link TicketFeed}. */
@ApplicationScoped
public class TicketFeedBean implements TicketFeed {

    private static final Logger LOG = Logger.getLogger(TicketFeedBean.class.getName());

    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public AutoCloseable subscribe(Consumer<Change> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketChanged event) {
        Change change = new Change(event.number(), event.change(), event.at());
        for (Consumer<Change> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) { // one listener's failure must not reach the committed transaction
                LOG.log(Level.WARNING, "A ticket feed listener failed", e);
            }
        }
    }
}
