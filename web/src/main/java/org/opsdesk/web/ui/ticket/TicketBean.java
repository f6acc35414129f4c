package org.opsdesk.web.ui.ticket;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import org.opsdesk.application.AgentService;
import org.opsdesk.application.AgentService.AgentView;
import org.opsdesk.application.NotFoundException;
import org.opsdesk.application.QueueService;
import org.opsdesk.application.QueueService.QueueView;
import org.opsdesk.application.TicketCommands.AddMessage;
import org.opsdesk.application.TicketCommands.ChangeTicket;
import org.opsdesk.application.TicketCommands.ForwardMessage;
import org.opsdesk.application.AlertService;
import org.opsdesk.application.LostRaces;
import org.opsdesk.application.TicketService;
import org.opsdesk.application.WikiService;
import org.opsdesk.application.mail.OutboxService;
import org.opsdesk.application.mail.OutboxService.OutboxEntry;
import org.opsdesk.application.TicketViews.MessageView;
import org.opsdesk.application.TicketViews.TicketView;
import org.opsdesk.application.TicketViews;
import org.opsdesk.domain.DomainException;
import org.opsdesk.web.ui.AsShown;
import org.opsdesk.web.ui.CurrentAgent;
import org.opsdesk.web.ui.Drafts;
import org.opsdesk.web.ui.Format;
import org.opsdesk.web.ui.Messages;
import org.opsdesk.web.ui.PerRequest;
import org.opsdesk.web.ui.Redirects;
import org.opsdesk.web.ui.Uploads;
import org.opsdesk.web.ui.ViewerZone;
import org.opsdesk.web.ui.queue.QueueBean;

/**
 * The ticket view ({@code ticket.xhtml?n=…}). The view keeps the ticket's number and the version the
 * agent loaded; every change that the service can check is sent with that version, so a change made
 * meanwhile by someone else is reported ({@link #isStale()}) instead of overwritten. The ticket itself
 * is read again on every request (it is not kept in the view).
 */
