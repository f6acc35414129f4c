package org.opsdesk.wiki;

/** Starting points for new pages. */
public final class Templates {

    private Templates() {
    }

    /** The folder whose pages are the agents' canned responses (Zammad's text modules, Znuny's templates). */
    public static final String RESPONSES = "responses";

    /** Whether page {@code path} is a canned response: a page right in the folder {@value #RESPONSES}. */
    public static boolean isResponse(String path) {
        return path != null && path.startsWith(RESPONSES + "/") && path.indexOf('/', RESPONSES.length() + 1) < 0;
    }

    /**
     * What a canned response page puts into a reply: its Markdown without the front matter and without a first
     * {@code # Title} line (the page's name, not words for the customer), trimmed.
     */
    public static String responseText(String markdown) {
        String text = markdown == null ? "" : markdown.replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---", 3);
            if (end > 0) {
                int after = text.indexOf('\n', end + 4);
                text = after < 0 ? "" : text.substring(after + 1);
            }
        }
        text = text.strip();
        if (text.startsWith("# ")) {
            int eol = text.indexOf('\n');
            text = eol < 0 ? "" : text.substring(eol + 1).strip();
        }
        return text;
    }

    /**
     * A runbook page: front matter ({@code title}, {@code tags}, {@code owner}, {@code reviewed},
     * {@code alerts}, {@code services}) and the sections Meaning, Impact, Diagnosis and Mitigation,
     * each with a short hint to replace.
     */
    public static String runbook(String title) {
        return """
                ---
                title: %s
                tags: [runbook]
                owner:
                reviewed:
                alerts: []
                services: []
                ---

                ## Meaning

                _What the alert or symptom means: which condition is true, and since when it matters._

                ## Impact

                _Who and what is affected, and how badly: users, services, data, deadlines._

                ## Diagnosis

                _Steps to find the cause, with the commands to run and what their output tells you.
                Link hosts as host:web01 and earlier tickets as #123._

                ## Mitigation

                _How to stop the harm first, then how to fix the cause. Say when to escalate, and to whom._
                """.formatted(yamlString(title));
    }

    private static String yamlString(String value) {
        String oneLine = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        return '"' + oneLine.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
