package org.opsdesk.web.ui.newticket;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.QueueService;
import org.opsdesk.application.QueueService.QueueView;
import org.opsdesk.application.TicketCommands.CreateTicket;
import org.opsdesk.application.TicketService;
import org.opsdesk.application.TicketViews.TicketView;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.Redirects;
import org.opsdesk.web.ui.queue.QueueBean;

/** The "new ticket" form ({@code new-ticket.xhtml}): queue, requester, subject, body; then the ticket. */
@Named("newTicket")
@ViewScoped
public class NewTicketBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TicketService tickets;

    @EJB
    QueueService queues;

    @Inject
    CurrentAgent me;

    private String queue;
    private String requester;
    private String subject;
    private String body;
    private String priority = "normal";

    @PostConstruct
    void init() {
        queue = queues.list().stream().filter(QueueView::isDefault).map(QueueView::name).findFirst().orElse(null);
    }

    public String create() {
        TicketView created;
        try {
            created = tickets.create(new CreateTicket(queue, subject, body, requester, List.of(), priority, List.of()),
                    me.caller());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("Ticket #" + created.number() + " created.");
        return Redirects.to(org.opsdesk.web.ui.Drafts.sent("/ticket.xhtml?n=" + created.number(), "new-ticket"));
    }

    public List<QueueView> getQueues() {
        return queues.list();
    }

    public List<String> getPriorities() {
        return QueueBean.PRIORITIES;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public String getRequester() {
        return requester;
    }

    public void setRequester(String requester) {
        this.requester = requester;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }
}
