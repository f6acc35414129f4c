package org.opsdesk.wiki.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every {@code golden/*.md} and compares the HTML with {@code golden/*.html} (trimmed).
 * Pages that exist for these files: {@code home}, {@code runbooks/disk-full}, {@code noderaiddegraded}.
 */
class GoldenHtmlTest {

    static Stream<String> goldenFiles() throws IOException, URISyntaxException {
        Path folder = Path.of(GoldenHtmlTest.class.getResource("/golden").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".md"))
                    .map(name -> name.substring(0, name.length() - 3))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void rendersAsExpected(String name) throws IOException {
        String markdown = read(name + ".md");
        String expected = read(name + ".html");

        String html = MarkdownRenderer.instance().render(markdown, TestLinks.golden()).html();

        assertThat(html.trim()).isEqualTo(expected.trim());
    }

    @Test
    void thereAreGoldenFiles() throws IOException, URISyntaxException {
        assertThat(goldenFiles()).hasSizeGreaterThanOrEqualTo(11);
    }

    private static String read(String file) throws IOException {
        try (var in = GoldenHtmlTest.class.getResourceAsStream("/golden/" + file)) {
            assertThat(in).as("golden file %s", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
