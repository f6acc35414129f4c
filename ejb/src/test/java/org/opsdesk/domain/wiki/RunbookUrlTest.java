package org.opsdesk.domain.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunbookUrlTest {

    @Test
    void aLinkIntoOpsDesksWikiNamesThePageOnAnyHost() {
        assertThat(RunbookUrl.of("https://desk.example.com/wiki.xhtml?path=runbooks/disk-full").wikiPath())
                .contains("runbooks/disk-full");
        assertThat(RunbookUrl.of("http://localhost:8080/opsdesk/wiki.xhtml?x=1&path=runbooks%2Fetcd%20down#top")
                .wikiPath()).contains("runbooks/etcd down");
        assertThat(RunbookUrl.of("/wiki.xhtml?path=kb/vpn").wikiPath()).contains("kb/vpn");
        assertThat(RunbookUrl.of("https://desk.example.com/wiki.xhtml?path=runbooks/disk-full").externalLink()).isEmpty();
        assertThat(RunbookUrl.of("https://desk.example.com/wiki.xhtml?path=runbooks/disk-full").webLink())
                .as("still a link when no page of that path exists here").isPresent();
        assertThat(RunbookUrl.of("/wiki.xhtml?path=kb/vpn").webLink()).as("relative: no host to link to").isEmpty();
    }

    @Test
    void anyOtherWebAddressIsAnExternalLinkWhoseLastSegmentMayNameACopy() {
        RunbookUrl url = RunbookUrl.of("https://github.com/openshift/runbooks/blob/master/alerts/etcd/etcdNoLeader.md");
        assertThat(url.wikiPath()).isEmpty();
        assertThat(url.externalLink()).contains(url.toString());
        assertThat(url.lastSegment()).contains("etcdNoLeader");
        assertThat(RunbookUrl.of("https://runbooks.example.org/node/NodeRAIDDegraded/").lastSegment())
                .contains("NodeRAIDDegraded");
        assertThat(RunbookUrl.of("https://wiki.example.org/wiki.xhtml").wikiPath()).isEmpty();
    }

    @Test
    void otherSchemesAndJunkAreNeitherLinksNorPages() {
        for (String junk : new String[] {"javascript:alert(1)", "file:///etc/passwd", "not a url at all",
                "ftp://files.example.org/runbook.md", "", "   ", "javascript:x/wiki.xhtml?path=a"}) {
            RunbookUrl url = RunbookUrl.of(junk);
            assertThat(url.externalLink()).as(junk).isEmpty();
            assertThat(url.wikiPath()).as(junk).isEmpty();
            assertThat(url.lastSegment()).as(junk).isEmpty();
            assertThat(url.webLink()).as(junk).isEmpty();
        }
        assertThat(RunbookUrl.of(null).externalLink()).isEmpty();
    }
}
