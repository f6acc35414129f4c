package org.opsdesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.opsdesk.application.Limits;
import org.opsdesk.infrastructure.config.Settings;

@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LimitsBean implements Limits {

    @Inject
    Settings settings;

    @Override
    public long maxAttachmentBytes() {
        return settings.maxAttachmentBytes();
    }
}
