package org.opsdesk.it.support;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * STARTTLS in front of GreenMail, which has none (greenmail#135): a loopback listener that greets as an IMAP or
 * POP3 server offering only STARTTLS (STLS), upgrades the connection with the test key of {@code
 * src/test/tls} once asked, and from then on relays the client to GreenMail's plain port (whose greeting
 * it swallows, the client having had one). Before the upgrade it answers nothing but the capability question, so a
 * client that does not upgrade gets no mail.
 */
public final class StartTlsFront implements AutoCloseable {

    public enum Protocol { IMAP, POP3 }

    private final Protocol protocol;
    private final int backendPort;
    private final boolean offersTls;
    private final SSLContext tls;
    private final ServerSocket listener;
    private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private StartTlsFront(Protocol protocol, int backendPort, boolean offersTls)
            throws IOException, GeneralSecurityException {
        this.protocol = protocol;
        this.backendPort = backendPort;
        this.offersTls = offersTls;
        this.tls = serverContext();
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "starttls-front-" + protocol);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a front for GreenMail's plain {@code protocol} server on {@code backendPort}. */
    public static StartTlsFront start(Protocol protocol, int backendPort) {
        return start(protocol, backendPort, true);
    }

    /**
     * A server that speaks plain text only and offers no STARTTLS: a client that wants TLS must give up (and the
     * garbage of a TLS handshake sent to it ends only its own session, quietly, unlike GreenMail's).
     */
    public static StartTlsFront withoutTls(Protocol protocol) {
        return start(protocol, 0, false);
    }

    private static StartTlsFront start(Protocol protocol, int backendPort, boolean offersTls) {
        try {
            return new StartTlsFront(protocol, backendPort, offersTls);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot start the STARTTLS front", e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                Thread session = new Thread(() -> serve(client), "starttls-front-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            boolean imap = protocol == Protocol.IMAP;
            String capabilities = offersTls ? "IMAP4rev1 STARTTLS LOGINDISABLED" : "IMAP4rev1 LOGINDISABLED";
            write(out, imap ? "* OK [CAPABILITY " + capabilities + "] front ready" : "+OK front ready");
            String line;
            while ((line = readLine(in)) != null) {
                String[] words = line.split(" ");
                String tag = imap ? words[0] : "";
                String command = (imap ? (words.length > 1 ? words[1] : "") : words[0]).toUpperCase(Locale.ROOT);
                if (imap && command.equals("CAPABILITY")) {
                    write(out, "* CAPABILITY " + capabilities + "\r\n" + tag + " OK CAPABILITY done");
                } else if (!imap && command.equals("CAPA")) {
                    write(out, offersTls ? "+OK\r\nSTLS\r\nUSER\r\n." : "+OK\r\nUSER\r\n.");
                } else if (offersTls && (imap && command.equals("STARTTLS") || !imap && command.equals("STLS"))) {
                    write(out, imap ? tag + " OK begin TLS" : "+OK begin TLS");
                    relayOverTls(client);
                    return;
                } else if (command.equals("LOGOUT") || command.equals("QUIT")) {
                    write(out, imap ? "* BYE\r\n" + tag + " OK bye" : "+OK bye");
                    return;
                } else {
                    write(out, imap ? tag + " BAD STARTTLS first" : "-ERR STLS first");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void relayOverTls(Socket client) throws IOException {
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(client, "127.0.0.1", client.getPort(),
                false);
        secure.setUseClientMode(false);
        secure.startHandshake();
        try (secure; Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            open.add(backend);
            readLine(backend.getInputStream()); // GreenMail's greeting: the client had one already
            Thread up = new Thread(() -> copy(secure, backend), "starttls-front-up");
            up.setDaemon(true);
            up.start();
            copy(backend, secure);
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                to.close();
                from.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    /** A line without its CRLF, read byte by byte so that nothing after it (a TLS handshake) is consumed. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    private static void write(OutputStream out, String lines) throws IOException {
        out.write((lines + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The server side of the test key (the same one GreenMail's IMAPS and POP3S use). */
    private static SSLContext serverContext() throws IOException, GeneralSecurityException {
        String file = System.getProperty("greenmail.tls.keystore.file", "src/test/tls/mailserver.p12");
        char[] password = System.getProperty("greenmail.tls.keystore.password", "changeit").toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(file)) {
            keys.load(in, password);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

    /** Stops listening and ends every session and relay still open. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closed
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closed
            }
        }
    }
}
