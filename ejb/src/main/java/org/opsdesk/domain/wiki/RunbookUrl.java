package org.opsdesk.domain.wiki;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * An alert's {@code runbook_url} (Prometheus) or {@code notes_url} (Nagios, Icinga), read for the ticket page: a link
 * into OpsDesk's own wiki ({@code …/wiki.xhtml?path=runbooks/disk-full} on whatever host OpsDesk is reached by, or that
 * path alone) names a page; any other {@code http}/{@code https} URL is an external link, and its last segment may
 * still name an imported copy of the runbook ({@code …/alerts/etcdNoLeader.md} the page {@code …/etcdnoleader}). Other
 * schemes ({@code javascript:}, {@code file:}) are never links.
 */
public final class RunbookUrl {

    private static final String WIKI_PAGE = "/wiki.xhtml";

    private final String url;
    private final URI uri;

    private RunbookUrl(String url, URI uri) {
        this.url = url;
        this.uri = uri;
    }

    public static RunbookUrl of(String url) {
        String given = url == null ? "" : url.strip();
        try {
            return new RunbookUrl(given, new URI(given));
        } catch (URISyntaxException e) {
            return new RunbookUrl(given, null);
        }
    }

    /** The wiki page path this URL opens in OpsDesk itself, as written (not yet normalised). */
    public Optional<String> wikiPath() {
        if (uri == null || uri.getRawPath() == null || !uri.getRawPath().endsWith(WIKI_PAGE)
                || uri.getScheme() != null && !isWeb()) {
            return Optional.empty();
        }
        String query = uri.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("path=")) {
                String path = URLDecoder.decode(parameter.substring(5), StandardCharsets.UTF_8).strip();
                return path.isEmpty() ? Optional.empty() : Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** The URL as a link to show, when it is a web address outside OpsDesk's wiki. */
    public Optional<String> externalLink() {
        return wikiPath().isEmpty() ? webLink() : Optional.empty();
    }

    /** The URL as a link to show, when it is an absolute {@code http}/{@code https} address, into our wiki or not. */
    public Optional<String> webLink() {
        return uri != null && isWeb() && uri.getHost() != null ? Optional.of(url) : Optional.empty();
    }

    /** The last segment of an external link's path without a file extension: the name of a runbook it may copy. */
    public Optional<String> lastSegment() {
        if (externalLink().isEmpty() || uri.getPath() == null) {
            return Optional.empty();
        }
        String path = uri.getPath().replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1).replaceFirst("(?i)\\.(md|markdown|html?)$", "");
        return last.isBlank() ? Optional.empty() : Optional.of(last);
    }

    private boolean isWeb() {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    @Override
    public String toString() {
        return url;
    }
}
