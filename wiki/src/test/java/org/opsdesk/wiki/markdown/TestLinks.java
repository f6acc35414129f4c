package org.opsdesk.wiki.markdown;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** A link resolver with a fixed set of existing pages and predictable URLs. */
public final class TestLinks implements LinkResolver {

    private final Set<String> existing;

    public TestLinks(String... existingPages) {
        this.existing = Set.of(existingPages);
    }

    /** The pages the golden files treat as existing. */
    public static TestLinks golden() {
        return new TestLinks("home", "runbooks/disk-full", "noderaiddegraded");
    }

    @Override
    public boolean pageExists(String path) {
        return existing.contains(path);
    }

    @Override
    public String pageUrl(String path) {
        return "/wiki/" + path;
    }

    @Override
    public String newPageUrl(String path) {
        return "/wiki/new?path=" + path;
    }

    @Override
    public String ticketUrl(long number) {
        return "/tickets/" + number;
    }

    @Override
    public String hostUrl(String hostName) {
        return "/hosts/" + hostName;
    }

    @Override
    public String attachmentUrl(String fileName) {
        return "/wiki/attachments/" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