@Named("ticketView")
@ViewScoped
public class TicketBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** History kinds that the timeline shows as the message itself. */
    private static final Set<String> MESSAGE_EVENTS = Set.of("reply_added", "comment_added", "inbound_added");
    /** Link types seen from the other ticket, for removing a link that points here. */
    private static final Map<String, String> FORWARD = Map.of("referred-to-by", "refers-to", "depended-on-by",
            "depends-on", "duplicated-by", "duplicate-of", "child-of", "parent-of", "parent-of", "child-of");
    public static final List<String> LINK_TYPES = List.of("refers-to", "depends-on", "parent-of", "child-of",
            "duplicate-of");

    /** Request attributes that hold what this request read, so each request reads the ticket once. */
    private static final String TICKET = TicketBean.class.getName() + ".ticket";
    private static final String TIMELINE = TicketBean.class.getName() + ".timeline";
    private static final String HOSTS = TicketBean.class.getName() + ".hosts";
    private static final String RUNBOOKS = TicketBean.class.getName() + ".runbooks";
    private static final String ALERTS = TicketBean.class.getName() + ".alerts";
    private static final String QUEUES = TicketBean.class.getName() + ".queues";

    @EJB
    TicketService tickets;

    @EJB
    QueueService queues;

    @EJB
    AgentService agents;

    @EJB
    org.opsdesk.application.MacroService macros;

    /** The macro chosen in the Macros panel (its id). */
    private Long macro;

    @EJB
    WikiService wiki;

    @EJB
    AlertService alertService;

    @Inject
    Uploads uploads;

    private String hostToLink;

    @Inject
    CurrentAgent me;

    /** The due date is shown and entered in the agent's zone. */
    @Inject
    ViewerZone zone;

    @Inject
    Format format;

    @EJB
    OutboxService outbox;

    private Long number;
    private long version;
    private boolean stale;


    // form fields
    private String replyBody;
    private String replyStatus;
    private transient List<Part> replyFiles;
    private String commentBody;
    private String commentStatus;
    private transient List<Part> commentFiles;
    /** Minutes worked, logged with the reply or the comment; and the Time worked form's minutes and note. */
    private Integer replyTime;
    private boolean replySigned = true;
    private Integer commentTime;
    private Integer logMinutes;
    private String logNote;
    private String status;
    private String statusNote;
    /** The status form's reminder: a local date and time in the viewer's zone ({@code datetime-local}). */
    private String pendingUntil;
    private String assignee;
    private String subject;
    /** The subject as the form showed it: left alone, it is no change (not even when someone retitled it since). */
    private String shownSubject;
    /** The tags as the Details form shows them (space-separated), and as it showed them: left alone, no change. */
    private String tags;
    private String shownTags;
    private String priority;
    private String queue;
    private String due;
    /** The due date as the form showed it, and the zone it was shown in: the text the agent left alone is no change. */
    private String shownDue;
    private ZoneId dueZone;
    private boolean clearDue;
    /** The requesters and the Cc list as the People form shows them: one address a line. */
    private String requesters;
    private String cc;
    /** The Forward form: which message, to whom, and the agent's note above it. */
    private Long forwardMessage;
    private Long splitMessage;
    private String splitSubject;
    private String splitQueue;
    private String forwardTo;
    private String forwardCc;
    private String forwardNote;
    private String linkType = "refers-to";
    private Long linkTarget;
    private Long mergeInto;
    /**
     * The number of the ticket the agent loaded (with {@link #version}): the view parameter puts the number of the
     * address back on every postback, and a ticket looked up again at the click may be another one by then.
     */
    private Long loaded;

    /**
     * The number of the ticket the page shows, which its changes go to with its version: the view parameter puts
     * the address's number back on every postback, a number merged into the one shown (its version is not that
     * ticket's: the service refuses such a change as ticket_merged).
     */
    private long shown() {
        return loaded != null ? loaded : number;
    }

    /** The view action of the first GET: loads the ticket and remembers the version the agent sees. */
    public void load() {
        if (number == null) {
            Messages.error("Which ticket? The address needs ?n=<number>.");
            return;
        }
        TicketView ticket = getTicket();
        if (ticket != null) {
            loaded = ticket.number();
            version = ticket.version();
            subject = ticket.subject();
            shownSubject = subject;
            tags = String.join(" ", ticket.tags());
            shownTags = tags;
            priority = ticket.priority();
            queue = ticket.queue();
            dueZone = zone.get();
            due = ticket.due() == null ? null
                    : LocalDateTime.ofInstant(ticket.due(), dueZone).withSecond(0).withNano(0).toString();
            shownDue = due;
            requesters = String.join("\n", ticket.requesters());
            cc = String.join("\n", ticket.cc());
            forwardMessage = ticket.messageToForward();
            splitMessage = forwardMessage;
            if (ticket.number() != number) {
                Messages.info("Ticket #" + number + " was merged into #" + ticket.number() + ".");
                number = ticket.number();
            }
        }
    }

    /** The ticket as it is now (read once per request), or null when there is none with this number. */
    public TicketView getTicket() {
        Map<Object, Object> request = FacesContext.getCurrentInstance().getAttributes();
        if (!request.containsKey(TICKET) && number != null) {
            TicketView ticket = null;
            try {
                ticket = tickets.get(number, me.caller());
            } catch (NotFoundException e) {
                Messages.error(e.getMessage());
            }
            request.put(TICKET, ticket);
        }
        return (TicketView) request.get(TICKET);
    }

    /** Messages and history events, oldest first; events that only announce a message are left out. */
    @SuppressWarnings("unchecked")
    public List<TimelineEntry> getTimeline() {
        Map<Object, Object> request = FacesContext.getCurrentInstance().getAttributes();
        TicketView ticket = getTicket();
        if (!request.containsKey(TIMELINE) && ticket != null) {
            List<TimelineEntry> entries = new ArrayList<>();
            String fileUrl = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                    + "/attachments/" + ticket.number() + "/";
            ticket.messages().forEach(m -> entries.add(TimelineEntry.of(m, fileUrl)));
            tickets.history(ticket.number(), me.caller()).stream().filter(h -> !MESSAGE_EVENTS.contains(h.kind()))
                    .forEach(h -> entries.add(TimelineEntry.of(h)));
            entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(e -> e.isMessage() ? 0 : 1));
            request.put(TIMELINE, entries);
        }
        return (List<TimelineEntry>) request.get(TIMELINE);
    }

    /** True when the ticket changed since the agent opened this page. */
    public boolean isStale() {
        TicketView ticket = getTicket();
        return stale || (ticket != null && ticket.version() != version);
    }

    public boolean isMine() {
        TicketView ticket = getTicket();
        return ticket != null && me.getLogin().equals(ticket.owner());
    }

    // ------------------------------------------------------------------ actions

    public String reply() {
        if ((replyBody == null || replyBody.isBlank()) && !Uploads.anyFile(replyFiles)) {
            Messages.error("Write the reply first (or attach a file).");
            return null;
        }
        List<Part> files = replyFiles;
        replyFiles = null; // the view outlives the request: do not keep its uploads
        return apply("Reply sent.", "ticket-" + shown() + "-reply", files, () -> tickets.reply(shown(),
                new AddMessage(replyBody, null, uploads.attachments(files), replyStatus, version, replyTime,
                        replySigned),
                me.caller()));
    }

    public String comment() {
        if ((commentBody == null || commentBody.isBlank()) && !Uploads.anyFile(commentFiles)) {
            Messages.error("Write the comment first (or attach a file).");
            return null;
        }
        List<Part> files = commentFiles;
        commentFiles = null; // the view outlives the request: do not keep its uploads
        return apply("Comment added.", "ticket-" + shown() + "-comment", files, () -> tickets.comment(shown(),
                new AddMessage(commentBody, null, uploads.attachments(files), commentStatus, version, commentTime),
                me.caller()));
    }

    public String logTime() {
        if (logMinutes == null || logMinutes == 0) {
            Messages.error("Give the minutes worked (a negative number corrects an earlier entry).");
            return null;
        }
        // an entry overwrites nothing: made again on the fresh state after a lost race, as the API does (two agents
        // logging at once both count)
        return apply("Time logged.", () -> org.opsdesk.application.LostRaces.retried(3,
                () -> tickets.logTime(shown(), logMinutes, logNote, me.caller())));
    }

    public String changeStatus() {
        Instant until = null;
        if (pendingUntil != null && !pendingUntil.isBlank()) {
            try {
                until = LocalDateTime.parse(pendingUntil).atZone(zone.get()).toInstant();
            } catch (DateTimeParseException e) {
                Messages.error("The reminder is not a date and time: " + pendingUntil);
                return null;
            }
        }
        if (status == null && until == null) {
            Messages.error("Choose the new status.");
            return null;
        }
        // a time alone sets (or, on a pending ticket, moves) the reminder
        String next = status != null ? status : "pending";
        if (until != null && !"pending".equals(next)) {
            Messages.error("A reminder time goes with the status Pending.");
            return null;
        }
        Instant reminder = until;
        return apply(reminder != null ? "Pending until " + format.dateTime(reminder) + "."
                : "Status changed to " + next + ".",
                () -> tickets.changeStatus(shown(), next, statusNote, reminder, version, me.caller()));
    }

    public String getPendingUntil() {
        return pendingUntil;
    }

    public void setPendingUntil(String pendingUntil) {
        this.pendingUntil = pendingUntil;
    }

    public String take() {
        return owner("take", null, "You own this ticket now.");
    }

    public String steal() {
        return owner("steal", null, "You took this ticket over.");
    }

    public String release() {
        return owner("release", null, "Released; nobody owns this ticket now.");
    }

    public String assign() {
        if (assignee == null) {
            Messages.error("Choose the agent to assign the ticket to.");
            return null;
        }
        return owner("assign", assignee, "Assigned to " + assignee + ".");
    }

    private String owner(String action, String agent, String done) {
        return apply(done, () -> tickets.changeOwner(shown(), action, agent, version, me.caller()));
    }

    /** Whether the agent looking watches the ticket (told by mail of each new message). */
    public boolean isWatching() {
        TicketView ticket = getTicket();
        return ticket != null && ticket.watchers().contains(me.getLogin());
    }

    public String watch() {
        // a second click or tab at the same moment: a lost race, and the request made again finds it done
        return apply("You watch this ticket now: each new message on it comes to you by mail.",
                () -> LostRaces.retried(3, () -> tickets.watch(shown(), null, me.caller())));
    }

    /** Applies the macro chosen, with the version the page showed (a change meanwhile is refused, as any). */
    public String applyMacro() {
        if (macro == null) {
            Messages.error("Choose a macro to apply.");
            return null;
        }
        String name = getMacros().stream().filter(m -> m.id() == macro).map(m -> m.name()).findFirst()
                .orElse("The macro");
        return apply("Macro " + name + " applied.", () -> macros.apply(shown(), macro, version, me.caller()));
    }

    /** The macros an agent may apply, by name. */
    public List<org.opsdesk.application.MacroService.MacroView> getMacros() {
        FacesContext context = FacesContext.getCurrentInstance();
        @SuppressWarnings("unchecked")
        List<org.opsdesk.application.MacroService.MacroView> list =
                (List<org.opsdesk.application.MacroService.MacroView>) context.getAttributes().get(MACROS);
        if (list == null) {
            list = macros.list(me.caller());
            context.getAttributes().put(MACROS, list); // read once a request, however often the page asks
        }
        return list;
    }

    private static final String MACROS = "opsdesk.ticket.macros";

    public Long getMacro() {
        return macro;
    }

    public void setMacro(Long macro) {
        this.macro = macro;
    }

    public String unwatch() {
        return apply("You no longer watch this ticket.",
                () -> LostRaces.retried(3, () -> tickets.unwatch(shown(), null, me.caller())));
    }

    public String saveDetails() {
        Instant dueAt = null;
        // the text as shown is no change: not a due date with seconds cut off, nor one moved because the zone the
        // browser reports changed since the page was shown
        if (!clearDue && due != null && !due.isBlank() && !due.equals(shownDue)) {
            try {
                dueAt = LocalDateTime.parse(due).atZone(dueZone != null ? dueZone : zone.get()).toInstant();
            } catch (DateTimeParseException e) {
                Messages.error("The due date is not a date and time: " + due);
                return null;
            }
        }
        if (dueAt != null && getTicket() != null && dueAt.equals(getTicket().due())) {
            dueAt = null;
        }
        String retitle = subject == null || subject.strip().equals(shownSubject) ? null : subject;
        // an emptied field comes as null (empty strings are submitted as null): every tag taken off
        String typed = tags == null ? "" : tags.strip();
        List<String> newTags = typed.equals(shownTags) ? null
                : org.opsdesk.web.ui.TypedWords.of(typed);
        ChangeTicket change = new ChangeTicket(priority, queue, retitle, dueAt, clearDue, null, null, newTags,
                version);
        return apply("Saved.", () -> tickets.change(shown(), change, me.caller()));
    }

    /**
     * This ticket's mail that has not gone out: waiting for the mail server, or given up. An agent who forwarded to a
     * vendor or replied to a customer sees that it did not leave, as Zammad marks a failed article.
     */
    public List<OutboxEntry> getUnsent() {
        // a mail written a moment ago waits for its first try: not worth a warning yet
        return PerRequest.once("opsdesk.ticket.unsent", () -> outbox.unsent(shown(), me.caller()));
    }

    /**
     * The canned responses an agent may insert into the reply (the wiki's pages in {@code responses/}), filled in for
     * this ticket; the page's script inserts the chosen one, as Quote does: no round trip, the files chosen and the
     * browser's draft stay as they are.
     */
    public List<TicketViews.CannedResponse> getResponses() {
        return number == null ? List.of()
                : PerRequest.once("opsdesk.ticket.responses", () -> tickets.responses(shown(), me.caller()));
    }

    /** How many of the requesters' other tickets the ticket page lists. */
    static final int REQUESTER_TICKETS = 8;

    /**
     * The requesters' other tickets, most recently updated first (RT's "More about the requestors", Zammad's customer
     * sidebar): the agent sees that this customer wrote about the same outage yesterday, or has five open tickets.
     */
    public List<TicketViews.TicketSummary> getRequesterTickets() {
        return number == null ? List.of() : PerRequest.once("opsdesk.ticket.requesterTickets",
                () -> tickets.requesterTickets(shown(), REQUESTER_TICKETS, me.caller()));
    }

    /** Sends the chosen message on to the addresses typed (one a line, or separated by commas or spaces). */
    public String forward() {
        List<String> to = addresses(forwardTo);
        if (to.isEmpty()) {
            Messages.error("Give the address to forward the message to.");
            return null;
        }
        ForwardMessage f = new ForwardMessage(forwardMessage, to, addresses(forwardCc), forwardNote);
        return apply("Forward to " + String.join(", ", to) + " queued for sending (the outbox retries until the mail"
                + " server takes it).", () -> tickets.forward(shown(), f, me.caller()));
    }

    /**
     * How the Forward form names a message: its place in the timeline, internal ones said so, who wrote it and its
     * first words (many mails of a ticket arrive within a minute).
     */
    public String messageLabel(MessageView m) {
        TicketView t = getTicket();
        int place = t == null ? 0 : t.messages().indexOf(m) + 1;
        String who = m.author() != null ? m.author() : m.from();
        String start = m.text() == null ? "" : m.text().strip();
        String words = (start.length() > 200 ? start.substring(0, 200) : start).replaceAll("\\s+", " ");
        return (place > 0 ? place + " of " + t.messages().size() + " · " : "")
                + ("comment".equals(m.kind()) ? "internal · " : "") + who + " · "
                + (words.length() > 40 ? words.substring(0, 40) + "…" : words);
    }

    /**
     * Splits the chosen message off into a new ticket (a new problem written into this thread) and opens that
     * ticket; this one keeps the message.
     */
    public String split() {
        if (splitMessage == null) {
            Messages.error("Choose the message to split off.");
            return null;
        }
        TicketView created;
        try {
            created = tickets.split(shown(), splitMessage, splitSubject, splitQueue, me.caller());
        } catch (RuntimeException e) {
            Messages.failure(e);
            return null;
        }
        Messages.info("Split off from #" + shown() + " into this new ticket; #" + shown() + " keeps the message.");
        return Redirects.to("/ticket.xhtml?n=" + created.number());
    }

    public Long getSplitMessage() {
        return splitMessage;
    }

    public void setSplitMessage(Long splitMessage) {
        this.splitMessage = splitMessage;
    }

    public String getSplitSubject() {
        return splitSubject;
    }

    public void setSplitSubject(String splitSubject) {
        this.splitSubject = splitSubject;
    }

    public String getSplitQueue() {
        return splitQueue;
    }

    public void setSplitQueue(String splitQueue) {
        this.splitQueue = splitQueue;
    }

    public Long getForwardMessage() {
        return forwardMessage;
    }

    public void setForwardMessage(Long forwardMessage) {
        this.forwardMessage = forwardMessage;
    }

    public String getForwardTo() {
        return forwardTo;
    }

    public void setForwardTo(String forwardTo) {
        this.forwardTo = forwardTo;
    }

    public String getForwardCc() {
        return forwardCc;
    }

    public void setForwardCc(String forwardCc) {
        this.forwardCc = forwardCc;
    }

    public String getForwardNote() {
        return forwardNote;
    }

    public void setForwardNote(String forwardNote) {
        this.forwardNote = forwardNote;
    }

    /** Saves the requesters and Cc lists as typed (one address a line, or separated by commas or spaces). */
    public String savePeople() {
        ChangeTicket change = new ChangeTicket(null, null, null, null, false, addresses(requesters), addresses(cc),
                version);
        return apply("Saved.", () -> tickets.change(shown(), change, me.caller()));
    }

    /**
     * The addresses typed: one a line, or separated by commas, semicolons or blanks; {@code Bob <bob@example.com>}
     * (as a mail program copies it) is Bob's address.
     */
    static List<String> addresses(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        for (String line : text.split("[\\n;]+")) {
            java.util.regex.Matcher angle = ANGLE.matcher(line);
            boolean named = false;
            while (angle.find()) {
                found.add(angle.group(1).strip());
                named = true;
            }
            // beside names with addresses in angles, the other words are names; alone, every word is an address
            String rest = named ? QUOTED.matcher(ANGLE.matcher(line).replaceAll(" ")).replaceAll(" ") : line;
            for (String word : rest.strip().split("[,\\s]+")) {
                if (!word.isBlank() && (!named || word.contains("@"))) {
                    found.add(word);
                }
            }
        }
        return found;
    }

    private static final java.util.regex.Pattern ANGLE = java.util.regex.Pattern.compile("<([^<>]+)>");
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("\"[^\"]*\"");

    public String getRequesters() {
        return requesters;
    }

    public void setRequesters(String requesters) {
        this.requesters = requesters;
    }

    public String getCc() {
        return cc;
    }

    public void setCc(String cc) {
        this.cc = cc;
    }

    public String addLink() {
        if (linkTarget == null) {
            Messages.error("Give the number of the ticket to link to.");
            return null;
        }
        return apply("Linked: " + linkType.replace('-', ' ') + " #" + linkTarget + ".",
                () -> tickets.link(number, linkType, linkTarget, me.caller()));
    }

    /** Removes a link in either direction: from this ticket, or from the other ticket to this one. */
    public String removeLink(String type, long other) {
        return apply("Link removed.", () -> {
            try {
                return tickets.unlink(number, type, other, me.caller());
            } catch (DomainException e) {
                if (!FORWARD.containsKey(type)) {
                    throw e;
                }
                return tickets.unlink(other, FORWARD.get(type), number, me.caller());
            }
        });
    }

    public String merge() {
        if (mergeInto == null) {
            Messages.error("Give the number of the ticket to merge into.");
            return null;
        }
        long target = mergeInto;
        // the ticket loaded: opened under a number merged before, the page shows (and merges) where it went, while
        // its view parameter holds the old number; one merged since it was loaded is refused (already_merged)
        long source = shown();
        return apply("Merged #" + source + " into #" + target + ".", () -> {
            TicketView into = tickets.merge(source, target, version, me.caller());
            number = into.number();
            loaded = into.number(); // shown next: the redirect goes there
            return into;
        });
    }

    /** Runs a change; on success shows the ticket afresh, on a refusal keeps the page and says why. */
    private String apply(String done, Supplier<TicketView> change) {
        return apply(done, null, null, change);
    }

    /**
     * Applies {@code change}; once it worked, the browser may forget the {@code draft} it was typed in (or null). A
     * refusal of a message with {@code files} chosen says to attach them again.
     */
    private String apply(String done, String draft, List<Part> files, Supplier<TicketView> change) {
        try {
            change.get();
        } catch (RuntimeException e) {
            Messages.failure(e);
            Uploads.remindToAttachAgain(files, "sent");
            FacesContext.getCurrentInstance().getAttributes().remove(TICKET);
            FacesContext.getCurrentInstance().getAttributes().remove(TIMELINE);
            TicketView now = getTicket();
            stale = now != null && now.version() != version;
            return null;
        }
        Messages.info(done);
        String page = "/ticket.xhtml?n=" + shown();
        return Redirects.to(draft == null ? page : Drafts.sent(page, draft));
    }

    // ------------------------------------------------------------------ choices

    private final AsShown<AlertService.TicketHosts> shownHosts = new AsShown<>();
    private final AsShown<List<TicketViews.LinkView>> shownLinks = new AsShown<>();

    /**
     * Hosts this ticket is about, and hosts its text names (suggestions to link); at a click, as the page showed
     * them (each row's button addresses a row of that list: a host monitoring linked meanwhile shifted the rows).
     */
    public AlertService.TicketHosts getHosts() {
        return number == null ? new AlertService.TicketHosts(List.of(), List.of())
                : shownHosts.get(() -> PerRequest.once(HOSTS, () -> alertService.ticketHosts(number, me.caller())));
    }

    /** The ticket's links; at a click, as the page showed them (see {@link #getHosts}). */
    public List<TicketViews.LinkView> getLinks() {
        return shownLinks.get(() -> getTicket() == null ? List.of() : getTicket().links());
    }

    public String linkHost(String host) {
        if (host == null && (hostToLink == null || hostToLink.isBlank())) {
            Messages.error("Give the host's name, short name or alias.");
            return null;
        }
        try {
            alertService.linkHost(number, host == null ? hostToLink : host, me.caller());
            FacesContext.getCurrentInstance().getAttributes().remove(HOSTS);
            Messages.info("Linked to host " + (host == null ? hostToLink : host) + ".");
            hostToLink = null;
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
        return null;
    }

    public String unlinkHost(String host) {
        try {
            alertService.unlinkHost(number, host, me.caller());
            FacesContext.getCurrentInstance().getAttributes().remove(HOSTS);
            Messages.info("No longer linked to host " + host + ".");
        } catch (RuntimeException e) {
            Messages.failure(e);
        }
        return null;
    }

    public String getHostToLink() {
        return hostToLink;
    }

    public void setHostToLink(String hostToLink) {
        this.hostToLink = hostToLink;
    }

    /** Runbooks for this ticket: pages covering its alerts, naming its hosts, or referring to it. */
    public WikiService.TicketRunbooks getRunbooks() {
        return number == null ? new WikiService.TicketRunbooks(List.of(), List.of())
                : PerRequest.once(RUNBOOKS, () -> wiki.runbooksForTicket(number, me.caller()));
    }

    /** The alerts of this ticket, with how often monitoring repeated each and when it was last seen. */
    public List<AlertService.AlertView> getAlerts() {
        return number == null ? List.of() : PerRequest.once(ALERTS, () -> alertService.ticketAlerts(number, me.caller()));
    }

    /** The queues (Details, Split), read once a request: the forms' lists ask at every phase. */
    public List<QueueView> getQueues() {
        return PerRequest.once(QUEUES, queues::list);
    }

    public List<AgentView> getAgents() {
        return agents.list(me.caller()).stream().filter(AgentView::active).toList();
    }

    public List<String> getPriorities() {
        return QueueBean.PRIORITIES;
    }

    public List<String> getLinkTypes() {
        return LINK_TYPES;
    }

    // ------------------------------------------------------------------ properties

    public Long getNumber() {
        return number;
    }

    public void setNumber(Long number) {
        this.number = number;
    }

    public long getVersion() {
        return version;
    }

    public String getReplyBody() {
        return replyBody;
    }

    public void setReplyBody(String replyBody) {
        this.replyBody = replyBody;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public Integer getReplyTime() {
        return replyTime;
    }

    public boolean isReplySigned() {
        return replySigned;
    }

    public void setReplySigned(boolean replySigned) {
        this.replySigned = replySigned;
    }

    /** The signature of the ticket's queue as written (placeholders unfilled), or null when it has none. */
    public String getQueueSignature() {
        TicketView t = getTicket();
        if (t == null) {
            return null;
        }
        return getQueues().stream().filter(q -> q.name().equals(t.queue())).findFirst().map(QueueView::signature)
                .orElse(null);
    }

    public void setReplyTime(Integer replyTime) {
        this.replyTime = replyTime;
    }

    public Integer getCommentTime() {
        return commentTime;
    }

    public void setCommentTime(Integer commentTime) {
        this.commentTime = commentTime;
    }

    public Integer getLogMinutes() {
        return logMinutes;
    }

    public void setLogMinutes(Integer logMinutes) {
        this.logMinutes = logMinutes;
    }

    public String getLogNote() {
        return logNote;
    }

    public void setLogNote(String logNote) {
        this.logNote = logNote;
    }

    public String getReplyStatus() {
        return replyStatus;
    }

    public void setReplyStatus(String replyStatus) {
        this.replyStatus = replyStatus;
    }

    public List<Part> getReplyFiles() {
        return replyFiles;
    }

    public void setReplyFiles(List<Part> replyFiles) {
        this.replyFiles = replyFiles;
    }

    public List<Part> getCommentFiles() {
        return commentFiles;
    }

    public void setCommentFiles(List<Part> commentFiles) {
        this.commentFiles = commentFiles;
    }

    public String getCommentBody() {
        return commentBody;
    }

    public void setCommentBody(String commentBody) {
        this.commentBody = commentBody;
    }

    public String getCommentStatus() {
        return commentStatus;
    }

    public void setCommentStatus(String commentStatus) {
        this.commentStatus = commentStatus;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getStatusNote() {
        return statusNote;
    }

    public void setStatusNote(String statusNote) {
        this.statusNote = statusNote;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public String getDue() {
        return due;
    }

    public void setDue(String due) {
        this.due = due;
    }

    public boolean isClearDue() {
        return clearDue;
    }

    public void setClearDue(boolean clearDue) {
        this.clearDue = clearDue;
    }

    public String getLinkType() {
        return linkType;
    }

    public void setLinkType(String linkType) {
        this.linkType = linkType;
    }

    public Long getLinkTarget() {
        return linkTarget;
    }

    public void setLinkTarget(Long linkTarget) {
        this.linkTarget = linkTarget;
    }

    public Long getMergeInto() {
        return mergeInto;
    }

    public void setMergeInto(Long mergeInto) {
        this.mergeInto = mergeInto;
    }
}
