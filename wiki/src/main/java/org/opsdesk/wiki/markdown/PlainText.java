package org.opsdesk.wiki.markdown;

import com.vladsch.flexmark.ast.DelimitedLinkNode;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import java.util.regex.Pattern;

/**
 * The text of a node without markup: text as displayed (escapes and entities decoded), code as
 * written, one line per block and table row. Raw HTML, front matter, link reference definitions
 * and table separator rows are left out.
 */
final class PlainText {

    private static final Pattern TRAILING_BLANKS = Pattern.compile("[ \\t]+\\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private PlainText() {
    }

    static String of(Node node) {
        StringBuilder text = new StringBuilder();
        append(node, text);
        return BLANK_LINES.matcher(TRAILING_BLANKS.matcher(text).replaceAll("\n")).replaceAll("\n\n").strip();
    }

    private static void append(Node node, StringBuilder text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (isLeftOut(child)) {
                continue;
            }
            if (child instanceof DelimitedLinkNode autolink && !autolink.hasChildren()) {
                text.append(autolink.getText());
            } else if (child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock) {
                text.append(((Block) child).getContentChars());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                text.append('\n');
            } else if (child.hasChildren()) {
                append(child, text);
            } else {
                text.append(child.getChars().unescape());
            }
            if (child instanceof TableCell) {
                text.append(' ');
            } else if ((child instanceof Block || child instanceof TableRow) && !endsWithNewline(text)) {
                text.append('\n');
            }
        }
    }

    private static boolean isLeftOut(Node node) {
        return node instanceof YamlFrontMatterBlock || node instanceof HtmlBlockBase || node instanceof HtmlInlineBase
                || node instanceof Reference || node instanceof TableSeparator;
    }

    private static boolean endsWithNewline(StringBuilder text) {
        return text.length() > 0 && text.charAt(text.length() - 1) == '\n';
    }
}
