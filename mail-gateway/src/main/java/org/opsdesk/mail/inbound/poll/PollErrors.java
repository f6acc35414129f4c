package org.opsdesk.mail.inbound.poll;

/**
 * A failed poll in words an admin acts on (the login refused, nothing answering, a TLS mismatch), followed by the
 * technical detail in brackets; anything else as the exception says it.
 */
final class PollErrors {

    private PollErrors() {
    }

    static String describe(String host, int port, Throwable e) {
        String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (has(e, "AuthenticationFailedException")) {
            return "The server refused the login: check the user name and password (" + detail + ")";
        }
        if (has(e, "SSLHandshakeException") || has(e, "SSLException")) {
            return "The TLS handshake with " + host + ":" + port + " failed: does this port take TLS, STARTTLS or"
                    + " neither, and does the server's certificate name this host? (" + detail + ")";
        }
        // connecting only (a timeout in the middle of a poll, once connected, is no sign that nothing answers)
        if (has(e, "ConnectException") || has(e, "UnknownHostException") || has(e, "MailConnectException")) {
            return "Nothing answers at " + host + ":" + port + ": check the server's name, the port and the"
                    + " firewall (" + detail + ")";
        }
        return detail;
    }

    /** Whether {@code e} or one of its causes is of the class named so (or extends one that is). */
    private static boolean has(Throwable e, String simpleName) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 16; t = t.getCause(), depth++) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (c.getSimpleName().equals(simpleName)) {
                    return true;
                }
            }
        }
        return false;
    }
}
