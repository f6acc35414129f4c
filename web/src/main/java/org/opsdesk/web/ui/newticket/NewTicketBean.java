package org.opsdesk.web.ui.newticket;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import org.opsdesk.application.QueueService;
import org.opsdesk.application.QueueService.QueueView;
import org.opsdesk.application.TicketCommands.CreateTicket;
import org.opsdesk.application.TicketService;
import org.opsdesk.application.TicketViews.TicketView;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.Redirects;
import org.opsdesk.web.ui.Uploads;
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
    private String cc;
    private transient List<Part> files;

    @Inject
    Uploads uploads;

    @PostConstruct
    void init() {
        queue = queues.list().stream().filter(QueueView::isDefault).map(QueueView::name).findFirst().orElse(null);
    }

    public String create() {
        TicketView created;
        List<Part> chosen = files;
        files = null; // the view outlives the request: do not keep its uploads
        try {
            created = tickets.create(new CreateTicket(queue, subject, body, requester, addresses(cc), priority,
                    uploads.attachments(chosen)), me.caller());
        } catch (RuntimeException e) {
            Messages.failure(e);
            Uploads.remindToAttachAgain(chosen, "created");
            return null;
        }
        Messages.info("Ticket #" + created.number() + " created.");
        return Redirects.to(org.opsdesk.web.ui.Drafts.sent("/ticket.xhtml?n=" + created.number(), "new-ticket"));
    }

    /** Addresses as typed: separated by commas, semicolons or blanks (the service checks each). */
    static List<String> addresses(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public String getCc() {
        return cc;
    }

    public void setCc(String cc) {
        this.cc = cc;
    }

    public List<Part> getFiles() {
        return files;
    }

    public void setFiles(List<Part> files) {
        this.files = files;
    }

    /** Preselects a queue named in the address ({@code ?queue=}, the queue page's "New ticket"); unknown: ignored. */
    public void setQueueParam(String name) {
        if (name != null && queues.list().stream().anyMatch(q -> q.name().equals(name))) {
            queue = name;
        }
    }

    public String getQueueParam() {
        return null;
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
