package org.opsdesk.application.internal.mail;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opsdesk.domain.mail.AppSetting;
import org.opsdesk.infrastructure.config.Settings;
import org.opsdesk.infrastructure.security.Secrets;

/**
 * This instance's mail identity: the secret that signs our Message-IDs (OPSDESK_MAIL_SECRET, or one
 * generated on the first start and kept in the database) and the subject tag.
 */
@Singleton
@DependsOn("Startup")
@Lock(LockType.READ)
public class MailIdentity {

    private static final Logger LOG = Logger.getLogger(MailIdentity.class.getName());
    static final String SECRET = "mail.message-id.secret";

    @PersistenceContext(unitName = "opsdesk")
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    MailSettings mail;

    private MessageIds messageIds;
    private SubjectTag subjectTag;

    @PostConstruct
    void init() {
        String secret = settings.value("mail.secret").orElseGet(() -> {
            AppSetting s = em.find(AppSetting.class, SECRET);
            if (s == null) {
                s = new AppSetting(SECRET, Secrets.random(32));
                em.persist(s);
                LOG.info("Generated the secret that signs this instance's Message-IDs.");
            }
            return s.value();
        });
        messageIds = new MessageIds(secret, mail.messageIdDomain());
        subjectTag = new SubjectTag(mail.subjectTag());
    }

    public MessageIds messageIds() {
        return messageIds;
    }

    public SubjectTag subjectTag() {
        return subjectTag;
    }
}
