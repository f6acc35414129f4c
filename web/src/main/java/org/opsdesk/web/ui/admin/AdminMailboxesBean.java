package org.opsdesk.web.ui.admin;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.opsdesk.application.AlertService;
import org.opsdesk.application.AlertService.SourceView;
import org.opsdesk.application.QueueService;
import org.opsdesk.application.QueueService.QueueView;
import org.opsdesk.application.mail.MailboxService;
import org.opsdesk.application.mail.MailboxService.MailboxCommand;
import org.opsdesk.application.mail.MailboxService.MailboxView;
import org.opsdesk.web.ui.AsShown;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.Redirects;

/**
 * Mailboxes ({@code admin/mailboxes.xhtml}): the IMAP and POP3 mailboxes OpsDesk polls, each with its last poll and
 * error, and one form that adds one or, with {@code ?edit=name}, changes one. What {@code /api/mail/mailboxes}
 * offers; the password is write-only here too (left empty, it stays as it is).
 */
@Named("adminMailboxes")
@ViewScoped
public class AdminMailboxesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    MailboxService mailboxes;

    @EJB
    QueueService queues;

    @EJB
    AlertService alerts;

    @Inject
    CurrentAgent me;

    private final AsShown<List<MailboxView>> shown = new AsShown<>();
    private String editing;
    private String name;
    private String protocol = "IMAP";
    private String host;
    /** Empty: the protocol's port for its security (143, 993, 110, 995). */
    private Integer port;
    private String security = "TLS";
    private String username;
    private String password;
    private String folder;
    private String queue;
    private String action = "correspond";
    private String alertSource;
    private int pollSeconds = 60;
    private boolean enabled = true;

    @PostConstruct
    void init() {
        String edit = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("edit");
        if (edit == null || edit.isBlank()) {
            return;
        }
        mailboxes.list(me.caller()).stream().filter(m -> m.name().equals(edit)).findFirst().ifPresentOrElse(m -> {
            editing = m.name();
            name = m.name();
            protocol = m.protocol();
            host = m.host();
            port = m.defaultPort() ? null : m.port();
            security = m.security();
            username = m.username();
            folder = m.folder();
            queue = m.queue();
            action = m.action();
            alertSource = m.alertSource();
            pollSeconds = m.pollSeconds();
            enabled = m.enabled();
        }, () -> Messages.error("There is no mailbox '" + edit + "'."));
    }

    /** {@code f:viewAction}: creates the bean (reading {@code ?edit=}) before the page renders its messages. */
    public void ready() {
        // the work is in init()
    }

    /** The mailboxes; at a click, as the page showed them (a row's Delete is found by its position). */
    public List<MailboxView> getMailboxes() {
        return shown.get(() -> mailboxes.list(me.caller()));
    }

    public List<String> getQueueNames() {
        return queues.list().stream().map(QueueView::name).toList();
    }

    public List<String> getAlertSourceNames() {
        return alerts.sources(me.caller()).stream().map(SourceView::name).toList();
    }

    public String save() {
        // every field is on the form, so an emptied one is meant: the folder and alert source clear, the port goes
        // back to the protocol's (0); only the password keeps its value when left empty (it is never shown)
        MailboxCommand command = new MailboxCommand(name, protocol, orEmpty(host), port == null ? 0 : port, security,
                orEmpty(username), password == null || password.isEmpty() ? null : password, orEmpty(folder), queue,
                action, orEmpty(alertSource), pollSeconds, enabled);
        try {
            if (editing == null) {
                mailboxes.create(command, me.caller());
            } else {
                mailboxes.update(editing, command, me.caller());
            }
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info(editing == null ? "Mailbox " + name.strip() + " added: its first poll comes within a minute."
                : "Mailbox " + editing + " saved.");
        return Redirects.to("/admin/mailboxes.xhtml");
    }

    public String delete(String mailbox) {
        try {
            mailboxes.delete(mailbox, me.caller());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("Mailbox " + mailbox + " deleted. Mail already taken from it stays.");
        return Redirects.to("/admin/mailboxes.xhtml");
    }

    private static String orEmpty(String field) {
        return field == null ? "" : field;
    }

    public boolean isEditing() {
        return editing != null;
    }

    public String getEditingName() {
        return editing;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getSecurity() {
        return security;
    }

    public void setSecurity(String security) {
        this.security = security;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    /** What the admin typed in this view (shown again after a refused save), never the stored one. */
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getAlertSource() {
        return alertSource;
    }

    public void setAlertSource(String alertSource) {
        this.alertSource = alertSource;
    }

    public int getPollSeconds() {
        return pollSeconds;
    }

    public void setPollSeconds(int pollSeconds) {
        this.pollSeconds = pollSeconds;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
