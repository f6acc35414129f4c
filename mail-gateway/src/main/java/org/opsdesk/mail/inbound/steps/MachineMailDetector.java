package org.opsdesk.mail.inbound.steps;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.opsdesk.mail.inbound.parse.ParsedMail;
import org.opsdesk.mail.inbound.parse.ParsedMail.DeliveryReport;
import org.opsdesk.mail.inbound.steps.MachineMailVerdict.Kind;

/**
 * Pipeline step: tells mail written by people from mail written by machines, so that we never answer a
 * robot (RFC 3834) and a bounce reaches the ticket it is about. The first rule that matches decides:
 * <ol>
 * <li><b>LOOP</b>: our own loop header is present, or the sender is one of our own addresses.</li>
 * <li><b>BOUNCE</b>: a multipart/report with report-type delivery-status; a sender whose local part is
 * {@code mailer-daemon} or {@code postmaster}; or the null sender ({@code Return-Path: <>}) with a typical
 * bounce subject (Postfix, Exim, qmail, sendmail, Exchange, Gmail wordings). Failed recipients and the
 * bounced Message-ID come from the report, when there is one.</li>
 * <li><b>AUTO_REPLY</b>: {@code Auto-Submitted} other than {@code no}; {@code X-Autoreply},
 * {@code X-Autorespond} with any value; {@code Precedence: auto_reply};
 * Exchange's {@code X-MS-Exchange-Inbox-Rules-Loop}; another multipart/report (a read receipt); the null
 * sender alone; a subject that starts with an auto-reply prefix (below); a no-reply sender.</li>
 * <li><b>QUIET</b>: {@code X-Auto-Response-Suppress} with any value (after every sign of a robot).</li>
 * <li><b>LIST</b>: {@code Precedence: bulk|junk|list}, {@code List-Id}, {@code List-Unsubscribe},
 * {@code List-Post}, {@code X-Mailing-List}, {@code Mailing-List}; {@code X-Loop} (list managers and procmail's
 * autoresponders mark the mail they pass or write with it: answered, it may come back again), unless it names one
 * of our own addresses (a procmail recipe delivering to us stamps every mail so).</li>
 * </ol>
 * The subject rule is deliberately narrow: only the fixed prefixes that Outlook/Exchange ({@code Automatic
 * reply:}, {@code Out of Office:}, {@code Out of Office AutoReply:}), Lotus Notes ({@code Auto:}) and
 * vacation programs ({@code AutoReply:}, {@code Auto-Reply:}) put before the subject, with their colon. A
 * person writing "Out of office next week" stays HUMAN.
 */
