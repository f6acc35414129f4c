package org.opsdesk.application.internal.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.opsdesk.infrastructure.security.Secrets;

/**
 * Our outbound Message-IDs: {@code opsdesk.<ticket>.<random>.<hmac>@<domain>}. The HMAC (SHA-256 over
 * ticket and random part, keyed with the instance's secret) means a reply that quotes one can be
 * trusted to belong to that ticket, and nobody can forge one for another ticket.
 */
public final class MessageIds {

    private static final Pattern OURS = Pattern.compile("^opsdesk\\.(\\d{1,18})\\.([A-Za-z0-9_-]{8,32})\\.([0-9a-f]{20})@.+$");

    private final byte[] secret;
    private final String domain;

    public MessageIds(String secret, String domain) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.domain = domain;
    }

    /** A new signed Message-ID for a mail about {@code ticket} (without angle brackets). */
    public String create(long ticket) {
        String random = Secrets.random(12);
        return "opsdesk." + ticket + "." + random + "." + mac(ticket + "." + random) + "@" + domain;
    }

    /** The ticket of one of our Message-IDs, if it is ours and its signature checks out. */
    public Optional<Long> ticketOf(String messageId) {
        if (messageId == null) {
            return Optional.empty();
        }
        Matcher m = OURS.matcher(messageId.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String expected = mac(m.group(1) + "." + m.group(2));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                m.group(3).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(m.group(1)));
    }

    private String mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8))).substring(0, 20);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
