package org.opsdesk.application;

import java.util.List;

/** Queues: listed by every agent, created and changed by admins. */
public interface QueueService {

    record QueueView(long id, String name, String description, String correspondAddress, String commentAddress,
            boolean isDefault, boolean autoReply) {
    }

    record QueueCommand(String name, String description, String correspondAddress, String commentAddress,
            Boolean isDefault, Boolean autoReply) {
    }

    List<QueueView> list();

    QueueView get(String name);

    QueueView create(QueueCommand command, Caller caller);

    QueueView update(String name, QueueCommand command, Caller caller);
}