public final class MachineMailDetector {

    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("^(undelivered mail returned to sender"
            + "|delivery status notification \\((failure|delay)\\)|mail delivery failed|failure notice"
            + "|undeliverable:|undeliverable mail|returned mail:|delivery failure)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile(
            "^(automatic reply|out of office|out of office autoreply|auto|autoreply|auto-reply):",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_REPLY_LOCAL_PART =
            Pattern.compile("^(no[-_.]?reply|do[-_.]?not[-_.]?reply)([-_.+].*)?$");
    private static final Set<String> BOUNCE_SENDERS = Set.of("mailer-daemon", "postmaster");
    private static final Set<String> LIST_PRECEDENCES = Set.of("bulk", "junk", "list");
    private static final List<String> AUTO_REPLY_HEADERS = List.of("X-Autoreply", "X-Autorespond");
    private static final List<String> LIST_HEADERS =
            List.of("List-Id", "List-Unsubscribe", "List-Post", "X-Mailing-List", "Mailing-List");
    private static final int MAX_REASON_VALUE = 80;
    /** An address as written in a header value, without brackets, quotes or commas around it. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>,;\"()]+@[^\\s<>,;\"()]+");

    private final String loopHeader;
    private final String loopValue;
    private final Set<String> ownAddresses;

    /**
     * @param loopHeader   the name of the header our outgoing mail carries (e.g. {@code X-OpsDesk-Loop})
     * @param loopValue    its value in our mail (our mail domain): the same header with another value is another
     *                     installation's mark, not a loop of ours
     * @param ownAddresses the addresses we send from (any case)
     */
    public MachineMailDetector(String loopHeader, String loopValue, Set<String> ownAddresses) {
        if (loopHeader == null || loopHeader.isBlank() || loopValue == null || loopValue.isBlank()) {
            throw new IllegalArgumentException("the loop header's name and value are required");
        }
        this.loopHeader = loopHeader.strip();
        this.loopValue = loopValue.strip();
        this.ownAddresses = ownAddresses.stream().map(a -> a.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public MachineMailVerdict classify(ParsedMail mail) {
        Objects.requireNonNull(mail, "mail");
        return loop(mail).or(() -> bounce(mail)).or(() -> autoReply(mail)).or(() -> list(mail)).or(() -> xLoop(mail))
                .orElseGet(MachineMailVerdict::human);
    }

    private Optional<MachineMailVerdict> loop(ParsedMail mail) {
        // every copy of the header: mail that passed another OpsDesk (its own mark) before ours came back carries two
        for (String mark : mail.headers(loopHeader)) {
            if (mark != null && mark.strip().equalsIgnoreCase(loopValue)) {
                return verdict(Kind.LOOP, reason(loopHeader, mark));
            }
        }
        String from = mail.fromAddress() == null ? "" : mail.fromAddress().strip().toLowerCase(Locale.ROOT);
        return ownAddresses.contains(from) ? verdict(Kind.LOOP, "sent from our own address " + from)
                : Optional.empty();
    }

    private static Optional<MachineMailVerdict> bounce(ParsedMail mail) {
        DeliveryReport report = mail.report();
        if (report != null && report.reportType().equals("delivery-status")) {
            return Optional.of(MachineMailVerdict.bounce("multipart/report; report-type=delivery-status", report));
        }
        if (BOUNCE_SENDERS.contains(localPart(mail.fromAddress()))) {
            return Optional.of(MachineMailVerdict.bounce("From: " + mail.fromAddress(), report));
        }
        if ("".equals(mail.returnPath()) && BOUNCE_SUBJECT.matcher(mail.subject()).find()) {
            return Optional.of(MachineMailVerdict.bounce("Return-Path: <> and " + reason("Subject", mail.subject()),
                    report));
        }
        return Optional.empty();
    }

    private static Optional<MachineMailVerdict> autoReply(ParsedMail mail) {
        String autoSubmitted = mail.header("Auto-Submitted");
        if (autoSubmitted != null && !keyword(autoSubmitted).equals("no")) {
            return verdict(keyword(autoSubmitted).equals("auto-replied") ? Kind.AUTO_REPLY : Kind.AUTO_GENERATED,
                    reason("Auto-Submitted", autoSubmitted));
        }
        for (String name : AUTO_REPLY_HEADERS) {
            String value = mail.header(name);
            if (value != null && !value.isBlank()) {
                return verdict(Kind.AUTO_REPLY, reason(name, value));
            }
        }
        String precedence = mail.header("Precedence");
        if (precedence != null && keyword(precedence).equals("auto_reply")) {
            return verdict(Kind.AUTO_REPLY, reason("Precedence", precedence));
        }
        String rulesLoop = mail.header("X-MS-Exchange-Inbox-Rules-Loop");
        if (rulesLoop != null) {
            return verdict(Kind.AUTO_REPLY, reason("X-MS-Exchange-Inbox-Rules-Loop", rulesLoop));
        }
        if (mail.report() != null) {
            return verdict(Kind.AUTO_REPLY, "multipart/report; report-type=" + mail.report().reportType());
        }
        if (AUTO_REPLY_SUBJECT.matcher(mail.subject()).find()) {
            return verdict(Kind.AUTO_REPLY, reason("Subject", mail.subject()));
        }
        if ("".equals(mail.returnPath())) {
            return verdict(Kind.AUTO_GENERATED, "Return-Path: <>");
        }
        if (NO_REPLY_LOCAL_PART.matcher(localPart(mail.fromAddress())).matches()) {
            return verdict(Kind.AUTO_GENERATED, "noreply sender");
        }
        String suppress = mail.header("X-Auto-Response-Suppress");
        if (suppress != null && !suppress.isBlank()) {
            // a wish about the answers, not a sign of a robot (after the robots' own signs): alone, it made a
            // customer's reply from Outlook never reopen
            return verdict(Kind.QUIET, reason("X-Auto-Response-Suppress", suppress));
        }
        return Optional.empty();
    }

    private static Optional<MachineMailVerdict> list(ParsedMail mail) {
        String precedence = mail.header("Precedence");
        if (precedence != null && LIST_PRECEDENCES.contains(keyword(precedence))) {
            // bulk too: lists without List-* headers (Majordomo) mark their mail so, and a member's reply is a person's
            return verdict(Kind.LIST, reason("Precedence", precedence));
        }
        for (String name : LIST_HEADERS) {
            String value = mail.header(name);
            if (value != null) {
                return verdict(Kind.LIST, reason(name, value));
            }
        }
        return Optional.empty();
    }

    /** X-Loop as a list's or a robot's mark: any value but one that names only our own addresses. */
    private Optional<MachineMailVerdict> xLoop(ParsedMail mail) {
        for (String mark : mail.headers("X-Loop")) {
            if (mark == null || mark.isBlank()) {
                continue;
            }
            List<String> named = ADDRESS.matcher(mark).results().map(m -> m.group().toLowerCase(Locale.ROOT)).toList();
            if (named.isEmpty() || !ownAddresses.containsAll(named)) {
                return verdict(Kind.LIST, reason("X-Loop", mark));
            }
        }
        return Optional.empty();
    }

    private static Optional<MachineMailVerdict> verdict(Kind kind, String reason) {
        return Optional.of(MachineMailVerdict.of(kind, reason));
    }

    /** The value without comments and parameters, lower-case: {@code Auto-Replied; x=1 (c)} → {@code auto-replied}. */
    private static String keyword(String value) {
        String v = value.replaceAll("\\([^()]*\\)", " ");
        int semicolon = v.indexOf(';');
        return (semicolon >= 0 ? v.substring(0, semicolon) : v).strip().toLowerCase(Locale.ROOT);
    }

    private static String localPart(String address) {
        if (address == null) {
            return "";
        }
        int at = address.lastIndexOf('@');
        return (at >= 0 ? address.substring(0, at) : address).replace("\"", "").strip().toLowerCase(Locale.ROOT);
    }

    private static String reason(String header, String value) {
        String v = value.strip().replaceAll("\\s+", " ");
        return header + ": " + (v.length() > MAX_REASON_VALUE ? v.substring(0, MAX_REASON_VALUE) + "…" : v);
    }
}
