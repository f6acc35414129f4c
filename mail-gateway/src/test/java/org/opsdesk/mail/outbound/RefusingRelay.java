package org.opsdesk.mail.outbound;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP relay on loopback with a recipient policy, which GreenMail does not have (it takes every recipient):
 * {@code RCPT TO} an address starting with {@code nobody} is refused for good (550 5.1.1, as for an unknown
 * mailbox), one starting with {@code denied} by the relay's own rule (554 5.7.1 relay access denied), one starting
 * with {@code later} for now (450 4.2.1); everything else is taken. Speaks the plain SMTP
 * dialogue that a client without TLS and login uses, one connection at a time.
 */
final class RefusingRelay implements AutoCloseable {

    /** A mail the relay took: the recipients it accepted for it. */
    record Taken(List<String> recipients, String data) {
    }

    private final ServerSocket socket;
    private final Thread thread;
    private final List<Taken> taken = new CopyOnWriteArrayList<>();

    RefusingRelay() {
        try {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::serve, "refusing-relay");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    List<Taken> taken() {
        return taken;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException closedOrGone) {
                // the next connection, or the end
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
        reply(out, "220 relay.example ESMTP");
        List<String> recipients = new ArrayList<>();
        for (String line; (line = in.readLine()) != null;) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 relay.example");
            } else if (command.startsWith("MAIL FROM")) {
                recipients.clear();
                reply(out, "250 2.1.0 Ok");
            } else if (command.startsWith("RCPT TO")) {
                String address = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
                if (address.startsWith("nobody")) {
                    reply(out, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
                } else if (address.startsWith("denied")) {
                    reply(out, "554 5.7.1 <" + address + ">: Relay access denied");
                } else if (address.startsWith("later")) {
                    reply(out, "450 4.2.1 <" + address + ">: Mailbox busy, try again later");
                } else {
                    recipients.add(address);
                    reply(out, "250 2.1.5 Ok");
                }
            } else if (command.equals("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                StringBuilder data = new StringBuilder();
                for (String d; (d = in.readLine()) != null && !d.equals(".");) {
                    data.append(d).append('\n');
                }
                taken.add(new Taken(List.copyOf(recipients), data.toString()));
                reply(out, "250 2.0.0 Ok: queued");
            } else if (command.equals("QUIT")) {
                reply(out, "221 2.0.0 Bye");
                return;
            } else {
                reply(out, "250 Ok"); // RSET, NOOP
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
