package org.opsdesk.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import org.opsdesk.wiki.markdown.FrontMatter;
import org.opsdesk.wiki.markdown.Heading;
import org.opsdesk.wiki.markdown.MarkdownRenderer;
import org.opsdesk.wiki.markdown.RenderedMarkdown;
import org.opsdesk.wiki.markdown.TestLinks;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    @Test
    void aRunbookHasFrontMatterAndTheFourSections() {
        String runbook = Templates.runbook("Disk \"full\" on web01");

        RenderedMarkdown rendered = MarkdownRenderer.instance().render(runbook, new TestLinks());

        FrontMatter frontMatter = rendered.frontMatter();
        assertThat(frontMatter.title()).isEqualTo("Disk \"full\" on web01");
        assertThat(frontMatter.tags()).containsExactly("runbook");
        assertThat(frontMatter.all()).containsKeys("title", "tags", "owner", "reviewed", "alerts", "services");
        assertThat(rendered.toc()).extracting(Heading::text)
                .containsExactly("Meaning", "Impact", "Diagnosis", "Mitigation");
        assertThat(rendered.html()).doesNotContain("title:");
    }

    @Test
    void aResponseIsAPageRightInTheResponsesFolder() {
        assertThat(Templates.isResponse("responses/password-reset")).isTrue();
        assertThat(Templates.isResponse("responses/old/password-reset")).isFalse();
        assertThat(Templates.isResponse("runbooks/responses/x")).isFalse();
        assertThat(Templates.isResponse("responses")).isFalse();
        assertThat(Templates.isResponse(null)).isFalse();
    }

    @Test
    void aResponseIsThePageWithoutItsFrontMatterAndTitle() {
        assertThat(Templates.responseText("---\ntitle: Password reset\ntags: [response]\n---\n\n# Password reset\n\n"
                + "Hello {{requester.name}},\r\n\r\nyour password was reset.\n")).isEqualTo(
                        "Hello {{requester.name}},\n\nyour password was reset.");
        assertThat(Templates.responseText("Thanks, we are on it.\n## Next\nsteps")).isEqualTo(
                "Thanks, we are on it.\n## Next\nsteps");
        assertThat(Templates.responseText("# Only a title")).isEmpty();
        assertThat(Templates.responseText("---\nnot closed\nHello")).as("no front matter without its end")
                .isEqualTo("---\nnot closed\nHello");
        assertThat(Templates.responseText(null)).isEmpty();
    }
}
