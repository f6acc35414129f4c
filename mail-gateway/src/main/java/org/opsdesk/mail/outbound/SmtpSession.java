package org.opsdesk.mail.outbound;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;

/**
 * The session outbound mail is sent through: the server's mail session (host, port, STARTTLS or TLS from
 * {@code OPSDESK_SMTP_*}) with the relay's login when one is set, and time limits on connecting, reading and writing,
 * so that a relay that stops answering fails the attempt (retried later) instead of holding every later mail.
 */
final class SmtpSession {

    private SmtpSession() {
    }

    /**
     * @param server   the server's configured mail session
     * @param user     the relay's login; blank or null for a relay that takes mail without one
     * @param password its password
     * @param timeout  the longest wait to connect, and for each read or write
     */
    static Session of(Session server, String user, String password, Duration timeout) {
        Properties properties = new Properties();
        properties.putAll(server.getProperties());
        String millis = Long.toString(timeout.toMillis());
        boolean login = user != null && !user.isBlank();
        for (String protocol : new String[] {"smtp", "smtps"}) {
            String prefix = "mail." + protocol + ".";
            properties.setProperty(prefix + "connectiontimeout", millis);
            properties.setProperty(prefix + "timeout", millis);
            properties.setProperty(prefix + "writetimeout", millis);
            // to every recipient the relay takes: one mistyped Cc must not keep a reply from everyone else
            properties.setProperty(prefix + "sendpartial", "true");
            if (Boolean.parseBoolean(properties.getProperty(prefix + "starttls.enable"))) {
                // STARTTLS asked for is STARTTLS or nothing: a relay (or someone between) that does not offer it
                // would otherwise get the login in clear
                properties.setProperty(prefix + "starttls.required", "true");
            }
            if (login) {
                properties.setProperty(prefix + "auth", "true");
                properties.setProperty(prefix + "user", user.strip());
            }
        }
        if (!login) {
            return Session.getInstance(properties);
        }
        PasswordAuthentication credentials = new PasswordAuthentication(user.strip(), password == null ? "" : password);
        return Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return credentials;
            }
        });
    }
}
