package org.opsdesk.application.internal.mail;

import java.time.Duration;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opsdesk.infrastructure.config.Settings;

/** The mail settings, read once: subject tag, reopen window, automatic-mail limits, retry back-off. */
@ApplicationScoped
public class MailSettings {

    @Inject
    Settings settings;

    /** The text of the subject tag: {@code [OpsDesk #123]}. */
    public String subjectTag() {
        return settings.value("mail.subject.tag").orElse("OpsDesk").replaceAll("[\\[\\]#\\r\\n]", "").strip();
    }

    /** A customer's mail to a ticket resolved longer ago than this opens a new ticket. */
    public Duration reopenWindow() {
        return Duration.ofDays(settings.value("mail.reopen.days").map(s -> Long.parseLong(s.strip())).orElse(30L));
    }

    /** Automatic mails (autoreplies, notifications) to one recipient per hour. */
    public int autoMailsPerRecipientPerHour() {
        return settings.value("mail.auto.per.recipient").map(s -> Integer.parseInt(s.strip())).orElse(5);
    }

    /** Mails telling a queue's list of new tickets per hour ({@code OPSDESK_MAIL_QUEUE_NOTIFY_PER_HOUR}). */
    public int queueNotificationsPerHour() {
        return settings.value("mail.queue.notify.per.hour").map(s -> Integer.parseInt(s.strip())).orElse(60);
    }

    /** Automatic mails about one ticket per hour. */
    public int autoMailsPerTicketPerHour() {
        return settings.value("mail.auto.per.ticket").map(s -> Integer.parseInt(s.strip())).orElse(10);
    }

    /**
     * How long automatic mail to an address pauses after mail to it bounced: a sender's address may take mail in
     * and give none back (or be forged by spam), and every autoreply to it would bounce again.
     */
    public Duration bouncePause() {
        return Duration.ofHours(settings.value("mail.bounce.pause.hours").map(s -> Long.parseLong(s.strip()))
                .orElse(24L));
    }

    /** The first retry of a failed outbound mail comes after this; each further one waits twice as long. */
    public Duration retryBase() {
        return Duration.ofSeconds(settings.value("mail.retry.seconds").map(s -> Long.parseLong(s.strip())).orElse(30L));
    }

    /** The sender of mail that no queue sends. */
    public String defaultFrom() {
        return settings.value("smtp.from").orElse("opsdesk@localhost").strip().toLowerCase(Locale.ROOT);
    }

    /** The domain of our Message-IDs. */
    public String messageIdDomain() {
        String from = defaultFrom();
        return settings.value("mail.domain").orElse(from.contains("@") ? from.substring(from.indexOf('@') + 1)
                : "opsdesk.invalid");
    }

    /** The SMTP relay's login and time limit (see {@link org.opsdesk.application.mail.OutboxService#relay()}). */
    public org.opsdesk.application.mail.OutboxService.SmtpRelay relay() {
        // read once: every claim of an outbound mail asks (for its lease), and a bad value is reported once
        if (relay == null) {
            relay = new org.opsdesk.application.mail.OutboxService.SmtpRelay(settings.value("smtp.user").orElse(null),
                    settings.value("smtp.password").orElse(null), Duration.ofSeconds(smtpTimeoutSeconds()));
        }
        return relay;
    }

    private volatile org.opsdesk.application.mail.OutboxService.SmtpRelay relay;

    /** {@code OPSDESK_SMTP_TIMEOUT_SECONDS}: a whole number above 0; anything else means the default, 60. */
    private long smtpTimeoutSeconds() {
        String raw = settings.value("smtp.timeout.seconds").orElse("60").strip();
        try {
            long seconds = Long.parseLong(raw);
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        java.util.logging.Logger.getLogger(MailSettings.class.getName()).warning(() ->
                "OPSDESK_SMTP_TIMEOUT_SECONDS='" + raw + "' is not a number of seconds above 0: using 60");
        return 60;
    }

    /** The header our outbound mail carries; mail that comes back with it is a loop. */
    public String loopHeader() {
        return "X-OpsDesk-Loop";
    }
}
