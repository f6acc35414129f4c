package org.opsdesk.web.live;

import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;

import org.opsdesk.application.TicketFeed;

/**
 * The open event streams, and what they are sent: each committed ticket change as an event {@code
 * ticket} with {@code {"ticket":N,"change":"…","at":"…"}}, and a comment every {@value
 * #KEEP_ALIVE_SECONDS} s so that proxies keep the connection and dead ones are noticed. Changes are
 * gathered for {@value #GATHER_MILLIS} ms and handed to each stream by a pool thread, never by the
 * thread that committed them; each {@link StreamClient} writes without blocking.
 */
@ApplicationScoped
public class TicketEventHub {

    static final int KEEP_ALIVE_SECONDS = 25;
    static final int GATHER_MILLIS = 100;
    /** How often each stream's caller is checked again (see {@link StreamClient#closeUnlessAllowed}). */
    static final int RECHECK_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(TicketEventHub.class.getName());

    @Inject
    TicketFeed feed;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Set<StreamClient> streams = ConcurrentHashMap.newKeySet();
    private final Queue<TicketFeed.Change> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private long eventIds;
    private boolean closed;
    private AutoCloseable subscription;
    private ScheduledFuture<?> keepAlive;
    private ScheduledFuture<?> recheck;

    /** Sends changes from now on to this stream (subscribing to the feed with the first one). */
    synchronized void join(StreamClient stream) {
        if (closed) {
            stream.close();
            return;
        }
        if (subscription == null) {
            subscription = feed.subscribe(this::changed);
            keepAlive = scheduler.scheduleAtFixedRate(() -> broadcast(": keep-alive\n\n"), KEEP_ALIVE_SECONDS,
                    KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
            recheck = scheduler.scheduleWithFixedDelay(this::recheck, RECHECK_SECONDS, RECHECK_SECONDS,
                    TimeUnit.SECONDS);
        }
        streams.add(stream);
    }

    /** Ends the streams whose callers may no longer have them; one failing check stops neither the others nor this. */
    private void recheck() {
        for (StreamClient stream : streams) {
            try {
                stream.closeUnlessAllowed();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Checking an event stream's caller failed", e);
            }
        }
    }

    void leave(StreamClient stream) {
        streams.remove(stream);
    }

    private void changed(TicketFeed.Change change) {
        pending.add(change);
        if (flushScheduled.compareAndSet(false, true)) {
            scheduler.schedule(this::flush, GATHER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** One flush at a time, so that event ids go out in order. */
    private synchronized void flush() {
        flushScheduled.set(false);
        StringBuilder events = new StringBuilder();
        TicketFeed.Change change;
        while ((change = pending.poll()) != null) {
            events.append("id: ").append(++eventIds).append('\n')
                    .append("event: ticket\n")
                    .append("data: ").append(Json.createObjectBuilder()
                            .add("ticket", change.ticket())
                            .add("change", change.change())
                            .add("at", String.valueOf(change.at()))
                            .build()).append("\n\n");
        }
        if (!events.isEmpty() && !closed) {
            broadcast(events.toString());
        }
    }

    private void broadcast(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        streams.forEach(stream -> stream.send(bytes));
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        if (keepAlive != null) {
            keepAlive.cancel(false);
            recheck.cancel(false);
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Closing the ticket feed subscription failed", e);
            }
        }
        streams.forEach(StreamClient::close);
        streams.clear();
    }
}
