package org.opsdesk.web.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.AsyncContext;

import org.opsdesk.application.TicketFeed;

/**
 * The open event streams, and what they are sent: each committed ticket change as an event {@code
 * ticket} with {@code {"ticket":N,"change":"…","at":"…"}}, and a comment every {@value
 * #KEEP_ALIVE_SECONDS} s so that proxies keep the connection and dead ones are noticed. Changes are
 * written by one pool thread, gathered for {@value #GATHER_MILLIS} ms, never by the thread that
 * committed them (a slow client must not hold a transaction's thread).
 */
@ApplicationScoped
public class TicketEventHub {

    static final int KEEP_ALIVE_SECONDS = 25;
    static final int GATHER_MILLIS = 100;
    private static final Logger LOG = Logger.getLogger(TicketEventHub.class.getName());

    @Inject
    TicketFeed feed;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Set<AsyncContext> streams = ConcurrentHashMap.newKeySet();
    private final Queue<TicketFeed.Change> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final AtomicLong eventIds = new AtomicLong();
    private final Object writing = new Object();
    private AutoCloseable subscription;
    private ScheduledFuture<?> keepAlive;

    /** Starts sending to this (started, answered) stream; it leaves on error, time-out or completion. */
    synchronized void join(AsyncContext stream) {
        if (subscription == null) {
            subscription = feed.subscribe(this::changed);
            keepAlive = scheduler.scheduleAtFixedRate(() -> write(": keep-alive\n\n"), KEEP_ALIVE_SECONDS,
                    KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        }
        streams.add(stream);
    }

    void leave(AsyncContext stream) {
        streams.remove(stream);
    }

    /** How many streams are open (for tests and the log). */
    int size() {
        return streams.size();
    }

    private void changed(TicketFeed.Change change) {
        pending.add(change);
        if (flushScheduled.compareAndSet(false, true)) {
            scheduler.schedule(this::flush, GATHER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        flushScheduled.set(false);
        StringBuilder events = new StringBuilder();
        TicketFeed.Change change;
        while ((change = pending.poll()) != null) {
            events.append("id: ").append(eventIds.incrementAndGet()).append('\n')
                    .append("event: ticket\n")
                    .append("data: ").append(Json.createObjectBuilder()
                            .add("ticket", change.ticket())
                            .add("change", change.change())
                            .add("at", String.valueOf(change.at()))
                            .build()).append("\n\n");
        }
        if (!events.isEmpty()) {
            write(events.toString());
        }
    }

    /** One writer at a time (changes and keep-alives come from different pool threads). */
    private void write(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<AsyncContext> gone = new ArrayList<>();
        synchronized (writing) {
            send(bytes, gone);
        }
        for (AsyncContext stream : gone) {
            streams.remove(stream);
            completeQuietly(stream);
        }
    }

    private static void completeQuietly(AsyncContext stream) {
        try {
            stream.complete();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "An event stream was already closed", e);
        }
    }

    private void send(byte[] bytes, List<AsyncContext> gone) {
        for (AsyncContext stream : streams) {
            try {
                var out = stream.getResponse().getOutputStream();
                out.write(bytes);
                out.flush();
            } catch (IOException | RuntimeException e) { // the client went away
                gone.add(stream);
            }
        }
    }

    @PreDestroy
    synchronized void close() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Closing the ticket feed subscription failed", e);
            }
        }
        streams.forEach(TicketEventHub::completeQuietly);
        streams.clear();
    }
}
