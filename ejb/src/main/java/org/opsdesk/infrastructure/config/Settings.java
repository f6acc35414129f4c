package org.opsdesk.infrastructure.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * OpsDesk's configuration: a system property {@code opsdesk.x.y} wins over the environment variable
 * {@code OPSDESK_X_Y}, which wins over the default (the same order as the server's CLI expressions).
 */
@ApplicationScoped
public class Settings {

    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 25L * 1024 * 1024;

    /** The raw value of {@code key} ({@code data.dir} → {@code opsdesk.data.dir}, {@code OPSDESK_DATA_DIR}). */
    public Optional<String> value(String key) {
        String prop = System.getProperty("opsdesk." + key);
        if (prop != null && !prop.isBlank()) {
            return Optional.of(prop);
        }
        String env = System.getenv("OPSDESK_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env);
    }

    public Path dataDir() {
        return Path.of(value("data.dir").orElse("./data")).toAbsolutePath().normalize();
    }

    public long maxAttachmentBytes() {
        return value("max.attachment.mb").map(mb -> Long.parseLong(mb.trim()) * 1024 * 1024)
                .orElse(DEFAULT_MAX_ATTACHMENT_BYTES);
    }

    /** The largest request body the server reads (its {@code max-post-size}), and so the largest mail taken in. */
    public long maxRequestBytes() {
        return value("max.request.bytes").map(b -> Long.parseLong(b.trim())).orElse(209_715_200L);
    }

    public Optional<String> adminPassword() {
        return value("admin.password");
    }

    public int passwordIterations() {
        return value("password.iterations").map(s -> Integer.parseInt(s.trim())).orElse(210_000);
    }

    /** Failed logins in a row before an account is locked for a while ({@code OPSDESK_LOGIN_FAILURES_PER_ACCOUNT}). */
    public int loginFailuresPerAccount() {
        return value("login.failures.per.account").map(s -> Integer.parseInt(s.trim())).orElse(5);
    }

    /** Failed logins from one address within 10 minutes before it is locked ({@code ..._PER_ADDRESS}). */
    public int loginFailuresPerAddress() {
        return value("login.failures.per.address").map(s -> Integer.parseInt(s.trim())).orElse(30);
    }
}
