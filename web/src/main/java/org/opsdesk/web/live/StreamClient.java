package org.opsdesk.web.live;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import java.util.function.Consumer;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * One client's open event stream, written without blocking (Servlet non-blocking output): what is sent waits in the
 * stream's own queue until the connection takes it, so a slow or vanished client holds up nobody else. A client
 * that lets more than {@value #MAX_QUEUED_BYTES} bytes pile up is dropped; it reconnects and catches up.
 */
final class StreamClient implements WriteListener, AsyncListener {

    static final int MAX_QUEUED_BYTES = 256 * 1024;
    private static final Logger LOG = Logger.getLogger(StreamClient.class.getName());

    private final AsyncContext context;
    private final ServletOutputStream out;
    private final Consumer<StreamClient> onClose;
    private final java.util.function.BooleanSupplier stillAllowed;
    private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedBytes = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Takes over a started async request; {@code onClose} hears when the stream ends, however it ends;
     * {@code stillAllowed} tells whether its caller may still have it.
     */
    StreamClient(AsyncContext context, Consumer<StreamClient> onClose, java.util.function.BooleanSupplier stillAllowed)
            throws IOException {
        this.context = context;
        this.out = context.getResponse().getOutputStream();
        this.onClose = onClose;
        this.stillAllowed = stillAllowed;
        context.addListener(this);
        out.setWriteListener(this);
    }

    /** Queues the bytes and writes what the connection takes now; never blocks. */
    void send(byte[] bytes) {
        if (closed.get()) {
            return;
        }
        if (queuedBytes.addAndGet(bytes.length) > MAX_QUEUED_BYTES) {
            LOG.fine("An event stream's client reads too slowly: dropping it");
            close();
            return;
        }
        queue.add(bytes);
        drain();
    }

    @Override
    public void onWritePossible() {
        drain();
    }

    @Override
    public void onError(Throwable t) {
        close();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close();
    }

    @Override
    public void onError(AsyncEvent event) {
        close();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        onClose.accept(this);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }

    private synchronized void drain() {
        try {
            byte[] next;
            while (!closed.get() && out.isReady() && (next = queue.poll()) != null) {
                queuedBytes.addAndGet(-next.length);
                out.write(next);
                if (queue.isEmpty() && out.isReady()) {
                    out.flush();
                }
            }
        } catch (IOException | RuntimeException e) { // the client went away
            close();
        }
    }

    /** Ends the stream when its caller may no longer have it (logged out, password changed, token revoked). */
    void closeUnlessAllowed() {
        if (!closed.get() && !stillAllowed.getAsBoolean()) {
            LOG.fine("An event stream's caller is no longer signed in: ending it");
            close();
        }
    }

    /** Ends the stream, once; the client's EventSource reconnects by itself. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.clear();
        onClose.accept(this);
        try {
            context.complete();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "An event stream was already completed", e);
        }
    }
}
